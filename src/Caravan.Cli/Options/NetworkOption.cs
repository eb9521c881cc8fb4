using System.CommandLine;
using Caravan.Files;
using Caravan.Network;

namespace Caravan.Cli.Options;

/// <summary>`--network FILE`: which network a command works on; the embedded default corridor when absent.</summary>
internal static class NetworkOption
{
    public static Option<string?> Create() => new("--network")
    {
        Description = "Network file (JSON) to use instead of the embedded default corridor network.",
        HelpName = "FILE",
    };

    /// <summary>
    /// The network the option (or, as <paramref name="field"/> says, a scenario) names; an unreadable or invalid file
    /// is a <see cref="CliFailureException"/> that names where the path came from.
    /// </summary>
    public static NetworkModel Load(string? path, string field = "--network")
    {
        if (path is null) return NetworkLoader.LoadDefault();
        InputFile.RequireReadable(field, path);
        NetworkLoadResult result;
        try
        {
            result = NetworkFiles.TryLoad(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"{field}: cannot read '{path}': {e.Message}");
        }
        if (result.Network is { } network && result.Errors.Count == 0) return network;

        string count = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
        string first = result.Errors.Count > 0 ? $"; first: {result.Errors[0]}" : "";
        throw new CliFailureException(
            $"{field}: '{path}' is not a usable network ({count}{first}). Run 'caravan network check {path}' to list them.");
    }
}
