using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>
/// B − A's 95 % confidence interval from Welch's test, against hand computation and a printed t table, and the
/// rule `simulate compare` applies: significant only if the interval excludes 0 and |B − A| ≥ --min-difference.
/// </summary>
public class WelchIntervalTests
{
    [Fact]
    public void The_interval_of_a_hand_computed_example_contains_zero_so_it_is_not_significant()
    {
        // A = {1, 2, 3, 4}: mean 2.5, s² = 5/3; B = {3, 4, 5, 6}: mean 4.5, s² = 5/3. B − A = 2.
        // se² = 5/12 + 5/12 = 5/6, se = 0.912871; ν = (5/6)² / (2 × (5/12)² / 3) = 6.
        // t(0.975, 6) = 2.447 (table), half-width 2.447 × 0.912871 = 2.2338: [−0.2338, 4.2338], which contains 0.
        var r = WelchTest.Compare([1, 2, 3, 4], [3, 4, 5, 6]);
        Assert.Equal(2.0, r.Difference, 12);
        Assert.Equal(6.0, r.DegreesOfFreedom, 9);
        Assert.Equal(-0.2338, r.CiLow, 3);
        Assert.Equal(4.2338, r.CiHigh, 3);
        Assert.False(r.Significant);
        Assert.False(r.IsSignificant(0));
    }

    [Fact]
    public void The_interval_of_a_second_hand_computed_example_excludes_zero_and_min_difference_then_decides()
    {
        // A = {0, 2, 4, 6, 8}: mean 4, s² = (16+4+0+4+16)/4 = 10; B = {7, 9, 11, 13, 15}: mean 11, s² = 10. B − A = 7.
        // se² = 10/5 + 10/5 = 4, se = 2; ν = 4² / (2²/4 + 2²/4) = 16 / 2 = 8.
        // t(0.975, 8) = 2.306 (table), half-width 2.306 × 2 = 4.612: [2.388, 11.612], which excludes 0.
        var r = WelchTest.Compare([0, 2, 4, 6, 8], [7, 9, 11, 13, 15]);
        Assert.Equal(7.0, r.Difference, 12);
        Assert.Equal(8.0, r.DegreesOfFreedom, 9);
        Assert.Equal(2.388, r.CiLow, 2);
        Assert.Equal(11.612, r.CiHigh, 2);
        Assert.True(r.Significant);
        Assert.True(r.PValue < 0.05);
        Assert.True(r.IsSignificant(7));   // |7| ≥ 7
        Assert.False(r.IsSignificant(8));  // real, but smaller than what matters
    }

    [Fact]
    public void A_tiny_change_from_the_same_seeds_whose_interval_contains_zero_is_not_significant()
    {
        // Common random numbers: B is A plus 1–3 thousandths of a day. B − A = 0.002 days, but the replications spread
        // by ±0.01, so se ≈ 0.0082 and the interval ≈ ±0.035 days around 0.002 contains 0.
        var r = WelchTest.Compare([1.000, 1.010, 0.990], [1.002, 1.013, 0.991]);
        Assert.Equal(0.002, r.Difference, 9);
        Assert.True(r.CiLow < 0 && r.CiHigh > 0, $"[{r.CiLow}, {r.CiHigh}]");
        Assert.False(r.Significant);
    }

    [Fact]
    public void Identical_constant_samples_have_a_zero_width_interval_at_zero_and_no_NaN()
    {
        var r = WelchTest.Compare([5, 5, 5], [5, 5, 5]);
        Assert.Equal(0, r.Difference);
        Assert.Equal(0, r.CiLow);
        Assert.Equal(0, r.CiHigh);
        Assert.Equal(0, r.T);
        Assert.Equal(1, r.PValue);
        Assert.False(r.Significant);
    }

    [Fact]
    public void Constant_samples_differing_by_rounding_only_are_equal()
    {
        // 0.1 + 0.2 = 0.30000000000000004 in binary floating point: the same value summed in another order.
        var r = WelchTest.Compare([0.1 + 0.2, 0.1 + 0.2], [0.3, 0.3]);
        Assert.Equal(0, r.Difference);
        Assert.Equal(1, r.PValue);
        Assert.False(r.Significant);
    }

    [Fact]
    public void Constant_samples_that_really_differ_have_the_difference_as_their_interval()
    {
        // No spread at all: the difference is known exactly, so it is significant unless smaller than what matters.
        var r = WelchTest.Compare([5, 5, 5], [5.5, 5.5, 5.5]);
        Assert.Equal(0.5, r.Difference, 12);
        Assert.Equal(0.5, r.CiLow, 12);
        Assert.Equal(0.5, r.CiHigh, 12);
        Assert.Equal(0, r.PValue);
        Assert.True(r.IsSignificant(0.5));
        Assert.False(r.IsSignificant(1));
    }

    [Fact]
    public void Fewer_than_two_values_give_no_interval_and_no_verdict()
    {
        var r = WelchTest.Compare([1], [2, 3]);
        Assert.True(double.IsNaN(r.CiLow) && double.IsNaN(r.CiHigh));
        Assert.False(r.Significant);
    }
}
