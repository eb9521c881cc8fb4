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
    public AnnualCapacity? HandlingCapacity { get; init; }
    /// <summary>UN dangerous-goods classes the node's terminals accept; null accepts every class.</summary>
    public IReadOnlySet<int>? DangerousGoodsClasses { get; init; }
    /// <summary>A node that does not exist yet; used only when the planner is asked to include planned routes.</summary>
    public bool Planned { get; init; }
    public required string Source { get; init; }
}
