namespace Caravan.Network;

/// <summary>
/// Parses a corridor network from its JSON (the format is documented in docs/network-format.md) and validates
/// all of it: every error in the file is reported at once, each with its path, and no network is returned unless
/// the file is entirely valid. Reading a file is the host's part (Caravan.Files): the core does no file I/O.
/// </summary>
public static class NetworkLoader
{
    /// <summary>The embedded default network's resource name (see Caravan.Core.csproj).</summary>
    public const string DefaultResourceName = "Caravan.DefaultNetwork.corridor.json";

    private const string DefaultFileName = "corridor.json";

    // ExecutionAndPublication: concurrent first callers parse once and all get the same instance.
    private static readonly Lazy<NetworkModel> Default = new(LoadDefaultUncached, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The corridor network shipped inside the library, parsed once and cached; thread-safe. Its
    /// <see cref="NetworkModel.Origin"/> is "default". Throws <see cref="NetworkLoadException"/> if the shipped file is invalid.
    /// </summary>
    public static NetworkModel LoadDefault() => Default.Value;

    /// <summary>
    /// Parses network JSON. <paramref name="origin"/> names the file in every error (use the file name, not a full
    /// path) and becomes the network's <see cref="NetworkModel.Origin"/>.
    /// </summary>
    public static NetworkLoadResult Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(origin);
        return NetworkFileReader.Read(json, origin, origin);
    }

    /// <summary>
    /// Parses network JSON read by the host (the core reads no files): <paramref name="file"/> names it in every error,
    /// <paramref name="origin"/> (e.g. the path it was read from) becomes the network's <see cref="NetworkModel.Origin"/>.
    /// </summary>
    public static NetworkLoadResult Parse(string json, string file, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(origin);
        return NetworkFileReader.Read(json, file, origin);
    }

    private static NetworkModel LoadDefaultUncached()
    {
        using var stream = typeof(NetworkLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from Caravan.Core.");
        using var reader = new StreamReader(stream);
        var result = NetworkFileReader.Read(reader.ReadToEnd(), DefaultFileName, "default");
        if (!result.Ok) throw new NetworkLoadException(result.Errors);
        // The wait set shipped beside the network applies only while it was measured on this very file.
        return result.Network!.WithWaits(WaitSetFile.LoadDefault());
    }
}
