namespace Caravan.Network;

/// <summary>A physical connection between two nodes: a rail line, a road, a sea lane, a pipeline.</summary>
public sealed record Link
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required TransportMode Mode { get; init; }
    public required double DistanceKm { get; init; }
    /// <summary>Running time from one end to the other, in hours.</summary>
    public required Distribution RunningTime { get; init; }
    /// <summary>Track gauge in mm for rail links; null for other modes.</summary>
    public int? Gauge { get; init; }
    public required IReadOnlySet<CargoKind> CargoKinds { get; init; }
    /// <summary>UN dangerous-goods classes allowed on the link; empty allows none.</summary>
    public required IReadOnlySet<int> DangerousGoodsClasses { get; init; }
    public AnnualCapacity? Capacity { get; init; }
    /// <summary>Whether services may run it in both directions (most links); a pipeline usually flows one way.</summary>
    public bool Bidirectional { get; init; } = true;
    public bool Planned { get; init; }
    public required string Source { get; init; }
}

/// <summary>A link as a service runs it, in a direction.</summary>
public sealed record LinkTraversal(Link Link, string From, string To)
{
    public bool Reversed => Link.From != From;
}
