namespace Caravan.Simulation.Corridor;

/// <summary>The scenarios shipped in data/scenarios, embedded in Caravan.Core so the installed tool works anywhere.</summary>
public sealed class BuiltInScenarios : IScenarioSource
{
    /// <summary>Resource names are this prefix + scenario name + ".json" (see Caravan.Core.csproj).</summary>
    public const string ResourcePrefix = "Caravan.Scenarios.";

    public static BuiltInScenarios Instance { get; } = new();

    private BuiltInScenarios()
    {
    }

    /// <summary>The names of the built-in scenarios, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(BuiltInScenarios).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The built-in scenario of this name, or null; <paramref name="from"/> plays no part.</summary>
    public ScenarioDocument? Find(string reference, ScenarioDocument? from)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(ResourcePrefix + reference + ".json");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return new ScenarioDocument(reader.ReadToEnd(), reference + ".json");
    }

    /// <summary>Built-in scenarios have no folder, so a network they name is taken as written.</summary>
    public string ResolveNetwork(string reference, ScenarioDocument from) => reference;
}
