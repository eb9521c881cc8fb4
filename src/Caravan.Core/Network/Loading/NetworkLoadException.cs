namespace Caravan.Network;

/// <summary>Thrown when a network file has errors (e.g. by Caravan.Files' NetworkFiles.Load); lists every one of them.</summary>
public sealed class NetworkLoadException : Exception
{
    public NetworkLoadException(IReadOnlyList<NetworkError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Every error found in the file, in the order the loader met them.</summary>
    public IReadOnlyList<NetworkError> Errors { get; }

    private static string Describe(IReadOnlyList<NetworkError> errors)
    {
        string file = errors.Count > 0 ? errors[0].File : "the network file";
        string count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return $"Could not load {file} ({count}):" + Environment.NewLine +
               string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
