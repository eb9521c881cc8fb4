using System.Globalization;

namespace Caravan.Bench.Planning;

/// <summary>
/// Command line of <c>plan</c>: <c>[--queries N] [--quick] [--seed S] [--query-seed S] [--out FILE] [--pareto-budget SECONDS]
/// [--pareto-limit SECONDS] [--pareto-runs N] [--horizon-days D]</c>.
/// The full run is sized to finish in well under ten minutes on two cores; <c>--quick</c> is a smoke run of a minute or two.
/// </summary>
public sealed record PlanBenchOptions
{
    public bool Quick { get; init; }
    /// <summary>Random origin/destination pairs on the large network.</summary>
    public int LargeQueries { get; init; } = 40;
    public int NetworkSeed { get; init; } = LargeNetworkGenerator.DefaultSeed;
    public int QuerySeed { get; init; } = 7;

    public int DefaultWarmupRuns { get; init; } = 20;
    /// <summary>Timed runs per default-network query: as many as fit in the budget, within [min, max].</summary>
    public int DefaultMinRuns { get; init; } = 10;
    public int DefaultRuns { get; init; } = 300;
    public double DefaultQueryBudgetSeconds { get; init; } = 2;
    /// <summary>Timed runs per large-network earliest-arrival query: as many as fit in the budget, within [min, max].</summary>
    public int EarliestArrivalMinRuns { get; init; } = 2;
    public int EarliestArrivalRuns { get; init; } = 10;
    public double EarliestArrivalBudgetSeconds { get; init; } = 60;
    public int BaselineRuns { get; init; } = 1;
    /// <summary>Runs per large-network Pareto query (one only when a run takes over 2 s).</summary>
    public int ParetoRuns { get; init; } = 3;
    /// <summary>Seconds the large-network Pareto section may start new queries in.</summary>
    public double ParetoBudgetSeconds { get; init; } = 150;
    /// <summary>A Pareto query still running after this many seconds is cut off and counted at the limit.</summary>
    public double ParetoQueryLimitSeconds { get; init; } = 30;
    /// <summary>Worker only: the first Pareto query to run.</summary>
    public int ParetoStart { get; init; }
    public bool IsParetoWorker { get; init; }
    /// <summary>Profiling aid: run one case in a loop (see <see cref="ProfileLoop"/>).</summary>
    public string? Loop { get; init; }
    public double LoopSeconds { get; init; } = 30;
    /// <summary>Query horizon of the time-expanded baseline after the latest ready time.</summary>
    public int HorizonDays { get; init; } = 60;
    /// <summary>Ride limit for earliest arrival: the planner's maximum, because the baseline has no limit.</summary>
    public int EarliestArrivalMaxRides { get; init; } = 30;
    public string? OutputPath { get; init; }

    public static PlanBenchOptions Parse(string[] args)
    {
        var o = args.Contains("--quick")
            ? new PlanBenchOptions
            {
                Quick = true, LargeQueries = 8, DefaultWarmupRuns = 3, DefaultMinRuns = 5, DefaultRuns = 30, DefaultQueryBudgetSeconds = 0.5,
                EarliestArrivalMinRuns = 1, EarliestArrivalRuns = 3, EarliestArrivalBudgetSeconds = 15,
                ParetoRuns = 1, ParetoBudgetSeconds = 40, ParetoQueryLimitSeconds = 15,
            }
            : new PlanBenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--quick" => o,
                "--queries" => o with { LargeQueries = Int() },
                "--seed" => o with { NetworkSeed = Int() },
                "--query-seed" => o with { QuerySeed = Int() },
                "--out" => o with { OutputPath = Value() },
                "--pareto-budget" => o with { ParetoBudgetSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--horizon-days" => o with { HorizonDays = Int() },
                "--pareto-runs" => o with { ParetoRuns = Int() },
                "--pareto-limit" => o with { ParetoQueryLimitSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--start" => o with { ParetoStart = Int() },
                ParetoWorker.Flag => o with { IsParetoWorker = true },
                "--loop" => o with { Loop = Value() },
                "--seconds" => o with { LoopSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Usage: plan [--queries N] [--quick] [--seed S] [--query-seed S] [--out FILE] [--pareto-budget SECONDS] [--pareto-limit SECONDS] [--pareto-runs N] [--horizon-days D] | --loop ea|pareto|deadline [--seconds S]"),
            };
        }
        if (o.LargeQueries < 1) throw new ArgumentException("--queries must be at least 1");
        return o;
    }
}
