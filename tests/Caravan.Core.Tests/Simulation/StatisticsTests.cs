using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class StatisticsTests
{
    [Fact]
    public void Tally_gives_mean_and_unbiased_variance()
    {
        var tally = new Tally();
        foreach (double x in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 }) tally.Add(x);
        // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; variance 32/7.
        Assert.Equal(8, tally.Count);
        Assert.Equal(5, tally.Mean, 12);
        Assert.Equal(32.0 / 7, tally.Variance, 12);
        Assert.Equal(2, tally.Min);
        Assert.Equal(9, tally.Max);
        tally.Reset();
        Assert.True(double.IsNaN(tally.Mean));
    }

    [Fact]
    public void Tally_stays_accurate_with_a_huge_offset()
    {
        // Naive Σx² − n·mean² loses everything at an offset of 1e9; Welford keeps the variance of {0,1,2} = 1.
        var tally = new Tally();
        for (int i = 0; i < 1000; i++)
            foreach (double x in new double[] { 1e9, 1e9 + 1, 1e9 + 2 }) tally.Add(x);
        // 3000 values, squared deviations 1000·(1+0+1) = 2000, variance 2000/2999.
        Assert.Equal(2000.0 / 2999, tally.Variance, 6); // the naive formula would be off by hundreds
    }

    [Fact]
    public void Time_weighted_mean_is_area_over_elapsed_time_and_resets_for_warm_up()
    {
        var level = new TimeWeighted();
        level.Update(2, 3);  // 0 on [0,2)
        level.Update(5, 1);  // 3 on [2,5)
        level.Update(6, 0);  // 1 on [5,6)
        // At t = 10: area = 0·2 + 3·3 + 1·1 + 0·4 = 10, mean 10/10 = 1.
        Assert.Equal(10, level.Area(10), 12);
        Assert.Equal(1, level.Mean(10), 12);
        Assert.Equal(3, level.Max);

        level.Reset(10);
        level.Update(12, 4); // 0 on [10,12), then 4
        // At t = 15: area 4·3 = 12 over 5 time units = 2.4.
        Assert.Equal(2.4, level.Mean(15), 12);
    }

    [Theory]
    // Textbook t table (two-sided): t(0.975, df) and t(0.995, df).
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.975, 2, 4.303)]
    [InlineData(0.975, 3, 3.182)]
    [InlineData(0.975, 4, 2.776)]
    [InlineData(0.975, 5, 2.571)]
    [InlineData(0.975, 10, 2.228)]
    [InlineData(0.975, 19, 2.093)]
    [InlineData(0.975, 29, 2.045)]
    [InlineData(0.975, 120, 1.980)]
    [InlineData(0.995, 29, 2.756)]
    [InlineData(0.995, 3, 5.841)]
    [InlineData(0.95, 7, 1.895)]
    [InlineData(0.90, 15, 1.341)]
    [InlineData(0.025, 29, -2.045)]
    public void Student_t_quantiles_match_the_table(double p, int df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 0.0015); // the table has 3 decimals
    }

    [Fact]
    public void Student_t_tends_to_the_normal()
    {
        Assert.Equal(1.959964, StudentT.Quantile(0.975, 1e9), 5);
        Assert.Equal(0, StudentT.Quantile(0.5, 4));
    }

    [Fact]
    public void Confidence_interval_from_replications_is_mean_plus_minus_t_s_over_root_n()
    {
        // Values 1..5: mean 3, variance 2.5, s/√n = √0.5 = 0.70711; t(0.975, 4) = 2.7764 → half-width 1.9632.
        var ci = ConfidenceInterval.FromReplications([1, 2, 3, 4, 5]);
        Assert.Equal(3, ci.Mean, 12);
        Assert.Equal(1.9632, ci.HalfWidth, 0.001);
        Assert.True(ci.Contains(4.9));
        Assert.False(ci.Contains(5.0));
    }

    [Fact]
    public void Batch_means_doubles_its_batch_size_and_drops_the_partial_batch()
    {
        // 4 minimum batches → up to 8 batch sums before a merge.
        var batches = new BatchMeans(batches: 4);
        for (int i = 1; i <= 8; i++) batches.Add(i);
        // After the 8th value the 8 singleton batches merge into 4 of size 2: {1,2},{3,4},{5,6},{7,8}.
        Assert.Equal(2, batches.BatchSize);
        Assert.Equal(4, batches.FullBatches);
        batches.Add(100); // a partial batch: left out
        // Batch means 1.5, 3.5, 5.5, 7.5: mean 4.5, variance (9+1+1+9)/3 = 20/3,
        // s/√4 = 1.29099, t(0.975, 3) = 3.1824 → half-width 4.1085.
        var ci = batches.ConfidenceInterval();
        Assert.Equal(4.5, ci.Mean, 12);
        Assert.Equal(4.1085, ci.HalfWidth, 0.001);
        Assert.Equal(9, batches.Count);
    }
}
