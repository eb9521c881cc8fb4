using NodaTime;

namespace Caravan.Network;

/// <summary>A place cargo can start, end, or change vehicle: terminal, port, border crossing, hub.</summary>
public sealed record Node
{
    /// <summary>Stable id: the UN/LOCODE where one exists (e.g. "KZAKT" for Aktau).</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Other names a user may type (transliterations, former names).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public required string Country { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>IANA time zone id; timetables at this node are in its local time.</summary>
    public required string TimeZoneId { get; init; }
    public required DateTimeZone TimeZone { get; init; }
    public required NodeKind Kind { get; init; }
    /// <summary>Track gauges (mm) present at the node; empty for a node without rail.</summary>
    public IReadOnlyList<int> Gauges { get; init; } = [];
    /// <summary>Handling and dwell time of cargo changing vehicle here, in hours.</summary>
    public required Distribution Dwell { get; init; }
    /// <summary>
    /// Dwell of cargo boarding a block train here, when it differs: a pre-booked through train skips the marshalling,
    /// document checks and wait for a slot that <see cref="Dwell"/> covers. Null: the same as <see cref="Dwell"/>.
    /// </summary>
    public Distribution? BlockTrainDwell { get; init; }
    public AnnualCapacity? HandlingCapacity { get; init; }
    /// <summary>UN dangerous-goods classes the node's terminals accept; null accepts every class.</summary>
    public IReadOnlySet<int>? DangerousGoodsClasses { get; init; }
    /// <summary>A node that does not exist yet; used only when the planner is asked to include planned routes.</summary>
    public bool Planned { get; init; }
    public required string Source { get; init; }

    /// <summary>
    /// The dwell of cargo that arrives here on <paramref name="arriving"/> (null: it starts here) and leaves on
    /// <paramref name="leaving"/>. Only a block-train connection (starting here or arriving on a block train, and
    /// leaving on one) has the block-train dwell: cargo off a standard train waits to be consolidated like any other.
    /// </summary>
    public Distribution DwellBetween(Service? arriving, Service leaving) =>
        IsBlockTrainConnection(arriving?.Product, leaving.Product) && BlockTrainDwell is { } d ? d : Dwell;

    /// <summary>Whether a change from a ride of product <paramref name="arriving"/> (null: the origin) to one of <paramref name="leaving"/> is a block-train connection.</summary>
    public static bool IsBlockTrainConnection(ServiceProduct? arriving, ServiceProduct leaving) =>
        leaving == ServiceProduct.BlockTrain && arriving is null or ServiceProduct.BlockTrain;
}
