using Caravan.Network;
using Caravan.Shipments;
using NodaTime;

namespace Caravan.Planning.Requests;

/// <summary>A shipper's question: move this cargo from A to B, ready at this time, perhaps by a deadline.</summary>
public sealed record PlanRequest
{
    /// <summary>Origin node id (resolve names first with <see cref="NodeLookup"/>).</summary>
    public required string From { get; init; }
    public required string To { get; init; }
    /// <summary>When the cargo is ready at the origin.</summary>
    public required Instant ReadyTime { get; init; }
    public required Cargo Cargo { get; init; }
    /// <summary>When given, itineraries also compete on the probability of arriving by it.</summary>
    public Instant? Deadline { get; init; }
    public PlanConstraints Constraints { get; init; } = PlanConstraints.None;
    /// <summary>Monte Carlo draws behind each arrival distribution; more is smoother and slower.</summary>
    public int Samples { get; init; } = 256;
    /// <summary>Seed of the common random numbers; the same seed gives the same answer.</summary>
    public ulong Seed { get; init; } = 20241;
    /// <summary>Most vehicle rides in one itinerary (rounds of the search).</summary>
    public int MaxRides { get; init; } = 12;
}

/// <summary>What the shipper will not use.</summary>
public sealed record PlanConstraints
{
    public static PlanConstraints None { get; } = new();

    /// <summary>ISO country codes no node of the itinerary may be in.</summary>
    public IReadOnlySet<string> AvoidCountries { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> AvoidNodes { get; init; } = new HashSet<string>();
    public IReadOnlySet<TransportMode> AvoidModes { get; init; } = new HashSet<TransportMode>();
    /// <summary>Use planned routes (Zangezur/TRIPP) as if they were open.</summary>
    public bool IncludePlanned { get; init; }
    /// <summary>Ride block-train products only (<see cref="ServiceProduct.BlockTrain"/>): a through block-train booking.</summary>
    public bool BlockTrainsOnly { get; init; }
    /// <summary>Ride only these services (ids); null: any. For following one known route at other times.</summary>
    public IReadOnlySet<string>? OnlyServices { get; init; }
    /// <summary>Leave the origin on a block train (what follows may be any service).</summary>
    public bool StartOnBlockTrain { get; init; }
}
