using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Caravan.Bench.Planning;

/// <summary>Figures of one query on the default network.</summary>
public sealed record QueryFigures(string Name, Latency Latency, int Itineraries, double? FastestDays, int? FastestRides);

/// <summary>Collects the figures of a run, checks them against the goals, prints the table and writes the JSON file.</summary>
internal sealed class PlanLatencyReport(PlanBenchOptions options)
{
    public const double DefaultParetoGoalMs = 1;
    public const double SpeedupGoal = 10;
    public const double LargeParetoGoalMs = 100;

    public List<QueryFigures> DefaultQueries { get; } = [];
    public Latency DefaultAll { get; set; } = Latency.Of([]);
    public Latency DefaultNoDeadline { get; set; } = Latency.Of([]);
    public Latency DefaultWithDeadline { get; set; } = Latency.Of([]);
    public List<PlanProfile> DefaultProfile { get; } = [];

    public LargeNetwork? Large { get; set; }
    public double GenerateMs { get; set; }
    public double CompileMs { get; set; }
    public Latency EarliestArrival { get; set; } = Latency.Of([]);
    public int EarliestArrivalRuns { get; set; }
    public List<int> Legs { get; set; } = [];

    public int BaselineVertices { get; set; }
    public int BaselineArcs { get; set; }
    public int BaselineTrips { get; set; }
    public double BaselineBuildMs { get; set; }
    public Latency BaselineLatency { get; set; } = Latency.Of([]);
    public int BaselineRuns { get; set; }
    public List<double> PerQuerySpeedups { get; set; } = [];
    public int Compared { get; private set; }
    public int Matches { get; private set; }
    public int BeyondHorizon { get; private set; }
    public int NoRoute { get; private set; }
    public List<string> Mismatches { get; } = [];

    public ParetoFigures Pareto { get; set; } = new(0);
    private Latency ParetoLatency => Pareto.Latency;
    public List<PlanProfile> LargeProfile { get; } = [];

    public double TotalSeconds { get; set; }
    public string LoadAtStart { get; set; } = "unknown";
    public string LoadAtEnd { get; set; } = "unknown";
    /// <summary>How many earliest-arrival answers use a gauge change, a sail-when-full ferry, …: what the agreement covers.</summary>
    public Dictionary<string, int> AnswersUsing { get; set; } = [];

    public double Speedup => BaselineLatency.P50Ms / EarliestArrival.P50Ms;

    /// <summary>
    /// One baseline answer against the planner's. Equal (or both none) is a match; a planner arrival after the horizon
    /// with no baseline answer is out of the baseline's reach, not a disagreement; anything else is a mismatch.
    /// </summary>
    public void Check(string query, long? planner, long? baseline, long horizonEnd)
    {
        Compared++;
        if (planner == baseline)
        {
            Matches++;
            if (planner is null) NoRoute++;
        }
        else if (baseline is null && planner > horizonEnd) BeyondHorizon++;
        else Mismatches.Add($"{query}: planner {Show(planner)}, baseline {Show(baseline)}");
    }

    private static string Show(long? t) => t is { } s ? Instant.FromUnixTimeSeconds(s).ToString() : "none";

    public IReadOnlyList<(string Goal, string Measured, bool Met)> Goals() =>
    [
        ($"Default network, full Pareto p50 ≤ {DefaultParetoGoalMs} ms",
            $"{Latency.Format(DefaultAll.P50Ms)} (p99 {Latency.Format(DefaultAll.P99Ms)})", DefaultAll.P50Ms <= DefaultParetoGoalMs),
        ($"Large network, earliest arrival ≥ {SpeedupGoal}× faster than time-expanded Dijkstra (p50/p50)",
            $"{Speedup:0.0}× ({Latency.Format(EarliestArrival.P50Ms)} vs {Latency.Format(BaselineLatency.P50Ms)})", Speedup >= SpeedupGoal),
        ($"Large network, full Pareto p50 ≤ {LargeParetoGoalMs} ms",
            $"{(Pareto.QueriesCutOff > 0 ? "≥ " : "")}{Latency.Format(ParetoLatency.P50Ms)} (p99 {Latency.Format(ParetoLatency.P99Ms)})", ParetoLatency.P50Ms <= LargeParetoGoalMs),
        ("Baseline earliest arrival equals the planner's on every query",
            $"{Matches}/{Compared} agree, {Mismatches.Count} mismatches, {BeyondHorizon} beyond horizon", Mismatches.Count == 0),
    ];

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("Figures");
        Row("Default network, Pareto, all queries", DefaultAll.ToString());
        Row("  without deadline", DefaultNoDeadline.ToString());
        Row("  with deadline (256 draws)", DefaultWithDeadline.ToString());
        Row("Large network", Large?.Describe() ?? "n/a");
        Row("  planner earliest arrival", $"{EarliestArrival} — {EarliestArrivalRuns} runs per query");
        Row("  baseline QuikGraph Dijkstra, time-expanded", $"{BaselineLatency} — {BaselineRuns} runs per query; graph {BaselineVertices:N0} vertices, {BaselineArcs:N0} arcs, built in {BaselineBuildMs / 1000:0.0} s (untimed)");
        Row("  speed-up baseline/planner", PerQuerySpeedups.Count == 0 ? "n/a"
            : $"{Speedup:0.0}× on p50; per query min {PerQuerySpeedups[0]:0.0}×, median {PerQuerySpeedups[PerQuerySpeedups.Count / 2]:0.0}×, max {PerQuerySpeedups[^1]:0.0}×");
        Row("  planner full Pareto (no deadline)", $"{ParetoLatency} — up to {options.ParetoRuns} runs per query; {Pareto.QueriesTimed} queries timed, "
            + $"{Pareto.QueriesCutOff} cut off at {Pareto.CutOffSeconds:0} s (counted at the cut-off, so percentiles are lower bounds)"
            + (Pareto.Itineraries.Any(i => i >= 0) ? $"; itineraries per answer median {Pareto.Itineraries.Where(i => i >= 0).Order().ElementAt(Pareto.Itineraries.Count(i => i >= 0) / 2)}, max {Pareto.Itineraries.Max()}" : ""));
        foreach (var p in DefaultProfile.Concat(LargeProfile)) Row("  profile", p.Describe());
        foreach (var m in Mismatches) Row("  MISMATCH", m);
        Console.WriteLine();
        Console.WriteLine($"{"Goal",-88} {"Measured",-44} Met");
        foreach (var (goal, measured, met) in Goals())
            Console.WriteLine($"{goal,-88} {measured,-44} {(met ? "yes" : "NO")}");
        Console.WriteLine($"Total run time {TotalSeconds:0} s; load average {LoadAtStart} at the start, {LoadAtEnd} at the end ({Environment.ProcessorCount} cores)");
    }

    private static void Row(string name, string value) => Console.WriteLine($"  {name,-46} {value}");

    /// <summary>Writes the JSON next to the benchmark (bench/results/plan-latency.json) unless --out says otherwise.</summary>
    public string Write()
    {
        string path = options.OutputPath ?? Path.Combine(BenchRoot(), "results", "plan-latency.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = new
        {
            generatedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString(), loadAverageAtStart = LoadAtStart, loadAverageAtEnd = LoadAtEnd },
            options,
            goals = Goals().Select(g => new { g.Goal, g.Measured, g.Met }),
            defaultNetwork = new
            {
                warmupRunsPerQuery = options.DefaultWarmupRuns,
                runsPerQuery = options.DefaultRuns,
                paretoAll = DefaultAll,
                paretoWithoutDeadline = DefaultNoDeadline,
                paretoWithDeadline = DefaultWithDeadline,
                queries = DefaultQueries,
                profile = DefaultProfile,
            },
            largeNetwork = new
            {
                description = Large?.Describe(),
                seed = options.NetworkSeed,
                nodes = Large?.Model.Nodes.Count,
                links = Large?.Model.Links.Count,
                services = Large?.Model.Services.Count,
                departuresPerYear = Large?.DeparturesPerYear,
                generateMs = GenerateMs,
                plannerCompileMs = CompileMs,
                queries = options.LargeQueries,
                querySeed = options.QuerySeed,
                earliestArrival = EarliestArrival,
                earliestArrivalRunsPerQuery = EarliestArrivalRuns,
                earliestArrivalMaxRides = options.EarliestArrivalMaxRides,
                ridesPerAnswer = Legs,
                answersUsing = AnswersUsing,
                baseline = new
                {
                    library = "QuikGraph 2.5.0 DijkstraShortestPathAlgorithm on AdjacencyGraph, early exit at the destination",
                    horizonDays = options.HorizonDays,
                    vertices = BaselineVertices,
                    arcs = BaselineArcs,
                    trips = BaselineTrips,
                    buildMs = BaselineBuildMs,
                    latency = BaselineLatency,
                    runsPerQuery = BaselineRuns,
                },
                speedupP50 = Speedup,
                perQuerySpeedups = PerQuerySpeedups,
                agreement = new { compared = Compared, matches = Matches, noRoute = NoRoute, beyondHorizon = BeyondHorizon, mismatches = Mismatches },
                pareto = ParetoLatency,
                paretoMaxRunsPerQuery = options.ParetoRuns,
                paretoQueriesTimed = Pareto.QueriesTimed,
                paretoQueriesCutOff = Pareto.QueriesCutOff,
                paretoCutOffSeconds = Pareto.CutOffSeconds,
                paretoItinerariesPerAnswer = Pareto.Itineraries, // -1: cut off
                profile = LargeProfile,
            },
            totalSeconds = TotalSeconds,
        };
        var settings = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json, settings) + "\n");
        return path;
    }

    /// <summary>The repository's bench folder, found upwards from the working directory or the program.</summary>
    private static string BenchRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "bench", "Caravan.Bench", "Caravan.Bench.csproj"))) return Path.Combine(dir.FullName, "bench");
                if (File.Exists(Path.Combine(dir.FullName, "Caravan.Bench", "Caravan.Bench.csproj"))) return dir.FullName;
            }
        return Path.Combine(Directory.GetCurrentDirectory(), "bench");
    }
}
