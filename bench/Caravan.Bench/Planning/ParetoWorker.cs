using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Caravan.Network;

namespace Caravan.Bench.Planning;

/// <summary>Large-network Pareto timings: each finished query's runs, the queries cut off at the time limit, and profiles.</summary>
internal sealed class ParetoFigures(double cutOffSeconds)
{
    /// <summary>Milliseconds of each run by query; a cut-off query counts as one run at the cut-off, so figures are then lower bounds.</summary>
    public Dictionary<int, List<double>> Samples { get; } = [];
    public int QueriesTimed { get; set; }
    public int QueriesCutOff { get; set; }
    public double CutOffSeconds { get; } = cutOffSeconds;
    public List<int> Itineraries { get; } = [];
    public List<PlanProfile> Profiles { get; } = [];
    public Latency Latency => Latency.OfQueries(Samples.Values);

    public void Add(int query, double ms)
    {
        if (!Samples.TryGetValue(query, out var runs)) Samples[query] = runs = [];
        runs.Add(ms);
    }
}

/// <summary>
/// Runs the large-network Pareto queries in a child process, so that a query far slower than the goal can be cut off
/// at a time limit (the planner has no cancellation) without stalling the benchmark or leaving a thread spinning on
/// one of the two cores. The child rebuilds the same network and queries from the seeds and reports one line per run.
/// The budget is checked before each query; a started query gets its full time limit, so queries are never dropped
/// for being slow, only cut off and counted at the limit.
/// </summary>
internal static class ParetoWorker
{
    public const string Flag = "--pareto-worker";

    /// <summary>Parent side: times queries from the first on, restarting the child after a cut-off, within the budget.</summary>
    public static ParetoFigures Run(PlanBenchOptions o)
    {
        var figures = new ParetoFigures(o.ParetoQueryLimitSeconds);
        var budget = Stopwatch.StartNew();
        int next = 0;
        while (next < o.LargeQueries && budget.Elapsed.TotalSeconds < o.ParetoBudgetSeconds)
            next = RunChild(o, next, figures, budget);
        return figures;
    }

    private enum Phase { Starting, Timing, Profiling }

    /// <summary>Runs a child from query <paramref name="start"/>; returns the next query to run, or the count when done.</summary>
    private static int RunChild(PlanBenchOptions o, int start, ParetoFigures figures, Stopwatch budget)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(typeof(ParetoWorker).Assembly.Location);
        foreach (var a in new[] { "plan", Flag, "--start", Text(start), "--seed", Text(o.NetworkSeed), "--query-seed", Text(o.QuerySeed),
                     "--queries", Text(o.LargeQueries), "--pareto-runs", Text(o.ParetoRuns) })
            psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        var lines = new BlockingCollection<string>();
        child.OutputDataReceived += (_, e) => { if (e.Data is null) lines.CompleteAdding(); else lines.Add(e.Data); };
        child.BeginOutputReadLine();

        var phase = Phase.Starting;
        int current = start;
        try
        {
            while (true)
            {
                var limit = TimeSpan.FromSeconds(phase == Phase.Starting ? 120 : o.ParetoQueryLimitSeconds);
                if (!lines.TryTake(out var line, limit))
                {
                    if (lines.IsCompleted)
                    {
                        if (current < o.LargeQueries) Console.WriteLine($"    Pareto worker ended at query {current}");
                        return o.LargeQueries;
                    }
                    switch (phase)
                    {
                        case Phase.Timing:
                            Console.WriteLine($"    Pareto {current}: cut off after {o.ParetoQueryLimitSeconds:0} s");
                            figures.Add(current, o.ParetoQueryLimitSeconds * 1000);
                            figures.QueriesCutOff++;
                            figures.Itineraries.Add(-1);
                            return current + 1;
                        case Phase.Profiling:
                            return current + 1;
                        default:
                            Console.WriteLine("    Pareto worker did not start");
                            return o.LargeQueries;
                    }
                }
                var parts = line.Split(' ', 3);
                switch (parts[0])
                {
                    case "READY":
                        phase = Phase.Timing;
                        break;
                    case "TIMED":
                        figures.Add(current, double.Parse(parts[2], CultureInfo.InvariantCulture));
                        break;
                    case "DONE":
                        figures.Itineraries.Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
                        figures.QueriesTimed++;
                        Console.WriteLine($"    Pareto {current}: {Latency.Format(figures.Samples[current].Min())} (best of {figures.Samples[current].Count}), {parts[2]} itineraries");
                        phase = Phase.Profiling;
                        break;
                    case "PROFILE":
                        figures.Profiles.Add(JsonSerializer.Deserialize<PlanProfile>(parts[2])!);
                        current++;
                        phase = Phase.Timing;
                        if (budget.Elapsed.TotalSeconds >= o.ParetoBudgetSeconds) return o.LargeQueries;
                        break;
                    default:
                        Console.WriteLine($"    worker: {line}");
                        break;
                }
            }
        }
        finally
        {
            if (!child.HasExited) child.Kill();
            child.WaitForExit();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Child side: build, warm up, then for each query its timed runs and a stage profile, one line each.</summary>
    public static int RunChildSide(PlanBenchOptions o)
    {
        var large = LargeNetworkGenerator.Generate(o.NetworkSeed);
        var planner = new Caravan.Planning.Planner(large.Model);
        var queries = BenchQueries.LargeNetwork(large, o.LargeQueries, o.QuerySeed, maxRides: null);
        // Warm up the JIT on the default network and the departure calendars with earliest-arrival searches.
        var small = new Caravan.Planning.Planner(NetworkLoader.LoadDefault());
        foreach (var q in BenchQueries.DefaultNetwork().Where(q => q.Request.Deadline is null)) small.Plan(q.Request);
        foreach (var q in queries.Skip(o.ParetoStart).Take(3)) planner.EarliestArrival(q.Request);
        var profile = new PlannerProfile(large.Model);
        Console.WriteLine("READY");
        for (int k = o.ParetoStart; k < queries.Count; k++)
        {
            int itineraries = 0;
            for (int run = 0; run < o.ParetoRuns; run++)
            {
                double ms = Latency.Time(() => itineraries = planner.Plan(queries[k].Request).Itineraries.Count);
                Console.WriteLine(FormattableString.Invariant($"TIMED {k} {ms:0.###}"));
                if (ms > 2000) break; // one run of a slow query says enough
            }
            Console.WriteLine(FormattableString.Invariant($"DONE {k} {itineraries}"));
            var p = profile.Run("large network, Pareto", [queries[k].Request], false);
            Console.WriteLine($"PROFILE {k} {JsonSerializer.Serialize(p)}");
        }
        return 0;
    }
}
