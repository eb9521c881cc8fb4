using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>Corridors small enough to reduce to textbook models, checked against their closed forms.</summary>
public class QueueingTheoryCorridorTests
{
    [Fact]
    public void A_border_post_with_one_deterministic_server_is_an_MD1_queue()
    {
        // Border A: dwell exactly 1 h, served on the capacity the scenario gives it. 569,400 t/yr at 65 t per wagon
        // = 8,760 wagons/yr; servers = 8,760 × 1 h / 8,760 h = 1. Demand 455,520 t/yr = 7,008 wagons/yr = 0.8 per hour,
        // Poisson. So M/D/1 with λ = 0.8, μ = 1, ρ = 0.8.
        // Pollaczek–Khinchine: Wq = ρ / (2μ(1 − ρ)) = 0.8 / (2 × 0.2) = 2.0 h; Lq = λ Wq = 1.6; utilisation = 0.8.
        var scenario = TestNetworks.Scenario("""
        {
          "formatVersion": 1, "name": "md1", "warmupDays": 30, "horizonDays": 365,
          "demand": [ { "id": "a-b", "from": "KZAAA", "to": "KZBBB", "cargo": "dryBulk", "tonnesPerYear": 455520, "source": "test" } ],
          "nodes": { "KZAAA": { "tonnesPerYear": 569400, "source": "test" } }
        }
        """);
        var result = ScenarioRunner.Run(scenario, TestNetworks.Tiny(), replications: 30, seed: 11);
        var border = result.Elements.Single(e => e.Element.Kind == ElementKind.Handling);
        Assert.Equal("1 servers ≈ 0.57 Mt/yr", border.Element.Capacity);

        // 30 independent years of ≈ 7,000 customers each: the interval over replications must cover 2.0 h
        // (widened to ~3 half-widths so the test is not a coin toss) and be tight enough to mean something.
        Assert.InRange(2.0, border.MeanWaitHours.Mean - 1.5 * border.MeanWaitHours.HalfWidth, border.MeanWaitHours.Mean + 1.5 * border.MeanWaitHours.HalfWidth);
        Assert.True(border.MeanWaitHours.HalfWidth < 0.1, $"half-width {border.MeanWaitHours.HalfWidth}");
        Assert.InRange(border.Utilisation.Mean, 0.79, 0.81);
        Assert.InRange(border.MeanQueue.Mean, 1.5, 1.7);
    }

    [Fact]
    public void A_ferry_flooded_with_cargo_sails_full_once_per_round_trip()
    {
        // One vessel of 2 wagons on B → C: crossing 5 h, turnaround 1 h at each end, so a round trip is
        // 5 + 1 + 5 + 1 = 12 h. With far more cargo than it can take (20,000 wagons/yr offered) it loads 2 wagons the
        // moment it is back and sails at once: a sailing every 12 h, 8,760 / 12 = 730 sailings in the measured year,
        // 730 × 2 = 1,460 wagons delivered (1,462 if a sailing falls exactly on both ends of the window).
        // Backhaul: nothing goes C → B, so the return sailings run empty.
        var scenario = TestNetworks.Scenario("""
        {
          "formatVersion": 1, "name": "ferry", "warmupDays": 10, "horizonDays": 365, "originBacklogLimitDays": 100000,
          "demand": [ { "id": "b-c", "from": "KZBBB", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 1300000, "source": "test" } ],
          "ferries": { "B-C-FERRY": { "vessels": 1, "turnaroundHours": 1, "source": "test" } }
        }
        """);
        var result = ScenarioRunner.Run(scenario, TestNetworks.Tiny(), replications: 2, seed: 3);
        foreach (var r in result.Replications)
        {
            Assert.InRange(r.DeliveredUnits, 1460, 1462);
            Assert.Equal(r.DeliveredUnits * 65.0, r.DeliveredTonnesPerYear, 6);
        }
        var ferry = result.Elements.Single(e => e.Element.Kind == ElementKind.Ferry);
        Assert.Equal("1 vessels × 2 units", ferry.Element.Capacity);
        Assert.Equal(1.0, ferry.Utilisation.Mean, 6); // never idle at the loading port
        var back = result.Elements.Single(e => e.Element.Kind == ElementKind.FerryBackhaul);
        Assert.Equal(0.0, back.UnitsPerYear.Mean);
    }

    [Fact]
    public void A_ferry_with_little_cargo_sails_at_the_maximum_wait()
    {
        // Ten wagons a year to a 2-wagon ferry that waits at most 10 h: a second wagon almost never arrives within
        // 10 h (P = 1 − e^(−10 × 10/8760) ≈ 1.1 %), so each wagon waits (nearly always exactly) 10 h for the sailing.
        var scenario = TestNetworks.Scenario("""
        {
          "formatVersion": 1, "name": "quiet-ferry", "warmupDays": 10, "horizonDays": 365,
          "demand": [ { "id": "b-c", "from": "KZBBB", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 650, "source": "test" } ],
          "ferries": { "B-C-FERRY": { "vessels": 1, "turnaroundHours": 1, "source": "test" } }
        }
        """);
        var result = ScenarioRunner.Run(scenario, TestNetworks.Tiny(), replications: 20, seed: 5);
        var ferry = result.Elements.Single(e => e.Element.Kind == ElementKind.Ferry);
        // Mean wait between 9.8 h (a few pairs sail at once) and 10 h; transit = wait + 5 h crossing.
        Assert.InRange(ferry.MeanWaitHours.Mean, 9.8, 10.0 + 1e-9);
        Assert.InRange(result.TransitMeanDays.Mean * 24, 14.8, 15.0 + 1e-9);
    }
}
