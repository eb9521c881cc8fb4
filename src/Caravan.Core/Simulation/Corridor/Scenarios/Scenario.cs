using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// A corridor scenario after its <c>extends</c> chain is resolved: demand, the capacity changes it makes to the
/// network, fleets, locomotive pools, weather and the run length. Everything it does not say comes from the
/// network (docs/scenarios.md). Built by <see cref="ScenarioLoader"/>.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The files read, the scenario's own first and the root of its <c>extends</c> chain last.</summary>
    public required IReadOnlyList<string> Files { get; init; }
    /// <summary>The network file the scenario names (`"network"`, resolved against its file's folder); null: the default network.</summary>
    public string? NetworkFile { get; init; }
    /// <summary>Simulated before the measurement starts, so queues and fleets are not measured empty.</summary>
    public double WarmupDays { get; init; } = 60;
    /// <summary>The measured period (one year by default) that follows the warm-up.</summary>
    public double HorizonDays { get; init; } = 365;
    /// <summary>Route demand over planned links and services (Zangezur/TRIPP) as if they were open.</summary>
    public bool IncludePlanned { get; init; }
    /// <summary>Countries no planned route may cross unless a stream says otherwise (e.g. RU, BY: keeps streams on the TITR).</summary>
    public IReadOnlyList<string> AvoidCountries { get; init; } = [];
    /// <summary>Multiplies every stream's volume.</summary>
    public double DemandScale { get; init; } = 1;
    /// <summary>Monthly demand factors January…December for streams that give none; they average 1.</summary>
    public IReadOnlyList<double> Seasonality { get; init; } = Flat;
    /// <summary>A consignment arriving at an origin where more than this many days of departures' capacity already wait is refused.</summary>
    public double OriginBacklogLimitDays { get; init; } = 60;
    public required IReadOnlyList<DemandStream> Demand { get; init; }
    public IReadOnlyDictionary<string, NodeOverride> Nodes { get; init; } = new Dictionary<string, NodeOverride>();
    public IReadOnlyDictionary<string, ServiceOverride> Services { get; init; } = new Dictionary<string, ServiceOverride>();
    public IReadOnlyDictionary<string, FerryFleet> Ferries { get; init; } = new Dictionary<string, FerryFleet>();
    public IReadOnlyDictionary<string, LocomotivePool> Locomotives { get; init; } = new Dictionary<string, LocomotivePool>();
    public Weather? Weather { get; init; }

    public static IReadOnlyList<double> Flat { get; } = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
}

/// <summary>How a stream picks its route among the planner's Pareto itineraries.</summary>
public enum RouteChoice { Cheapest, Fastest }

/// <summary>
/// Fixed: every consignment of the stream's main share takes one route (<see cref="DemandStream.Route"/>).
/// Adaptive: each consignment chooses among the planner's itineraries as a forwarder would, by price plus the value
/// of its time over the route's nominal time and the queues it would join now.
/// </summary>
public enum Routing { Adaptive, Fixed }

/// <summary>
/// One flow of cargo: origin, destination, kind and yearly volume. Consignments arrive as a Poisson process whose
/// rate follows the monthly seasonality; each brings <see cref="ConsignmentUnits"/> units (wagon loads) at once.
/// </summary>
public sealed record DemandStream
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required CargoKind Cargo { get; init; }
    /// <summary>Containers: TEU per year. Exactly one of the two volumes is given.</summary>
    public double? TeuPerYear { get; init; }
    public double? TonnesPerYear { get; init; }
    public IReadOnlyList<double>? Seasonality { get; init; }
    public int ConsignmentUnits { get; init; } = 1;
    public RouteChoice Route { get; init; } = RouteChoice.Cheapest;
    /// <summary>Share of consignments that take the fastest itinerary instead of <see cref="Route"/> (0–1).</summary>
    public double FastestShare { get; init; }
    /// <summary>Share of consignments booked on a block train from the origin: the fastest itinerary that leaves on one (0–1).</summary>
    public double BlockTrainShare { get; init; }
    public Routing Routing { get; init; } = Routing.Adaptive;
    /// <summary>What a day of transit is worth to the shipper, USD per unit (wagon load); null: by <see cref="Route"/>.</summary>
    public double? ValueOfTimeUsdPerDay { get; init; }
    public IReadOnlyList<string>? AvoidCountries { get; init; }
    public IReadOnlyList<string> AvoidNodes { get; init; } = [];
    public required string Source { get; init; }
    /// <summary>The scenario file that defined the stream, for error messages.</summary>
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}

/// <summary>A node's handling capacity in the scenario: replaces the network's figures where given, then scales.</summary>
public sealed record NodeOverride
{
    public double? TeuPerYear { get; init; }
    public double? TonnesPerYear { get; init; }
    public double CapacityScale { get; init; } = 1;
    public required string Source { get; init; }
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}

/// <summary>
/// A service in the scenario: more trains per timetable slot (<see cref="CapacityScale"/>), another capacity per
/// departure, a departure interval instead of the network's pattern, or switched off.
/// </summary>
public sealed record ServiceOverride
{
    public double CapacityScale { get; init; } = 1;
    public DepartureCapacity? CapacityPerDeparture { get; init; }
    public double? EveryHours { get; init; }
    public bool Disabled { get; init; }
    public required string Source { get; init; }
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}

/// <summary>The vessels shuttling on a sail-when-full service (and its return service).</summary>
public sealed record FerryFleet
{
    public int? Vessels { get; init; }
    public double? MaxWaitHours { get; init; }
    /// <summary>Berth time of a vessel at each end besides the cargo's own handling.</summary>
    public double? TurnaroundHours { get; init; }
    public required string Source { get; init; }
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}

/// <summary>Locomotives of one operator: every train of its services needs one for the run and the way back.</summary>
public sealed record LocomotivePool
{
    public required int Locomotives { get; init; }
    public double TurnaroundHours { get; init; } = 12;
    public required string Source { get; init; }
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}

/// <summary>Storms that close ports: a Poisson number per month per port, each lasting a drawn duration.</summary>
public sealed record Weather
{
    public required IReadOnlyList<string> Ports { get; init; }
    /// <summary>Expected storms per month, January…December (one value repeated when the file gives a number).</summary>
    public required IReadOnlyList<double> StormsPerMonth { get; init; }
    public required Distribution Duration { get; init; }
    public required string Source { get; init; }
    public string File { get; init; } = "";
    /// <summary>Where in that file, e.g. <c>demand[2]</c> or <c>services.DOS-AKT-KTZ</c>.</summary>
    public string Path { get; init; } = "";
}
