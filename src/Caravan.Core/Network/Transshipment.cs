namespace Caravan.Network;

/// <summary>
/// Moving cargo between vehicles that differ in mode or gauge at a node (gauge change 1435/1520 mm,
/// rail↔ferry, rail↔sea, truck↔rail). A change between modes or gauges with no rule is not possible there.
/// </summary>
public sealed record Transshipment
{
    public required string Id { get; init; }
    public required string Node { get; init; }
    public required TransportMode FromMode { get; init; }
    public required TransportMode ToMode { get; init; }
    /// <summary>Gauge of the arriving rail vehicle; null matches any (and non-rail).</summary>
    public int? FromGauge { get; init; }
    public int? ToGauge { get; init; }
    public required Distribution Time { get; init; }
    /// <summary>Cost in <see cref="Currency"/>; each part is per unit of the cargo.</summary>
    public required TransshipmentCost Cost { get; init; }
    public required string Currency { get; init; }
    /// <summary>Hub operation category for emissions (a key into <see cref="EmissionTable.HubOperations"/>); null emits nothing.</summary>
    public string? HubOperation { get; init; }
    public required string Source { get; init; }
}

/// <summary>Transshipment charges; every part applies (a container pays PerTeu × TEU, bulk PerTonne × t, ...).</summary>
public sealed record TransshipmentCost(decimal PerShipment, decimal PerTeu, decimal PerTonne, decimal PerWagon);
