
namespace Caravan.Simulation.Corridor;

/// <summary>
/// Reads, validates and merges scenarios. A scenario is named (one of the <see cref="BuiltInScenarios"/>) or found by
/// the host's <see cref="IScenarioSource"/> (the CLI's looks for files too). A scenario may <c>extends</c> another,
/// which the same source finds; the core itself reads no files.
/// </summary>
public static class ScenarioLoader
{
    private const int MaxChain = 16;

    /// <summary>The names of the scenarios shipped with Caravan, sorted.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltInScenarios.Names;

    /// <summary>A built-in scenario by name. Throws <see cref="ScenarioLoadException"/>.</summary>
    public static Scenario Load(string name) => Load(name, BuiltInScenarios.Instance);

    /// <summary>The scenario <paramref name="source"/> finds for <paramref name="reference"/>. Throws <see cref="ScenarioLoadException"/>.</summary>
    public static Scenario Load(string reference, IScenarioSource source)
    {
        var (scenario, errors) = TryLoad(reference, source);
        return scenario ?? throw new ScenarioLoadException(errors);
    }

    /// <summary>A built-in scenario by name, or every error.</summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(string name) => TryLoad(name, BuiltInScenarios.Instance);

    /// <summary>The scenario <paramref name="source"/> finds for <paramref name="reference"/>, or every error.</summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(string reference, IScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(source);
        var first = source.Find(reference, from: null);
        if (first is null)
        {
            string known = string.Join(", ", BuiltInNames);
            return (null, [new ScenarioError(reference, "", null, $"a scenario file or one of the built-in scenarios: {known}")]);
        }
        return Resolve(first, source);
    }

    /// <summary>Scenario JSON from a string; <paramref name="file"/> names it in errors. Parents come from the built-in set.</summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Parse(string json, string file) =>
        Resolve(new ScenarioDocument(json, file), BuiltInScenarios.Instance);

    private static (Scenario?, IReadOnlyList<ScenarioError>) Resolve(ScenarioDocument start, IScenarioSource source)
    {
        var chain = new List<ScenarioFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ScenarioDocument current = start;
        while (true)
        {
            var (file, errors) = ScenarioFileReader.Read(current.Json, current.File);
            if (file is null) return (null, errors);
            if (file.Network is { } network) file.Network = source.ResolveNetwork(network, current);
            chain.Add(file);
            if (file.Extends is not { } parent) break;
            if (!seen.Add(current.File) || chain.Count > MaxChain)
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), "a chain of scenarios without a cycle")]);
            var next = source.Find(parent, current);
            if (next is null)
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), $"a scenario next to this file or built in: {string.Join(", ", BuiltInNames)}")]);
            if (seen.Contains(next.File))
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), "a chain of scenarios without a cycle")]);
            current = next;
        }
        return Merge(chain);
    }

    /// <summary>Applies the chain root first: scalars and weather are replaced, streams and map entries replaced by key.</summary>
    private static (Scenario?, IReadOnlyList<ScenarioError>) Merge(List<ScenarioFile> chain)
    {
        var leaf = chain[0];
        var demand = new List<DemandStream>();
        var nodes = new Dictionary<string, NodeOverride>(StringComparer.Ordinal);
        var services = new Dictionary<string, ServiceOverride>(StringComparer.Ordinal);
        var ferries = new Dictionary<string, FerryFleet>(StringComparer.Ordinal);
        var pools = new Dictionary<string, LocomotivePool>(StringComparer.Ordinal);
        var errors = new List<ScenarioError>();
        Weather? weather = null;
        double warmup = 60, horizon = 365, scale = 1, backlog = 60;
        bool planned = false;
        IReadOnlyList<string> avoid = [];
        IReadOnlyList<double> seasonality = Scenario.Flat;
        string? network = null;

        for (int i = chain.Count - 1; i >= 0; i--)
        {
            var f = chain[i];
            warmup = f.WarmupDays ?? warmup;
            horizon = f.HorizonDays ?? horizon;
            scale = f.DemandScale ?? scale;
            backlog = f.OriginBacklogLimitDays ?? backlog;
            planned = f.IncludePlanned ?? planned;
            avoid = f.AvoidCountries ?? avoid;
            seasonality = f.Seasonality ?? seasonality;
            network = f.Network ?? network;
            foreach (string removed in f.RemovedDemand)
                if (demand.RemoveAll(d => d.Id == removed) == 0)
                    errors.Add(new ScenarioError(f.File, "demand", Quote(removed), "the id of a stream of the scenario it extends, to remove"));
            foreach (var stream in f.Demand)
            {
                int at = demand.FindIndex(d => d.Id == stream.Id);
                if (at >= 0) demand[at] = stream;
                else demand.Add(stream);
            }
            foreach (var (k, v) in f.Nodes) nodes[k] = v;
            foreach (var (k, v) in f.Services) services[k] = v;
            foreach (var (k, v) in f.Ferries) ferries[k] = v;
            foreach (var (k, v) in f.Locomotives) pools[k] = v;
            if (f.WeatherCleared) weather = null;
            else if (f.Weather is not null) weather = f.Weather;
        }
        if (demand.Count == 0) errors.Add(new ScenarioError(leaf.File, "demand", null, "at least one demand stream (here or in the scenario it extends)"));
        if (errors.Count > 0) return (null, errors);

        return (new Scenario
        {
            Name = leaf.Name!,
            Description = leaf.Description,
            Files = chain.Select(c => c.File).ToList(),
            WarmupDays = warmup,
            HorizonDays = horizon,
            IncludePlanned = planned,
            AvoidCountries = avoid,
            DemandScale = scale,
            Seasonality = seasonality,
            OriginBacklogLimitDays = backlog,
            Demand = demand,
            Nodes = nodes,
            Services = services,
            Ferries = ferries,
            Locomotives = pools,
            Weather = weather,
            NetworkFile = network,
        }, []);
    }

    private static string Quote(string s) => "\"" + s + "\"";
}
