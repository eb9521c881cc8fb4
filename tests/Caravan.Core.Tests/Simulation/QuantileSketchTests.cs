using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

/// <summary>
/// The transit-time sketch against the exact answer: every quantile within its documented relative error of the
/// sorted sample's order statistic of rank ⌊p·(n − 1)⌋, on distributions shaped like transit times, including ones
/// far past the 120 days where the old fixed-bin histogram stopped.
/// </summary>
public class QuantileSketchTests
{
    private static readonly double[] Probabilities = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

    public static TheoryData<string> Distributions => ["exponential", "lognormal", "beyond 120 days", "mixed scales"];

    /// <summary>100,000 transit times in hours, from a fixed stream so that a failure replays.</summary>
    private static double[] Sample(string distribution)
    {
        var rng = RandomStream.Create(20260401, distribution.Length);
        return Enumerable.Range(0, 100_000).Select(i => distribution switch
        {
            "exponential" => rng.Exponential(1 / 400.0),                 // mean 400 h ≈ 17 days
            "lognormal" => rng.LogNormal(Math.Log(20 * 24), 0.8),        // median 20 days, long right tail
            "beyond 120 days" => 24 * rng.Uniform(120, 900),             // a saturated corridor: every unit > 120 days
            _ => Math.Pow(10, rng.Uniform(-3, 6)),                       // 0.001 h to a million hours
        }).ToArray();
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Quantiles_are_within_half_a_percent_of_the_exact_order_statistic(string distribution)
    {
        double[] values = Sample(distribution);
        var sketch = new QuantileSketch();
        foreach (double x in values) sketch.Add(x);
        Array.Sort(values);

        foreach (double p in Probabilities)
        {
            double exact = values[(int)Math.Floor(p * (values.Length - 1))];
            double estimate = sketch.Quantile(p);
            // 1e-12 for the rounding of log(x) / log(γ) at a bucket edge (QuantileSketch's remarks).
            Assert.True(Math.Abs(estimate - exact) <= (QuantileSketch.RelativeAccuracy + 1e-12) * exact,
                $"{distribution} p{p}: sketch {estimate}, exact {exact}, relative error {Math.Abs(estimate - exact) / exact:E3}");
        }
    }

    [Fact]
    public void A_p90_beyond_120_days_is_reported_as_it_is()
    {
        var sketch = new QuantileSketch();
        for (int day = 1; day <= 300; day++) sketch.Add(day * 24.0);
        // Rank ⌊0.9 × 299⌋ = 269, the 270th value: 270 days.
        Assert.Equal(270, sketch.Quantile(0.9) / 24, 270 * QuantileSketch.RelativeAccuracy);
        Assert.Equal(300, sketch.Quantile(1) / 24); // the maximum itself: clamped to it
    }

    [Fact]
    public void Count_sum_mean_minimum_and_maximum_are_exact()
    {
        var sketch = new QuantileSketch();
        foreach (double x in new double[] { 0, 1.5, 2.5, 4000 }) sketch.Add(x);
        Assert.Equal(4, sketch.Count);
        Assert.Equal(4004, sketch.Sum);
        Assert.Equal(1001, sketch.Mean);
        Assert.Equal(0, sketch.Min);
        Assert.Equal(4000, sketch.Max);
        Assert.Equal(0, sketch.Quantile(0)); // zero is kept exactly, not as a tiny bucket
        Assert.True(double.IsNaN(new QuantileSketch().Quantile(0.5)));
        Assert.True(double.IsNaN(new QuantileSketch().Mean));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_undefined_value_is_refused(double x) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch().Add(x));

    [Fact]
    public void Merging_sketches_equals_building_one_from_the_union()
    {
        double[] values = Sample("mixed scales");
        var whole = new QuantileSketch();
        foreach (double x in values) whole.Add(x);

        // Three parts of different ranges (so the merge must widen the bucket array both ways), merged in an odd order.
        Array.Sort(values);
        var parts = new[] { values[40_000..70_000], values[..40_000], values[70_000..] }.Select(part =>
        {
            var s = new QuantileSketch();
            foreach (double x in part) s.Add(x);
            return s;
        }).ToList();
        var merged = new QuantileSketch();
        foreach (var part in parts) merged.Add(part);
        merged.Add(new QuantileSketch()); // an empty sketch changes nothing

        Assert.Equal(whole.Buckets(), merged.Buckets());
        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Min, merged.Min);
        Assert.Equal(whole.Max, merged.Max);
        Assert.Equal(whole.Sum, merged.Sum, whole.Sum * 1e-12); // the same numbers summed in another order
        foreach (double p in Probabilities) Assert.Equal(whole.Quantile(p), merged.Quantile(p));
    }
}
