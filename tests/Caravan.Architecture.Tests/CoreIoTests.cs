namespace Caravan.Architecture.Tests;

/// <summary>
/// Caravan.Core computes and nothing else: it reads no files (the host hands it text, streams or an
/// IScenarioSource; its embedded default data are manifest resources), opens no connections and keeps no clock
/// (callers time runs), so the same input gives the same result anywhere.
/// </summary>
public sealed class CoreIoTests
{
    /// <summary>File-system, network, wall-clock and process APIs; streams and readers over them are fine.</summary>
    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.FileSystemInfo", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.Path",
        "System.IO.RandomAccess", "System.IO.FileStreamOptions",
        "System.Diagnostics.Stopwatch", "System.Diagnostics.Process",
    ];

    private static readonly string[] ForbiddenNamespaces = ["System.Net", "System.IO.Pipes", "System.IO.MemoryMappedFiles", "System.IO.Enumeration"];

    [Fact]
    public void Core_uses_no_file_network_clock_or_process_api()
    {
        var offending = TypeReferences.Of(TypeReferences.Load("Caravan.Core"))
            .Where(u => ForbiddenTypes.Contains(u.ToType)
                || ForbiddenNamespaces.Any(n => u.ToNamespace == n || u.ToNamespace.StartsWith(n + ".", StringComparison.Ordinal)))
            .Select(u => u.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0, "Caravan.Core must do no file or network I/O and keep no clock:\n" + string.Join("\n", offending));
    }
}
