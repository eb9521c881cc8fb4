using System.Text;
using System.Text.Json;

namespace Caravan.Network;

/// <summary>
/// Collects the errors of one file while the section readers walk it. Readers never stop at the first error: they
/// record it here with its path and carry on, so a user fixes a file in one round instead of one error per run.
/// </summary>
internal sealed class ReadContext(string file)
{
    /// <summary>Values longer than this are cut in messages: a whole node object helps nobody.</summary>
    private const int MaxFoundLength = 60;

    private readonly List<NetworkError> _errors = [];

    public string File { get; } = file;
    public IReadOnlyList<NetworkError> Errors => _errors;
    public int ErrorCount => _errors.Count;

    public void Error(string path, string? found, string expected) => _errors.Add(new NetworkError(File, path, found, expected));

    public void Error(string path, JsonElement found, string expected) => Error(path, Show(found), expected);

    /// <summary>Reads <paramref name="element"/> as an object, or reports that it is not one.</summary>
    public ObjectReader? Object(JsonElement element, string path, string expected)
    {
        if (element.ValueKind == JsonValueKind.Object) return new ObjectReader(this, element, path);
        Error(path, element, expected);
        return null;
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>The raw JSON text of a value on one line, shortened.</summary>
    public static string Show(JsonElement element) => Shorten(element.GetRawText());

    /// <summary>A string as it would appear in the file, for errors found by cross-reference checks.</summary>
    public static string Quote(string text) => Shorten("\"" + text + "\"");

    private static string Shorten(string raw)
    {
        var oneLine = new StringBuilder(Math.Min(raw.Length, MaxFoundLength + 1));
        bool lastWasSpace = false;
        foreach (char c in raw)
        {
            bool space = char.IsWhiteSpace(c);
            if (space && lastWasSpace) continue;
            oneLine.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (oneLine.Length > MaxFoundLength) break;
        }
        return oneLine.Length > MaxFoundLength ? oneLine.ToString(0, MaxFoundLength - 1) + "…" : oneLine.ToString();
    }
}
