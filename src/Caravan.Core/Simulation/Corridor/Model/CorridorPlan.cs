using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>What an element of the corridor is, for the bottleneck ranking.</summary>
public enum ElementKind { Handling, Service, Ferry, FerryBackhaul, Locomotives }

/// <summary>
/// A place where cargo can queue: a terminal's handling, a service's departures, a ferry route direction or a
/// locomotive pool. <see cref="Capacity"/> says in words what bounds it (servers, units per departure, vessels).
/// </summary>
/// <summary>A resource the model reports on; <paramref name="Service"/> is the network service it runs, if any.</summary>
public sealed record ElementInfo(int Index, string Name, ElementKind Kind, string Node, string Capacity, string Segment, string? Service = null);

/// <summary>The route a stream's consignments follow, as the planner chose it when the model was built.</summary>
public sealed record StreamRoute(string Stream, string Choice, double Share, IReadOnlyList<string> Services, IReadOnlyList<string> Nodes, double NominalDays);

/// <summary>One stream as the model runs it.</summary>
public sealed record StreamInfo(string Id, string From, string To, CargoKind Cargo, double UnitsPerYear, double TonnesPerYear, double TonnesPerUnit, bool Routable);

/// <summary>
/// A scenario compiled against a network: routes, departure points, ferries, resources and their sizes. Immutable
/// and shared by every replication; <see cref="CorridorBuilder"/> makes it, <see cref="CorridorModel"/> runs it.
/// </summary>
public sealed class CorridorPlan
{
    public required Scenario Scenario { get; init; }
    public required NetworkModel Network { get; init; }
    public required double WarmupHours { get; init; }
    public required double HorizonHours { get; init; }
    public double EndHours => WarmupHours + HorizonHours;
    public required IReadOnlyList<StreamInfo> Streams { get; init; }
    public required IReadOnlyList<StreamRoute> Routes { get; init; }
    public required IReadOnlyList<ElementInfo> Elements { get; init; }
    public required IReadOnlyList<string> Segments { get; init; }
    /// <summary>Things the user should know: a stream with no route, a planned service used, a capacity estimated.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    internal StreamPlan[] StreamPlans { get; init; } = null!;
    internal RoutePlan[] RoutePlans { get; init; } = null!;
    internal StepPlan[] Steps { get; init; } = null!;
    internal CarrierPlan[] Carriers { get; init; } = null!;
    internal FerryPlan[] Ferries { get; init; } = null!;
    internal HandlingPlan[] Handling { get; init; } = null!;
    internal PoolPlan[] Pools { get; init; } = null!;
    internal string[] WeatherPorts { get; init; } = null!;
}

internal sealed class StreamPlan
{
    public required int Index;
    public required CargoKind Kind;
    public required double UnitsPerYear;
    public required double TonnesPerUnit;
    public required int ConsignmentUnits;
    /// <summary>Consignments per hour in each calendar month.</summary>
    public required double[] MonthlyRate;
    public required int Route;
    public required int AlternativeRoute;
    public required double AlternativeShare;
    /// <summary>The route booked on a block train from the origin, or −1; taken by <see cref="BlockTrainShare"/> of consignments.</summary>
    public int BlockTrainRoute = -1;
    public double BlockTrainShare;
    /// <summary>Adaptive routing: the routes a consignment of the main share chooses among (null: always <see cref="Route"/>).</summary>
    public int[]? Candidates;
    /// <summary>[a, b]: how many leading rides candidates a and b share (same services): where a unit may still switch.</summary>
    public int[,]? SharedRides;
    /// <summary>USD a unit's hour of transit is worth, for the adaptive choice.</summary>
    public double ValueOfTimePerHour;
    /// <summary>Units waiting at the first carrier beyond which a consignment is refused.</summary>
    public required double BacklogLimitUnits;
}

internal sealed class RoutePlan
{
    public required int FirstStep;
    public required int EndStep;
    /// <summary>The planner's price of one unit on the route (USD) and its nominal duration in hours.</summary>
    public double CostPerUnit;
    public double NominalHours;
    /// <summary>Per ride: its price for one unit (transshipment included) and nominal hours from reaching its boarding node to alighting.</summary>
    public double[] RideCost = [];
    public double[] RideHours = [];
}

/// <summary>One ride: what happens at the boarding node, then the vehicle.</summary>
internal struct StepPlan
{
    public Distribution? Dwell;
    public int Handling;          // handling resource index or −1
    public Distribution? Hold;    // time holding the handling server (or a pure delay when Handling is −1)
    public int Carrier;           // scheduled departure point or −1
    public int Ferry;             // ferry route or −1
    public FerryDirection FerryDirection;
    public int Segment;
    public int Kind;              // CargoKind as int, for throughput by segment and kind
    public double TonnesPerUnit;
}

/// <summary>A service's departures from one boarding stop to one alighting stop.</summary>
internal sealed class CarrierPlan
{
    public required int Element;
    public required int Capacity;
    public required Distribution[] Running;
    /// <summary>Departure times within a week (hours from Monday 00:00), sorted; null for an interval service.</summary>
    public double[]? WeeklyOffsets;
    public double EveryHours;
    public double Phase;
    public required int Pool;
    public required double DeparturesPerDay;
}

/// <summary>The two directions of a ferry route; per-direction arrays are indexed by it.</summary>
internal enum FerryDirection
{
    /// <summary>The busier direction: a vessel loads at the berth and sails when full or after the maximum wait.</summary>
    Loaded = 0,
    /// <summary>The way back: a vessel sails at once with whatever waits, up to a full load.</summary>
    Backhaul = 1,
}

internal sealed class FerryPlan
{
    public required int[] Elements;      // per direction
    public required int Capacity;
    public required double MaxWaitHours;
    public required int Vessels;
    public required Distribution Crossing;
    public required double TurnaroundHours;
    public required int[] WeatherPort;   // per direction: index of the departure port in WeatherPorts, or −1
    public required double RoundTripHours;
}

internal sealed class HandlingPlan
{
    public required int Element;
    public required int Servers;
    public required int WeatherPort;
}

internal sealed class PoolPlan
{
    public required int Element;
    public required int Locomotives;
    public required double TurnaroundHours;
}
