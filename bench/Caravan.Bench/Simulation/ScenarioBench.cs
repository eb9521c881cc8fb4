using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Caravan.Network;
using Caravan.Simulation.Corridor;

namespace Caravan.Bench.Simulation;

/// <summary>
/// The corridor model's speed on goal-10mt (10 Mt a year, the heaviest built-in scenario besides worldbank-2030):
/// (1) one replication of the one-year horizon (plus warm-up) on one thread, goal ≤ 1 s; (2) many replications on
/// every core: replications per second and CPU utilisation (CPU seconds ÷ (wall seconds × cores)). Writes
/// bench/results/scenario.json. Usage: scenario [--scenario NAME] [--replications N] [--seconds S] [--out FILE]
/// (--replications 1000 runs the full thousand; by default it runs for about --seconds (30) and extrapolates).
/// </summary>
public static class ScenarioBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string name = Arg(args, "--scenario") ?? "goal-10mt";
        int? fixedReplications = Arg(args, "--replications") is { } r ? int.Parse(r, Inv) : null;
        double budget = Arg(args, "--seconds") is { } s ? double.Parse(s, Inv) : 30;
        string output = Arg(args, "--out") ?? Path.Combine(FindRepositoryRoot(), "bench", "results", "scenario.json");

        var network = NetworkLoader.LoadDefault();
        var build = Stopwatch.StartNew();
        var plan = CorridorBuilder.Build(ScenarioLoader.Load(name), network);
        double buildSeconds = build.Elapsed.TotalSeconds;

        // Warm the JIT (tiered compilation recompiles the hot loop after ~30 calls of its methods).
        ScenarioRunner.Run(plan, 2, seed: 1000, maxDegreeOfParallelism: 1);
        Thread.Sleep(300);
        ScenarioRunner.Run(plan, 2, seed: 1001, maxDegreeOfParallelism: 1);

        // (1) One replication on one thread, median of 5.
        var single = new List<(double Wall, double Cpu, long Events)>();
        for (int i = 0; i < 5; i++)
        {
            var one = RunClock.Measure(() => ScenarioRunner.Run(plan, 1, seed: 1 + i, maxDegreeOfParallelism: 1));
            single.Add((one.WallSeconds, one.CpuSeconds, one.Value.Events));
        }
        single.Sort();
        var median = single[single.Count / 2];

        // (2) Replications on all cores: the full count, or as many as fit the time budget (measured, then extrapolated).
        int cores = Environment.ProcessorCount;
        int batch = fixedReplications ?? Math.Max(cores, (int)(budget * cores / Math.Max(median.Wall, 1e-3)));
        var timed = RunClock.Measure(() => ScenarioRunner.Run(plan, batch, seed: 7));
        var many = timed.Value;
        double perSecond = batch / timed.WallSeconds;
        double cpuUtilisation = timed.CpuSeconds / (timed.WallSeconds * cores);
        double thousandSeconds = 1000 / perSecond;

        Console.WriteLine(string.Create(Inv, $"scenario={name} horizon={plan.Scenario.HorizonDays}d warmup={plan.Scenario.WarmupDays}d build={buildSeconds:F2}s"));
        Console.WriteLine(string.Create(Inv, $"one_replication_seconds={median.Wall:F3} (cpu {median.Cpu:F3}; min {single[0].Wall:F3}, max {single[^1].Wall:F3}) events={median.Events} events_per_second={median.Events / median.Wall:F0} goal<=1s {(median.Wall <= 1 ? "met" : "missed")}"));
        Console.WriteLine(string.Create(Inv, $"replications={batch} cores={cores} wall={timed.WallSeconds:F2}s replications_per_second={perSecond:F2} cpu_utilisation={cpuUtilisation:P0}"));
        Console.WriteLine(string.Create(Inv, $"1000_replications_seconds={thousandSeconds:F1} ({(fixedReplications is null ? "extrapolated" : "measured")})"));
        Console.WriteLine(string.Create(Inv, $"delivered={many.DeliveredTonnesPerYear.Mean / 1e6:F3}±{many.DeliveredTonnesPerYear.HalfWidth / 1e6:F3} Mt/yr transit_p50={many.TransitP50Days.Mean:F1}d"));

        var json = new
        {
            scenario = name,
            horizonDays = plan.Scenario.HorizonDays,
            warmupDays = plan.Scenario.WarmupDays,
            machine = new { cores, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            buildSeconds = Math.Round(buildSeconds, 3),
            oneReplication = new { wallSeconds = Math.Round(median.Wall, 4), cpuSeconds = Math.Round(median.Cpu, 4), events = median.Events, eventsPerSecond = Math.Round(median.Events / median.Wall), goalSeconds = 1.0, met = median.Wall <= 1 },
            parallel = new { replications = batch, wallSeconds = Math.Round(timed.WallSeconds, 3), replicationsPerSecond = Math.Round(perSecond, 3), cpuUtilisation = Math.Round(cpuUtilisation, 3), thousandReplicationsSeconds = Math.Round(thousandSeconds, 1), extrapolated = fixedReplications is null },
            result = new { deliveredMtPerYear = Math.Round(many.DeliveredTonnesPerYear.Mean / 1e6, 4), transitP50Days = Math.Round(many.TransitP50Days.Mean, 2) },
            measuredAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", Inv),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
