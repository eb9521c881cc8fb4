namespace Caravan.Network;

/// <summary>
/// One problem in a network file: which file, where inside it (a JSON path such as <c>links[12].distanceKm</c>),
/// the value found there (raw JSON text, shortened; null when the value is missing) and what was expected.
/// </summary>
public sealed record NetworkError(string File, string Path, string? Found, string Expected)
{
    /// <summary>E.g. <c>corridor.json: links[12].distanceKm: found -5, expected a distance in km &gt; 0</c>.</summary>
    public override string ToString()
    {
        string where = Path.Length == 0 ? File : $"{File}: {Path}";
        string found = Found is null ? "missing" : $"found {Found}";
        return $"{where}: {found}, expected {Expected}";
    }
}
