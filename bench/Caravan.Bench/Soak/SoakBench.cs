using System.Globalization;
using System.Text.Json;
using Caravan.TestSupport;
using Caravan.TestSupport.Soak;

namespace Caravan.Bench.Soak;

/// <summary>
/// The long soak of the service issue: two <c>caravan serve</c> processes on one throwaway PostgreSQL (fsync on), a
/// mixed load, one server SIGKILLed and restarted every 2 minutes for 10 minutes, with the checks of the test variant
/// (tests/Caravan.Server.Tests/SoakTests.cs; both run tests/Caravan.TestSupport/Soak). Prints a summary, writes
/// bench/results/soak.json, exits 1 when a check fails.
/// Usage: soak [--minutes 10] [--kill-every 120] [--clients 16] [--warmup 60] [--alternate] [--out FILE].
/// </summary>
public static class SoakBench
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Readable "<=" and "+" in the file; it is read by people and scripts, never put in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var options = new SoakOptions
        {
            LoadSeconds = (Double(args, "--minutes") ?? 10) * 60,
            KillEverySeconds = Double(args, "--kill-every") ?? 120,
            Clients = (int)(Double(args, "--clients") ?? 16),
            // A minute: long enough for tiered JIT, pools and the GC's first budgets to settle before the baseline.
            WarmupSeconds = Double(args, "--warmup") ?? 60,
            KillMode = args.Contains("--alternate") ? SoakKillMode.Alternate : SoakKillMode.Second,
            Log = line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"),
        };
        string output = Arg(args, "--out") ?? Path.Combine(RepositoryRoot(), "bench", "results", "soak.json");
        string loadAtStart = LoadAverage();
        options.Log(string.Create(CultureInfo.InvariantCulture,
            $"soak: {options.Clients} clients, {options.LoadSeconds / 60:F1} min, a kill every {options.KillEverySeconds:F0} s ({options.KillMode}); load average {loadAtStart}"));

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var result = await SoakRun.RunAsync(await postgres.CreateDatabaseAsync("soak"), options);
            Console.WriteLine(result.Summary());
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
            {
                generatedAt = DateTime.UtcNow,
                processors = Environment.ProcessorCount,
                loadAverageAtStart = loadAtStart,
                loadAverageAtEnd = LoadAverage(),
                rssRule = $"end <= after-warm-up x {SoakOptions.RssGrowthFactor} + {SoakOptions.RssSlackBytes / 1048576} MB",
                passed = result.Passed,
                result,
            }, Json));
            Console.WriteLine($"wrote {output}");
            return result.Passed ? 0 : 1;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double? Double(string[] args, string name) => Arg(args, name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : null;

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
