using NodaTime;

namespace Caravan.Network;

/// <summary>A carrier's service along a chain of stops with a departure pattern and a capacity per departure.</summary>
public sealed record Service
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Who runs the vehicles (e.g. "ASCO", "KTZ Express").</summary>
    public required string Operator { get; init; }
    /// <summary>Whose tariff applies: a key into <see cref="NetworkModel.Tariffs"/>.</summary>
    public required string Carrier { get; init; }
    public required TransportMode Mode { get; init; }
    /// <summary>Node ids in running order; cargo may board and alight at any of them.</summary>
    public required IReadOnlyList<string> Stops { get; init; }
    /// <summary>The links between consecutive stops, resolved by the loader.</summary>
    public required IReadOnlyList<LinkTraversal> Legs { get; init; }
    public required DeparturePattern Departures { get; init; }
    public required DepartureCapacity CapacityPerDeparture { get; init; }
    /// <summary>Emission vehicle class (GLEC "transport operation category"): a key into <see cref="EmissionTable.VehicleClasses"/>.</summary>
    public required string VehicleClass { get; init; }
    /// <summary>Cargo kinds the carrier accepts; null accepts whatever the links accept.</summary>
    public IReadOnlySet<CargoKind>? CargoKinds { get; init; }
    /// <summary>Dangerous-goods classes the carrier accepts; null accepts whatever the links accept.</summary>
    public IReadOnlySet<int>? DangerousGoodsClasses { get; init; }
    /// <summary>Load factor and empty running of this service when they differ from the vehicle class defaults.</summary>
    public double? LoadFactor { get; init; }
    public double? EmptyRunning { get; init; }
    /// <summary>Standard service, or a block train whose cargo boards with a node's shorter block-train dwell.</summary>
    public ServiceProduct Product { get; init; }
    public bool Planned { get; init; }
    public required string Source { get; init; }

    /// <summary>Position of <paramref name="node"/> among the stops at or after <paramref name="start"/>, or −1.</summary>
    public int IndexOfStop(string node, int start = 0)
    {
        for (int i = Math.Max(0, start); i < Stops.Count; i++) if (Stops[i] == node) return i;
        return -1;
    }
}

/// <summary>When a service departs from its first stop.</summary>
public abstract record DeparturePattern;

/// <summary>Fixed timetable: on these days of the week at these local times of the first stop.</summary>
public sealed record TimetablePattern(IReadOnlySet<IsoDayOfWeek> Days, IReadOnlyList<LocalTime> Times) : DeparturePattern;

/// <summary>Every N hours from a first departure in local time of the first stop.</summary>
public sealed record IntervalPattern(double EveryHours, LocalDateTime FirstDeparture) : DeparturePattern;

/// <summary>
/// A vessel that sails once loaded, or after <paramref name="MaxWaitHours"/> at the latest. <paramref name="FillTime"/>
/// is the time other traffic takes to fill an empty vessel; a shipment filling a share of it shortens the wait in proportion.
/// </summary>
public sealed record SailWhenFullPattern(double MaxWaitHours, Distribution FillTime) : DeparturePattern;
