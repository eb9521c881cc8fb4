using System.Diagnostics;
using Caravan.Network;
using Caravan.Planning;
using NodaTime;

namespace Caravan.Bench.Planning;

/// <summary>
/// Planner latency in one run: (a) full Pareto <see cref="Planner.Plan"/> on the default network over a fixed set of
/// realistic queries; (b) <see cref="Planner.EarliestArrival"/> and full Pareto on a generated network of 5,000+ nodes
/// and 1,000,000+ departures a year, against a QuikGraph Dijkstra on a time-expanded graph as the baseline, whose
/// earliest arrival must equal the planner's on every query. Stopwatch timing after warm-up, each query repeated,
/// runs of different queries interleaved. Prints a table of figures and goals and writes bench/results/plan-latency.json.
/// Exit code 1 when the baseline and the planner disagree (the benchmark then measures nothing trustworthy).
/// </summary>
public static class PlanLatencyBench
{
    public static int Run(string[] args)
    {
        PlanBenchOptions options;
        try { options = PlanBenchOptions.Parse(args); }
        catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
        if (options.IsParetoWorker) return ParetoWorker.RunChildSide(options);
        if (options.Loop is not null) return ProfileLoop.Run(options);

        var total = Stopwatch.StartNew();
        var report = new PlanLatencyReport(options) { LoadAtStart = LoadAverage() };
        Console.WriteLine($"Caravan planner latency benchmark{(options.Quick ? " (quick)" : "")}: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        DefaultNetwork(options, report);
        bool agree = LargeNetwork(options, report);

        report.TotalSeconds = total.Elapsed.TotalSeconds;
        report.LoadAtEnd = LoadAverage();
        report.Print();
        string path = report.Write();
        Console.WriteLine($"Wrote {path}");
        return agree ? 0 : 1;
    }

    private static void DefaultNetwork(PlanBenchOptions o, PlanLatencyReport report)
    {
        var network = NetworkLoader.LoadDefault();
        var planner = new Planner(network);
        var queries = BenchQueries.DefaultNetwork();
        Console.WriteLine($"\n(a) Default network '{network.Name}' {network.Version}: {network.Nodes.Count} nodes, {network.Services.Count} services; {queries.Count} queries, {o.DefaultWarmupRuns} warm-up runs each, then as many timed runs as fit in {o.DefaultQueryBudgetSeconds} s per query ({o.DefaultMinRuns}–{o.DefaultRuns}), interleaved");

        // Warm-up: the full count, but a slow query stops after three runs once it has had a second.
        var warm = new double[queries.Count];
        for (int k = 0; k < queries.Count; k++)
        {
            double spent = 0;
            for (int i = 0; i < o.DefaultWarmupRuns && (i < 3 || spent < 1000); i++)
                spent += warm[k] = Latency.Time(() => planner.Plan(queries[k].Request));
        }
        int[] runs = warm.Select(ms => Math.Clamp((int)(o.DefaultQueryBudgetSeconds * 1000 / Math.Max(ms, 1e-3)), o.DefaultMinRuns, o.DefaultRuns)).ToArray();

        var samples = queries.Select(_ => new List<double>()).ToArray();
        var results = new PlanResult[queries.Count];
        for (int run = 0; run < runs.Max(); run++)
            for (int k = 0; k < queries.Count; k++)
                if (run < runs[k]) samples[k].Add(Latency.Time(() => results[k] = planner.Plan(queries[k].Request)));

        for (int k = 0; k < queries.Count; k++)
        {
            var latency = Latency.Of(samples[k]);
            var fastest = results[k].Itineraries.FirstOrDefault();
            report.DefaultQueries.Add(new QueryFigures(queries[k].Name, latency, results[k].Itineraries.Count,
                fastest is null ? null : Math.Round(fastest.Duration.TotalDays, 2), fastest?.Legs.Count));
            Console.WriteLine($"  {queries[k].Name,-58} {latency,-42} {results[k].Itineraries.Count} itineraries");
        }
        report.DefaultAll = Latency.OfQueries(samples);
        report.DefaultNoDeadline = Latency.OfQueries(samples.Where((_, k) => queries[k].Request.Deadline is null));
        report.DefaultWithDeadline = Latency.OfQueries(samples.Where((_, k) => queries[k].Request.Deadline is not null));
        var profile = new PlannerProfile(network);
        foreach (bool deadline in new[] { false, true })
        {
            var chosen = queries.Where(q => q.Request.Deadline is not null == deadline).Select(q => q.Request).ToList();
            for (int i = 0; i < 3; i++) profile.Run("warm-up", chosen, false);
            report.DefaultProfile.Add(profile.Run($"default network, Pareto, {(deadline ? "with" : "without")} deadline", chosen, false));
        }
    }

    private static bool LargeNetwork(PlanBenchOptions o, PlanLatencyReport report)
    {
        var sw = Stopwatch.StartNew();
        var large = LargeNetworkGenerator.Generate(o.NetworkSeed);
        report.GenerateMs = sw.Elapsed.TotalMilliseconds;
        report.Large = large;
        Console.WriteLine($"\n(b) Large network (seed {o.NetworkSeed}), generated in {report.GenerateMs / 1000:0.0} s: {large.Describe()}");

        sw.Restart();
        var planner = new Planner(large.Model);
        report.CompileMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  Planner built (network compiled) in {report.CompileMs / 1000:0.0} s");

        var eaQueries = BenchQueries.LargeNetwork(large, o.LargeQueries, o.QuerySeed, o.EarliestArrivalMaxRides);

        // Earliest arrival: a warm-up pass (which gives the answers to check and sizes the runs), then interleaved timed passes.
        var answers = new Itinerary?[eaQueries.Count];
        double warmMs = 0;
        for (int k = 0; k < eaQueries.Count; k++) warmMs += Latency.Time(() => answers[k] = planner.EarliestArrival(eaQueries[k].Request));
        int eaRuns = Math.Clamp((int)(o.EarliestArrivalBudgetSeconds * 1000 / warmMs), o.EarliestArrivalMinRuns, o.EarliestArrivalRuns);
        var eaPerQuery = eaQueries.Select(_ => new List<double>()).ToArray();
        for (int run = 0; run < eaRuns; run++)
            for (int k = 0; k < eaQueries.Count; k++)
            {
                eaPerQuery[k].Add(Latency.Time(() => planner.EarliestArrival(eaQueries[k].Request)));
            }
        report.EarliestArrival = Latency.OfQueries(eaPerQuery);
        report.EarliestArrivalRuns = eaRuns;
        report.Legs = answers.Where(a => a is not null).Select(a => a!.Legs.Count).Order().ToList();
        report.AnswersUsing = new Dictionary<string, int>
        {
            ["gaugeChange"] = answers.Count(a => a is not null && a.Legs.Any(l => l.Transshipment is { FromMode: TransportMode.Rail, ToMode: TransportMode.Rail })),
            ["sailWhenFullFerry"] = answers.Count(a => a is not null && a.Legs.Any(l => l.Service.Departures is SailWhenFullPattern)),
            ["timetabledFerryOrSea"] = answers.Count(a => a is not null && a.Legs.Any(l => l.Service.Mode is TransportMode.Ferry or TransportMode.Sea && l.Service.Departures is not SailWhenFullPattern)),
            ["road"] = answers.Count(a => a is not null && a.Legs.Any(l => l.Service.Mode == TransportMode.Road)),
        };
        Console.WriteLine($"  Planner earliest arrival: {report.EarliestArrival}; rides per answer {Summary(report.Legs)}; {answers.Count(a => a is null)} queries without an answer; "
            + $"answers using {string.Join(", ", report.AnswersUsing.Select(x => $"{x.Key} {x.Value}"))}");

        // Baseline: the time-expanded graph for the whole horizon, built once and untimed.
        long horizonStart = BenchQueries.LargeHorizonStart.ToUnixTimeSeconds();
        long horizonEnd = (BenchQueries.LargeHorizonStart + Duration.FromHours(BenchQueries.ReadyWindowHours) + Duration.FromDays(o.HorizonDays)).ToUnixTimeSeconds();
        sw.Restart();
        TimeExpandedBaseline? baseline = TimeExpandedBaseline.Build(large.Model, eaQueries[0].Request.Cargo, horizonStart, horizonEnd);
        report.BaselineBuildMs = sw.Elapsed.TotalMilliseconds;
        report.BaselineVertices = baseline.VertexCount;
        report.BaselineArcs = baseline.EdgeCount;
        report.BaselineTrips = baseline.TripCount;
        Console.WriteLine($"  Baseline time-expanded graph ({o.HorizonDays} days after the latest ready time): {baseline.VertexCount:N0} vertices, {baseline.EdgeCount:N0} arcs, {baseline.TripCount:N0} trips; built in {report.BaselineBuildMs / 1000:0.0} s (not timed)");

        var baseSamples = new List<List<double>>();
        var ratios = new List<double>();
        for (int k = 0; k < eaQueries.Count; k++)
        {
            var q = eaQueries[k].Request;
            long ready = q.ReadyTime.ToUnixTimeSeconds();
            long? planned = answers[k]?.Arrival.ToUnixTimeSeconds();
            var perQuery = new List<double>();
            for (int run = 0; run < o.BaselineRuns; run++)
            {
                long? expected = null;
                double ms = Latency.Time(() => expected = baseline!.EarliestArrival(q.From, q.To, ready));
                perQuery.Add(ms);
                report.Check(eaQueries[k].Name, planned, expected, horizonEnd);
            }
            baseSamples.Add(perQuery);
            ratios.Add(perQuery.Order().ElementAt(perQuery.Count / 2) / eaPerQuery[k].Order().ElementAt(eaPerQuery[k].Count / 2));
        }
        report.BaselineLatency = Latency.OfQueries(baseSamples);
        report.BaselineRuns = o.BaselineRuns;
        report.PerQuerySpeedups = ratios.Order().ToList();
        Console.WriteLine($"  Baseline earliest arrival: {report.BaselineLatency}; agreement {report.Matches}/{report.Compared} runs");

        baseline = null; // the graph holds gigabytes; let it go before the Pareto child starts
        GC.Collect();

        // Where earliest arrival spends its time: the first queries replayed stage by stage.
        var profile = new PlannerProfile(large.Model);
        var profiled = eaQueries.Take(o.Quick ? 4 : 10).Select(q => q.Request).ToList();
        report.LargeProfile.Add(profile.Run("large network, earliest arrival", profiled, true));

        // Full Pareto, default ride limit, no deadline: in a child process that can be cut off.
        Console.WriteLine($"  Planner full Pareto (no deadline, default ride limit) in a child process: up to {o.ParetoRuns} runs per query, each query cut off at {o.ParetoQueryLimitSeconds} s, new queries for {o.ParetoBudgetSeconds} s");
        var pareto = ParetoWorker.Run(o);
        report.Pareto = pareto;
        Console.WriteLine($"  Planner full Pareto: {pareto.Latency} over {pareto.QueriesTimed} queries timed, {pareto.QueriesCutOff} cut off");
        if (pareto.Profiles.Count > 0) report.LargeProfile.Add(PlanProfile.Mean("large network, Pareto", pareto.Profiles));
        return report.Mismatches.Count == 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages where the OS gives them: other work on the machine inflates latencies.</summary>
    private static string LoadAverage()
    {
        try { return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown"; }
        catch (IOException) { return "unknown"; }
    }

    private static string Summary(IReadOnlyList<int> sorted) =>
        sorted.Count == 0 ? "n/a" : $"min {sorted[0]}, median {sorted[sorted.Count / 2]}, max {sorted[^1]}";
}
