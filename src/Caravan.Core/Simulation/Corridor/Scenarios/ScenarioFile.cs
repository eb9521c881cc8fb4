using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// One scenario file as written: every field optional, because a file that <c>extends</c> another only says what
/// changes. <see cref="ScenarioLoader"/> merges the chain into a <see cref="Scenario"/>.
/// </summary>
internal sealed class ScenarioFile
{
    public required string File { get; init; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Extends { get; set; }
    /// <summary>The network file the scenario runs on: as written, then as the scenario source resolved it.</summary>
    public string? Network { get; set; }
    public double? WarmupDays { get; set; }
    public double? HorizonDays { get; set; }
    public bool? IncludePlanned { get; set; }
    public IReadOnlyList<string>? AvoidCountries { get; set; }
    public double? DemandScale { get; set; }
    public IReadOnlyList<double>? Seasonality { get; set; }
    public double? OriginBacklogLimitDays { get; set; }
    /// <summary>Streams in file order; a stream whose id a parent already has replaces it.</summary>
    public List<DemandStream> Demand { get; } = [];
    /// <summary>Ids of parent streams this file removes (<c>{"id": "…", "remove": true}</c>).</summary>
    public List<string> RemovedDemand { get; } = [];
    public Dictionary<string, NodeOverride> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ServiceOverride> Services { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FerryFleet> Ferries { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LocomotivePool> Locomotives { get; } = new(StringComparer.Ordinal);
    public Weather? Weather { get; set; }
    /// <summary><c>"weather": null</c> in a child switches the parent's storms off.</summary>
    public bool WeatherCleared { get; set; }
}
