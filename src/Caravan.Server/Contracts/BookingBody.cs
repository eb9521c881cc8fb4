using System.ComponentModel.DataAnnotations;

namespace Caravan.Server.Contracts;

// [Required] marks what the OpenAPI document lists as required; nothing validates the attribute itself. The types
// stay nullable so that a missing field is reported by name with the others, as for POST /plan.
/// <summary>
/// POST /bookings: an itinerary to hold, as POST /plan returned it: per leg the service, the departure time at the
/// boarding stop and where the cargo boards and alights. The server checks every leg against the network and
/// prices it; the quantities held follow from the cargo.
/// </summary>
public sealed record BookingBody
{
    [Required]
    public CargoBody? Cargo { get; init; }
    [Required]
    public IReadOnlyList<BookingLegBody>? Legs { get; init; }
    /// <summary>The shipper's own reference (purchase order, shipment number), up to 100 characters.</summary>
    public string? Reference { get; init; }
    /// <summary>
    /// true: confirm the booking in the same request (and the same transaction) that holds its capacity, answered with
    /// status "confirmed"; the fastest way to book when the shipper would confirm at once anyway. Default false (held).
    /// </summary>
    // Left out of the request hash when not given, so an Idempotency-Key sent before this field existed still replays.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Confirm { get; init; }
}

public sealed record BookingLegBody
{
    /// <summary>Service id, e.g. "XAN-DOS-BLOCK".</summary>
    [Required]
    public string? Service { get; init; }
    /// <summary>Departure from the boarding stop (a leg's "departure.utc" in a plan): ISO 8601 with an offset or Z, or local time at the stop.</summary>
    [Required]
    public string? Departure { get; init; }
    /// <summary>Boarding stop: node id or name.</summary>
    [Required]
    public string? From { get; init; }
    /// <summary>Alighting stop: node id or name.</summary>
    [Required]
    public string? To { get; init; }
}

/// <summary>PUT /departures/{id}/capacity: the capacity the operator publishes; a unit left out (null) does not bind.</summary>
public sealed record CapacityBody
{
    public double? Teu { get; init; }
    public double? Wagons { get; init; }
    public double? Tonnes { get; init; }
}

/// <summary>POST /organisations.</summary>
public sealed record OrganisationBody
{
    [Required]
    public string? Name { get; init; }
    /// <summary>shipper, operator or admin.</summary>
    [Required]
    public Caravan.Storage.OrganisationRole? Role { get; init; }
    /// <summary>For an operator: the operators or carriers (as the network's services name them) whose services it runs.</summary>
    public IReadOnlyList<string>? Carriers { get; init; }
}
