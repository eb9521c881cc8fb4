using System.Runtime.CompilerServices;
using Caravan.Cli;
using NodaTime;

namespace Caravan.Core.Tests.Cli;

/// <summary>What one run of the CLI did.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the `caravan` program in-process with captured output and a fixed clock.</summary>
public static class CliRunner
{
    /// <summary>"Now" for every run: a Monday, so that a default ready time is the same on every machine.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 12, 0);

    public static CliRun Run(params string[] args) => Run(args, Caravan.Cli.Rendering.OutputFormat.Table, width: null);

    /// <summary>
    /// A run whose output is a file or a pipe (<paramref name="defaultFormat"/> Plain) or a terminal of
    /// <paramref name="width"/> columns.
    /// </summary>
    public static CliRun Run(string[] args, Caravan.Cli.Rendering.OutputFormat defaultFormat, int? width)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = CliContext.ForWriters(output, error, new FixedClock(Now), defaultFormat);
        if (width is { } w) context.Console.Profile.Width = w;
        int exitCode = Program.Run(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// A file of the repository: found above the test binaries (a normal build) or above this source file (a build
    /// with its artifacts elsewhere, e.g. --artifacts-path).
    /// </summary>
    public static string RepoFile(string relativePath, [CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null && start.Length > 0; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln")))
                    return Path.Combine(dir.FullName, relativePath);
        throw new FileNotFoundException($"No Caravan.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }

    /// <summary>
    /// The CLI tests' own network (a copy of the format example): four nodes in CN, KZ and AZ, the block train
    /// XAN-DOS-BLOCK, the daily DOS-AKT-DAILY and the ASCO ferry AKT-ALT-FERRY that sails when full.
    /// </summary>
    public static string TestNetwork => RepoFile(Path.Combine("tests", "Caravan.Core.Tests", "Cli", "cli-test-network.json"));

    /// <summary>The canonical format example, which `network check` must always accept.</summary>
    public static string ExampleNetwork => RepoFile(Path.Combine("docs", "examples", "tiny-network.json"));

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
