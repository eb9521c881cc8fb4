using Caravan.Network;
using Caravan.Simulation.Corridor;
using Xunit.Abstractions;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>
/// The saturation test (docs/simulation.md) on the built-in scenarios at their full one-year horizon: goal-10mt
/// piles up cargo it cannot carry, the 2024 baseline keeps up.
/// </summary>
public class SaturationTests(ITestOutputHelper output)
{
    private static ScenarioResult Run(string scenario) =>
        ScenarioRunner.Run(ScenarioLoader.Load(scenario), NetworkLoader.LoadDefault(), replications: 3, seed: 11);

    [Fact]
    public void Twelve_million_tonnes_with_no_refusals_saturate_the_corridor_and_its_p90_is_reported_past_120_days()
    {
        // goal-10mt's demand × 2.3 / 1.923 (≈ 12 Mt) and no consignment refused at the origin, so the queues have
        // nowhere to go but up: with adaptive routing and block trains goal-10mt itself sheds the excess at the origin.
        var (scenario, errors) = ScenarioLoader.Parse("""
            { "formatVersion": 1, "name": "goal-12mt-no-refusals", "extends": "goal-10mt", "originBacklogLimitDays": 100000, "demandScale": 2.3 }
            """, "overloaded.json");
        Assert.True(scenario is not null, string.Join("; ", errors));
        var result = ScenarioRunner.Run(scenario!, NetworkLoader.LoadDefault(), replications: 3, seed: 11);
        var saturation = result.Saturation;
        output.WriteLine($"backlog growth {saturation.BacklogGrowthShare:P1}, transit growth {saturation.TransitGrowthShare:P1}, p90 {result.TransitP90Days.Mean:0.0} d");
        output.WriteLine(saturation.Reason);

        Assert.True(saturation.Saturated);
        Assert.True(saturation.BacklogGrowthShare > Saturation.BacklogGrowthLimit);
        Assert.True(saturation.TransitGrowthShare > Saturation.TransitGrowthLimit);
        Assert.StartsWith("Units in the corridor grew by ", saturation.Reason);

        // More than a tenth of the delivered units truly took longer than 120 days (whole buckets above it, exact
        // counts), so the true p90 is past 120 days, and so must the reported one be: the old histogram said 120.
        var pooled = result.PooledTransit();
        long beyond = pooled.Buckets().Where(b => b.Lower >= 120 * 24).Sum(b => b.Count);
        Assert.True(beyond > 0.1 * pooled.Count, $"{beyond} of {pooled.Count} units beyond 120 days");
        Assert.True(result.TransitP90Days.Mean > 120, $"p90 {result.TransitP90Days.Mean} days");
        Assert.All(result.Replications, r => Assert.True(r.TransitP90Days > 120, $"replication {r.Replication}: p90 {r.TransitP90Days}"));
    }

    [Fact]
    public void The_2024_baseline_is_not_saturated()
    {
        var saturation = Run("baseline-2024").Saturation;
        output.WriteLine($"backlog growth {saturation.BacklogGrowthShare:P1}, transit growth {saturation.TransitGrowthShare:P1}");

        Assert.False(saturation.Saturated);
        Assert.Null(saturation.Reason);
        Assert.InRange(saturation.BacklogGrowthShare, -0.02, 0.02);
        Assert.InRange(saturation.TransitGrowthShare, -0.08, 0.08);
    }
}
