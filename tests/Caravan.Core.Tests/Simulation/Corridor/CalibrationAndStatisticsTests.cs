using Caravan.Network;
using Caravan.Simulation.Corridor;
using Xunit.Abstractions;

namespace Caravan.Core.Tests.Simulation.Corridor;

public class CalibrationAndStatisticsTests(ITestOutputHelper output)
{
    [Fact]
    public void Baseline_2024_carries_about_4_5_Mt_in_the_transit_times_reported()
    {
        // Facts (corridor-facts): TITR 4.5 Mt in 2024; KZ → Baku 9–12 days; TITR to Constanța 31–34 days (official)
        // with the Middle Corridor's spread 18–55 days China → Europe; China → Georgian ports ≈ 12+ days.
        var result = ScenarioRunner.Run(ScenarioLoader.Load("baseline-2024"), NetworkLoader.LoadDefault(), replications: 4, seed: 2024);
        var streams = result.Streams.ToDictionary(s => s.Stream.Id);
        double delivered = result.DeliveredTonnesPerYear.Mean / 1e6;
        double grain = streams["kz-grain-azerbaijan"].TransitP50Days.Mean, wagonsBaku = streams["kz-wagons-baku"].TransitP50Days.Mean;
        double constanta = streams["cn-constanta-containers"].TransitP50Days.Mean, poti = streams["cn-poti-containers"].TransitP50Days.Mean;
        output.WriteLine($"delivered {delivered:0.000} Mt/yr (fact 4.5); KZ → Baku p50: grain {grain:0.0} d, wagons {wagonsBaku:0.0} d (fact 9–12); " +
            $"Xi'an → Constanța p50 {constanta:0.0} d (fact 31–34); Xi'an → Poti p50 {poti:0.0} d (fact ≈ 12+); all p50/p90/p95 " +
            $"{result.TransitP50Days.Mean:0.0}/{result.TransitP90Days.Mean:0.0}/{result.TransitP95Days.Mean:0.0} d");

        Assert.InRange(delivered, 4.3, 4.7);                   // within ± 0.2 Mt of 4.5
        Assert.InRange(result.RefusedTonnesPerYear.Mean, 0, 1); // nothing refused in the baseline
        Assert.InRange(grain, 7, 13);                          // the 9–12 day band, ± 2 days for our estimates
        Assert.InRange(wagonsBaku, 7, 13);
        // China → Europe via the corridor: 20–25 days on route (block) trains (menafn.com, Trend, Jan 2024), 31–34 days
        // official for standard service (navisgroup.com.ua), spread 18–55; 60 % of this stream books block trains.
        Assert.InRange(constanta, 20, 40);
        Assert.InRange(poti, 12, 25);
    }

    [Theory]
    // Two-sided Student t critical values from a printed table: P(|T| ≥ 2.228 | 10 df) = 0.05,
    // P(|T| ≥ 1.812 | 10 df) = 0.10, P(|T| ≥ 2.045 | 29 df) = 0.05, P(|T| ≥ 12.706 | 1 df) = 0.05.
    [InlineData(2.228, 10, 0.05)]
    [InlineData(1.812, 10, 0.10)]
    [InlineData(2.045, 29, 0.05)]
    [InlineData(12.706, 1, 0.05)]
    public void Welch_p_values_match_the_t_table(double t, double df, double p) =>
        Assert.Equal(p, WelchTest.TwoSidedP(t, df), 3);

    [Fact]
    public void Welch_test_on_a_hand_computed_example()
    {
        // A = {1, 2, 3, 4}: mean 2.5, s² = 5/3; B = {3, 4, 5, 6}: mean 4.5, s² = 5/3.
        // se² = 5/12 + 5/12 = 5/6, t = 2 / √(5/6) = 2.1909; df = (5/6)² / (2 × (5/12)² / 3) = 6.
        // Two-sided p for t = 2.1909 at 6 df ≈ 0.0710 (between the table's 1.943 → 0.10 and 2.447 → 0.05).
        var r = WelchTest.Compare([1, 2, 3, 4], [3, 4, 5, 6]);
        Assert.Equal(2.0, r.Difference, 12);
        Assert.Equal(2.1909, r.T, 4);
        Assert.Equal(6.0, r.DegreesOfFreedom, 9);
        Assert.InRange(r.PValue, 0.05, 0.10);
        Assert.Equal(0.0710, r.PValue, 3);
        Assert.False(r.Significant);
    }

    [Fact]
    public void Comparing_a_scenario_with_itself_finds_no_difference_under_common_random_numbers()
    {
        var scenario = ScenarioLoader.Load("baseline-2024") with { WarmupDays = 20, HorizonDays = 60 };
        var plan = CorridorBuilder.Build(scenario, NetworkLoader.LoadDefault());
        var a = ScenarioRunner.Run(plan, 3, seed: 9);
        var b = ScenarioRunner.Run(plan, 3, seed: 9);
        Assert.All(ScenarioComparison.Compare(a, b), m => Assert.Equal(0.0, m.Test.Difference));
    }
}
