namespace Caravan.Simulation.Corridor;

/// <summary>
/// One problem in a scenario: the file, where inside it (a JSON path such as <c>demand[2].teuPerYear</c>), the value
/// found (raw JSON, shortened; null when missing) and what was expected. Reads like the network loader's errors.
/// </summary>
public sealed record ScenarioError(string File, string Path, string? Found, string Expected)
{
    public override string ToString()
    {
        string where = Path.Length == 0 ? File : $"{File}: {Path}";
        string found = Found is null ? "missing" : $"found {Found}";
        return $"{where}: {found}, expected {Expected}";
    }

    internal static ScenarioError From(Caravan.Network.NetworkError e) => new(e.File, e.Path, e.Found, e.Expected);
}

/// <summary>A scenario that cannot be used; <see cref="Errors"/> lists every problem found, the first in the message.</summary>
public sealed class ScenarioLoadException(IReadOnlyList<ScenarioError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors; first: {errors[0]}")
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
