
namespace Caravan.Simulation.Corridor;

/// <summary>
/// Finds, reads, validates and merges scenarios. A scenario is named (one of the files shipped in data/scenarios,
/// embedded in Caravan.Core so the installed tool works anywhere) or given as a path. A file may <c>extends</c>
/// another: the parent is looked for next to the file first, then among the built-in scenarios.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Resource names are this prefix + scenario name + ".json" (see Caravan.Core.csproj).</summary>
    public const string ResourcePrefix = "Caravan.Scenarios.";

    private const int MaxChain = 16;

    /// <summary>The names of the scenarios shipped with Caravan, sorted.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>A built-in scenario by name, or a scenario file by path. Throws <see cref="ScenarioLoadException"/>.</summary>
    public static Scenario Load(string nameOrPath)
    {
        var (scenario, errors) = TryLoad(nameOrPath);
        return scenario ?? throw new ScenarioLoadException(errors);
    }

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var first = Locate(nameOrPath, directory: null);
        if (first is null)
        {
            string known = string.Join(", ", BuiltInNames);
            return (null, [new ScenarioError(nameOrPath, "", null, $"a scenario file or one of the built-in scenarios: {known}")]);
        }
        return Resolve(first.Value);
    }

    /// <summary>Scenario JSON from a string; <paramref name="file"/> names it in errors. Parents come from the built-in set.</summary>
    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Parse(string json, string file) =>
        Resolve(new Located(json, file, null));

    private readonly record struct Located(string Json, string File, string? Directory);

    private static (Scenario?, IReadOnlyList<ScenarioError>) Resolve(Located start)
    {
        var chain = new List<ScenarioFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Located current = start;
        while (true)
        {
            var (file, errors) = ScenarioFileReader.Read(current.Json, current.File);
            if (file is null) return (null, errors);
            file.Directory = current.Directory;
            chain.Add(file);
            if (file.Extends is not { } parent) break;
            if (!seen.Add(current.File) || chain.Count > MaxChain)
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), "a chain of scenarios without a cycle")]);
            var next = Locate(parent, current.Directory);
            if (next is null)
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), $"a scenario next to this file or built in: {string.Join(", ", BuiltInNames)}")]);
            if (seen.Contains(next.Value.File))
                return (null, [new ScenarioError(current.File, "extends", Quote(parent), "a chain of scenarios without a cycle")]);
            current = next.Value;
        }
        return Merge(chain);
    }

    private static Located? Locate(string nameOrPath, string? directory)
    {
        bool looksLikePath = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/') || nameOrPath.Contains('\\');
        if (directory is not null && !looksLikePath)
        {
            string sibling = Path.Combine(directory, nameOrPath + ".json");
            if (File.Exists(sibling)) return FromDisk(sibling);
        }
        if (looksLikePath || File.Exists(nameOrPath))
            return File.Exists(nameOrPath) ? FromDisk(nameOrPath) : null;
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + ".json");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return new Located(reader.ReadToEnd(), nameOrPath + ".json", null);
    }

    private static Located FromDisk(string path) =>
        new(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));

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
            if (f.Network is { } n) network = Path.IsPathRooted(n) || f.Directory is null ? n : Path.Combine(f.Directory, n);
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
