using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using Caravan.Simulation.Corridor;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>
/// One wait model: the planner's wait for a sail-when-full vessel is the wait the simulation measures (a random
/// unit's place in a filling vessel, and the fleet's availability), carried by a <see cref="WaitSet"/>.
/// </summary>
public class OneWaitModelTests
{
    /// <summary>
    /// The tiny network's B → C ferry scaled to 50 wagons (K), waiting up to 1,000 h, fed 1 wagon an hour (λ),
    /// crossing 5 h each way. Turnaround and fleet set the regime: light (20 vessels back in 1 h: one is always at the
    /// berth), balanced (3 vessels, 40 h turnarounds: a 90 h round trip, fleet capacity 1.67 wagons/h, ρ = 0.6) and
    /// heavy (2 vessels, 44 h turnarounds: 1.02 wagons/h, ρ = 0.98).
    /// </summary>
    private static ScenarioResult Simulate(int vessels, double turnaround) => ScenarioRunner.Run(TestNetworks.Scenario($$"""
        {
          "formatVersion": 1, "name": "one-ferry", "warmupDays": 60, "horizonDays": 365, "originBacklogLimitDays": 100000,
          "demand": [ { "id": "b-c", "from": "KZBBB", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 569400, "source": "test" } ],
          "services": { "B-C-FERRY": { "capacityScale": 25, "source": "test" } },
          "ferries": { "B-C-FERRY": { "vessels": {{vessels}}, "turnaroundHours": {{turnaround}}, "maxWaitHours": 1000, "source": "test" } }
        }
        """), TestNetworks.Tiny(), replications: 16, seed: 21);

    [Theory]
    [InlineData(20, 1)]
    [InlineData(3, 40)]
    [InlineData(2, 44)]
    public void The_planners_ferry_wait_percentiles_match_the_simulated_ones_within_10_percent(int vessels, double turnaround)
    {
        var result = Simulate(vessels, turnaround);
        var ferry = result.Elements.Single(e => e.Element.Kind == ElementKind.Ferry);
        var network = TestNetworks.Tiny().WithWaits(WaitSetMeasurement.From(result));
        Assert.NotNull(network.Waits);

        var plan = new Planner(network).Plan(new PlanRequest
        {
            From = "KZBBB", To = "AZCCC", ReadyTime = Instant.FromUtc(2024, 3, 4, 0, 0),
            Cargo = new Cargo { Kind = CargoKind.DryBulk, Tonnes = Cargo.BulkTonnesPerWagon }, Samples = 512,
        });
        var it = Assert.Single(plan.Itineraries);
        // Dwell at B is 0 and the crossing exactly 5 h: arrival − ready − 5 h is the planner's wait, draw by draw.
        double Wait(Instant arrival) => (arrival - it.ReadyTime).TotalHours - 5;

        Assert.InRange(Wait(it.ArrivalDistribution.P10), 0.9 * ferry.WaitP10Hours.Mean, 1.1 * ferry.WaitP10Hours.Mean);
        Assert.InRange(Wait(it.ArrivalDistribution.P50), 0.9 * ferry.WaitP50Hours.Mean, 1.1 * ferry.WaitP50Hours.Mean);
        Assert.InRange(Wait(it.ArrivalDistribution.P90), 0.9 * ferry.WaitP90Hours.Mean, 1.1 * ferry.WaitP90Hours.Mean);
    }

    [Fact]
    public void With_a_vessel_always_at_the_berth_a_units_wait_is_its_place_in_the_batch()
    {
        // Independent of the simulation: a unit joining a vessel that sails when K = 50 are aboard finds J already
        // loaded, J uniform on 0…K−1 in steady state, and waits for K − 1 − J more Poisson(λ = 1/h) arrivals: a
        // mixture of Erlang(m, λ) for m = 0…49. Its mean is (K − 1)/(2λ) = 24.5 h; quantiles by bisection on the CDF.
        var ferry = Simulate(20, 1).Elements.Single(e => e.Element.Kind == ElementKind.Ferry);

        Assert.InRange(ferry.MeanWaitHours.Mean, 24.5 * 0.97, 24.5 * 1.03);
        foreach (var (p, simulated) in new[] { (0.1, ferry.WaitP10Hours.Mean), (0.5, ferry.WaitP50Hours.Mean), (0.9, ferry.WaitP90Hours.Mean) })
        {
            double exact = BatchWaitQuantile(p, k: 50, lambda: 1);
            Assert.InRange(simulated, 0.95 * exact, 1.05 * exact);
        }
    }

    [Fact]
    public void A_heavy_ferry_waits_longer_than_its_batch_alone_because_vessels_are_away()
    {
        var light = Simulate(20, 1).Elements.Single(e => e.Element.Kind == ElementKind.Ferry);
        var heavy = Simulate(2, 44).Elements.Single(e => e.Element.Kind == ElementKind.Ferry);

        Assert.True(heavy.WaitP90Hours.Mean > 1.2 * light.WaitP90Hours.Mean, $"heavy p90 {heavy.WaitP90Hours.Mean}, light p90 {light.WaitP90Hours.Mean}");
        // Measured: light p90 ≈ 45 h, heavy ≈ 69 h (mean 24 vs 40 h). Every sailing leaves full: a load factor of 1.
        Assert.InRange(heavy.Utilisation.Mean, 0.99, 1.0);
        Assert.InRange(heavy.LoadPerSailing.Mean, 49.5, 50);
    }

    /// <summary>P(W ≤ t) = (1/K) Σ_{m=0}^{K−1} P(Erlang(m, λ) ≤ t), with Erlang(0) = 0; inverted by bisection.</summary>
    private static double BatchWaitQuantile(double p, int k, double lambda)
    {
        double Cdf(double t)
        {
            double sum = 1; // m = 0 waits nothing
            for (int m = 1; m < k; m++)
            {
                double term = Math.Exp(-lambda * t), tail = 0;
                for (int i = 0; i < m; i++)
                {
                    tail += term;
                    term *= lambda * t / (i + 1);
                }
                sum += 1 - tail;
            }
            return sum / k;
        }
        double lo = 0, hi = 10 * k / lambda;
        for (int i = 0; i < 100; i++)
        {
            double mid = (lo + hi) / 2;
            if (Cdf(mid) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}

public class PlannerSimulationAgreementTests
{
    [Fact]
    public void For_every_container_route_of_the_baseline_the_planners_median_is_within_10_percent_of_the_simulated()
    {
        var result = ScenarioRunner.Run(ScenarioLoader.Load("baseline-2024"), NetworkLoader.LoadDefault(), replications: 4, seed: 3);
        var rows = RouteAgreementCheck.Compare(result, s => s.Cargo == CargoKind.Container);

        Assert.NotEmpty(rows);
        var text = string.Join("\n", rows.Select(r => $"{r.Route.Stream} {r.Route.Choice}: planner {r.PlannerP50Days:0.00} d, simulated {r.SimulatedP50Days:0.00} d, ratio {r.Ratio:0.000}"));
        Assert.True(rows.All(r => r.Ratio is >= 0.9 and <= 1.1), text);
    }
}

public class ShippedWaitSetTests
{
    [Fact]
    public void The_shipped_wait_set_was_measured_on_the_shipped_network()
    {
        // After editing data/network/corridor.json, measure again:
        //   dotnet run --project src/Caravan.Cli -- calibrate --write-waits data/waits/baseline-2024.json --replications 20
        var network = NetworkLoader.LoadDefault();
        var shipped = WaitSetFile.LoadDefault();

        Assert.NotNull(shipped);
        Assert.True(network.Waits is not null,
            $"data/waits/baseline-2024.json was measured on network {shipped!.NetworkFingerprint}, the shipped one is {network.Fingerprint}");
        Assert.Contains("AKT-ALT-RAILFERRY", network.Waits!.Services.Keys);
    }

    [Fact]
    public void A_wait_set_measured_on_another_network_is_not_applied()
    {
        var network = NetworkLoader.LoadDefault();
        var other = network.Waits! with { NetworkFingerprint = "0000000000000000" };

        Assert.Null(TestNetworks.Tiny().WithWaits(other).Waits);
        Assert.Same(network, network.WithWaits(other));
    }

    [Fact]
    public void A_wait_set_file_round_trips_and_a_bad_one_names_the_field()
    {
        var waits = NetworkLoader.LoadDefault().Waits!;
        var again = WaitSetFile.Parse(WaitSetFile.Format(waits), "w.json");
        Assert.Equal(waits.Services["AKT-ALT-RAILFERRY"].QuantileHours, again.Services["AKT-ALT-RAILFERRY"].QuantileHours);

        var e = Assert.Throws<WaitSetFileException>(() => WaitSetFile.Parse("""
            { "formatVersion": 1, "scenario": "s", "network": "n", "networkVersion": "v", "networkFingerprint": "f", "replications": 1, "seed": 1,
              "services": { "X": { "units": 1, "quantileHours": [3, 2, 1] } } }
            """, "w.json"));
        Assert.StartsWith("w.json: services.X.quantileHours: found 3 values, expected 21 non-decreasing", e.Message);
    }
}
