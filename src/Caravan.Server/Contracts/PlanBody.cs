using System.ComponentModel.DataAnnotations;
using Caravan.Network;

namespace Caravan.Server.Contracts;

// [Required] marks what the OpenAPI document lists as required; nothing validates the attribute itself.
/// <summary>
/// The question behind POST /plan: the same as `caravan plan`'s options. Every field is optional in the type so
/// that a missing one is reported by name with the others (see Requests/PlanRequestReader), not as a JSON error.
/// </summary>
public record PlanBody
{
    /// <summary>Origin: a node id or name ("CNXAN", "Xi'an").</summary>
    [Required]
    public string? From { get; init; }
    /// <summary>Destination: a node id or name.</summary>
    [Required]
    public string? To { get; init; }
    [Required]
    public CargoBody? Cargo { get; init; }
    /// <summary>When the cargo is ready: ISO 8601 date or date-time; without an offset, local time at the origin. Default: now.</summary>
    public string? ReadyTime { get; init; }
    /// <summary>Arrive by: ISO 8601 date (end of that day) or date-time; without an offset, local time at the destination.</summary>
    public string? Deadline { get; init; }
    public ConstraintsBody? Constraints { get; init; }
    /// <summary>Monte Carlo draws behind each arrival distribution, 16 to 4096 (default 256).</summary>
    public int? Samples { get; init; }
    /// <summary>Random seed, 0 to 9223372036854775807 (2^63 − 1); the same seed gives the same answer.</summary>
    public ulong? Seed { get; init; }
}

/// <summary>POST /quote: a plan question and which of its itineraries to price.</summary>
public sealed record QuoteBody : PlanBody
{
    /// <summary>The itinerary to price, numbered as POST /plan lists them (1-based). Default: the cheapest.</summary>
    public int? Option { get; init; }
}

/// <summary>
/// What to move, in the units of the response's "cargo": containers by size, bulk by tonnes, wagonload by wagons.
/// </summary>
public sealed record CargoBody
{
    /// <summary>container, dryBulk, liquidBulk or wagon. Default: container when containers are given, wagon when wagons are.</summary>
    public CargoKind? Kind { get; init; }
    public int? Containers20 { get; init; }
    public int? Containers40 { get; init; }
    /// <summary>Conventional wagonload: number of wagons.</summary>
    public int? Wagons { get; init; }
    /// <summary>Bulk tonnes; for containers or wagons, the gross mass of them all (default 10 t per TEU, 60 t per wagon).</summary>
    public double? Tonnes { get; init; }
    /// <summary>UN dangerous-goods class 1-9.</summary>
    public int? DangerousGoodsClass { get; init; }
    public bool? Reefer { get; init; }
    public bool? Oversize { get; init; }
}

/// <summary>What the route may not use.</summary>
public sealed record ConstraintsBody
{
    /// <summary>ISO 3166-1 alpha-2 codes of countries no node of the route may be in.</summary>
    public IReadOnlyList<string>? AvoidCountries { get; init; }
    /// <summary>Node ids or names the route may not pass.</summary>
    public IReadOnlyList<string>? AvoidNodes { get; init; }
    public IReadOnlyList<TransportMode>? AvoidModes { get; init; }
    /// <summary>Use planned routes (e.g. Zangezur/TRIPP) as if they were open.</summary>
    public bool? IncludePlanned { get; init; }
}
