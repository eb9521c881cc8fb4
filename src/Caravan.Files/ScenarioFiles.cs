using Caravan.Simulation.Corridor;

namespace Caravan.Files;

/// <summary>
/// Scenarios from the file system, then the built-in ones: a reference that looks like a path (ends in .json or has a
/// slash) is a file; a bare name is looked for next to the scenario that extends it, then as a file in the working
/// directory, then among <see cref="BuiltInScenarios"/>. A network a scenario names is relative to its folder.
/// </summary>
public sealed class ScenarioFiles : IScenarioSource
{
    public static ScenarioFiles Instance { get; } = new();

    public ScenarioDocument? Find(string reference, ScenarioDocument? from)
    {
        ArgumentNullException.ThrowIfNull(reference);
        bool looksLikePath = reference.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || reference.Contains('/') || reference.Contains('\\');
        if (from?.Location is { } directory && !looksLikePath)
        {
            string sibling = Path.Combine(directory, reference + ".json");
            if (File.Exists(sibling)) return Read(sibling);
        }
        if (looksLikePath || File.Exists(reference))
            return File.Exists(reference) ? Read(reference) : null;
        return BuiltInScenarios.Instance.Find(reference, from);
    }

    public string ResolveNetwork(string reference, ScenarioDocument from) =>
        Path.IsPathRooted(reference) || from.Location is null ? reference : Path.Combine(from.Location, reference);

    /// <summary>The document's location is its folder, so that siblings and relative network paths start there.</summary>
    private static ScenarioDocument Read(string path) =>
        new(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));
}
