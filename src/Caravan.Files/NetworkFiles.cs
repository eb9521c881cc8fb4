using Caravan.Network;

namespace Caravan.Files;

/// <summary>Reads a network file from disk and hands its text to <see cref="NetworkLoader"/>, which validates all of it.</summary>
public static class NetworkFiles
{
    /// <summary>Loads a network file; throws <see cref="NetworkLoadException"/> listing every error.</summary>
    public static NetworkModel Load(string path)
    {
        var result = TryLoad(path);
        return result.Ok ? result.Network! : throw new NetworkLoadException(result.Errors);
    }

    /// <summary>Loads a network file without throwing: a missing or unreadable file gives one error.</summary>
    public static NetworkLoadResult TryLoad(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Path.GetFileName(path) is { Length: > 0 } name ? name : path;
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Reads as "corridor.json: missing, expected a readable network file (Could not find file '…')".
            return new NetworkLoadResult(null, [new NetworkError(file, "", null, $"a readable network file ({e.Message.TrimEnd('.')})")]);
        }
        // The errors name the file; the network remembers the path it came from.
        return NetworkLoader.Parse(json, file, path);
    }
}
