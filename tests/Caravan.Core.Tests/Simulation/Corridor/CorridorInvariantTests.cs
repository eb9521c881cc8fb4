using Caravan.Network;
using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>One shortened baseline run shared by the invariant tests (building and running it once keeps the suite fast).</summary>
public sealed class BaselineFixture
{
    public BaselineFixture()
    {
        var scenario = ScenarioLoader.Load("baseline-2024") with { WarmupDays = 30, HorizonDays = 120 };
        Plan = CorridorBuilder.Build(scenario, NetworkLoader.LoadDefault());
        Result = ScenarioRunner.Run(Plan, replications: 2, seed: 42);
    }

    public CorridorPlan Plan { get; }
    public ScenarioResult Result { get; }
}

public class CorridorInvariantTests(BaselineFixture baseline) : IClassFixture<BaselineFixture>
{
    [Fact]
    public void Littles_law_holds_for_the_whole_corridor()
    {
        // L = λW: time-average units in the system over the window equals the accepted arrival rate times the mean
        // transit time. The window is finite (units under way at its ends), so allow 3 %.
        foreach (var r in baseline.Result.Replications)
        {
            double lambdaW = r.ArrivalRatePerHour * r.TransitMeanHours;
            Assert.True(r.MeanUnitsInSystem > 1000, "a corridor with real traffic");
            Assert.InRange(r.MeanUnitsInSystem / lambdaW, 0.97, 1.03);
        }
    }

    [Fact]
    public void Every_unit_is_delivered_refused_or_still_in_the_system()
    {
        // Conservation, counted two ways: units created since time 0 = delivered + refused + alive in the entity pool
        // (the pool's own count, independent of the model's counters).
        foreach (var r in baseline.Result.Replications)
        {
            Assert.Equal(r.CreatedUnitsTotal, r.DeliveredUnitsTotal + r.RefusedUnitsTotal + r.LiveEntitiesAtEnd);
            Assert.Equal(r.InSystemAtEnd, r.LiveEntitiesAtEnd);
            // Over the window: in at start + accepted arrivals = delivered + in at end.
            Assert.Equal(r.InSystemAtStart + r.ArrivedUnits - r.RefusedUnits, r.DeliveredUnits + r.InSystemAtEnd);
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_results_on_any_number_of_threads()
    {
        var one = ScenarioRunner.Run(baseline.Plan, replications: 2, seed: 42, maxDegreeOfParallelism: 1);
        var two = baseline.Result; // run with all cores
        for (int i = 0; i < 2; i++)
        {
            var a = one.Replications[i];
            var b = two.Replications[i];
            Assert.Equal(a.Events, b.Events);
            Assert.Equal(a.DeliveredUnits, b.DeliveredUnits);
            Assert.Equal(a.TransitMeanHours, b.TransitMeanHours); // bit for bit, not approximately
            Assert.Equal(a.MeanUnitsInSystem, b.MeanUnitsInSystem);
            Assert.Equal(a.Utilisation, b.Utilisation);
            Assert.Equal(a.Transit.Buckets(), b.Transit.Buckets());
        }
    }

    [Fact]
    public void Different_seeds_and_replications_give_different_results()
    {
        var other = ScenarioRunner.Run(baseline.Plan, replications: 1, seed: 43);
        Assert.NotEqual(baseline.Result.Replications[0].TransitMeanHours, other.Replications[0].TransitMeanHours);
        Assert.NotEqual(baseline.Result.Replications[0].Events, baseline.Result.Replications[1].Events);
    }

    [Fact]
    public void Routes_come_from_the_network_and_storms_close_the_caspian_ports()
    {
        var plan = baseline.Plan;
        var services = plan.Network.Services.Select(s => s.Id).ToHashSet();
        Assert.All(plan.Routes, r => Assert.All(r.Services, s => Assert.Contains(s, services)));
        // The grain stream crosses the Caspian on the Aktau rail ferry (its only sea crossing in the network).
        Assert.Contains("AKT-ALT-RAILFERRY", plan.Routes.Single(r => r.Stream == "kz-grain-azerbaijan").Services);
        Assert.All(baseline.Result.Replications, r => Assert.True(r.StormClosureHours > 0));
    }
}
