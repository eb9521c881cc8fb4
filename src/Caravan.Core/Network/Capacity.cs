namespace Caravan.Network;

/// <summary>
/// Capacity of one departure (a train, a sailing) in any of three units; a unit left null does not bind.
/// A shipment needs as many departures as its most demanding unit requires.
/// </summary>
public sealed record DepartureCapacity(double? Teu, double? Wagons, double? Tonnes)
{
    public static DepartureCapacity Unlimited { get; } = new(null, null, null);
}

/// <summary>Yearly throughput of a node or link, for the simulation and for planners; null means not stated.</summary>
public sealed record AnnualCapacity(double? TeuPerYear, double? TonnesPerYear, double? WagonsPerYear);
