using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// Runs replications of a scenario in parallel on all cores. Replication r uses stream r of the seed (with
/// disjoint sub-streams per purpose inside it), and results are stored by index, so the same seed gives
/// bit-identical results whatever the number of threads or the order they finish in.
/// </summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(Scenario scenario, NetworkModel network, int replications, long seed,
        IProgress<int>? progress = null, int? maxDegreeOfParallelism = null) =>
        Run(CorridorBuilder.Build(scenario, network), replications, seed, progress, maxDegreeOfParallelism);

    /// <summary>Runs an already compiled plan (compile once to run it several times, e.g. in a benchmark).</summary>
    public static ScenarioResult Run(CorridorPlan plan, int replications, long seed,
        IProgress<int>? progress = null, int? maxDegreeOfParallelism = null)
    {
        if (replications < 1) throw new ArgumentOutOfRangeException(nameof(replications), replications, "Expected at least one replication.");
        int dop = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount);
        var results = new ReplicationResult[replications];
        int done = 0;
        Parallel.For(0, replications, new ParallelOptions { MaxDegreeOfParallelism = dop }, r =>
        {
            results[r] = new CorridorModel(plan, seed, r).Run();
            int finished = Interlocked.Increment(ref done);
            progress?.Report(finished);
        });
        return new ScenarioResult
        {
            Plan = plan, Seed = seed, Replications = results,
            DegreeOfParallelism = dop,
        };
    }
}
