namespace Caravan.Simulation.Corridor;

/// <summary>
/// One scenario document: its JSON text, the name it goes by in errors (a file name such as "baseline-2024.json"),
/// and where the host found it (e.g. a folder), which only the host's <see cref="IScenarioSource"/> interprets.
/// </summary>
public sealed record ScenarioDocument(string Json, string File, string? Location = null);

/// <summary>
/// What the host supplies to <see cref="ScenarioLoader"/>: scenario documents by name or path. The core reads no files,
/// so the built-in scenarios come from <see cref="BuiltInScenarios"/> and files from a source the host (CLI, server)
/// implements on its file system.
/// </summary>
public interface IScenarioSource
{
    /// <summary>
    /// The document <paramref name="reference"/> names, or null when there is none: at the top of a chain
    /// (<paramref name="from"/> null) what the user asked for, further down the <c>extends</c> of <paramref name="from"/>.
    /// </summary>
    ScenarioDocument? Find(string reference, ScenarioDocument? from);

    /// <summary>The network file <paramref name="reference"/> (as written in <paramref name="from"/>) names, as the host will open it.</summary>
    string ResolveNetwork(string reference, ScenarioDocument from);
}
