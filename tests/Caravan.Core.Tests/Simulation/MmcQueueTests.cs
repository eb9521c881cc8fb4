using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class MmcQueueTests
{
    [Fact]
    public void Queue_length_obeys_Littles_law_and_utilisation_is_rho()
    {
        // M/M/2 at ρ = 0.9: Lq must equal λ·Wq on the same sample path up to edge effects, and the
        // measured utilisation must be close to ρ = 1.8/2 = 0.9; system time W = Wq + 1/μ.
        var result = MmcQueue.Run(new QueueOptions { Servers = 2, ArrivalRate = 1.8, ServiceRate = 1, Customers = 300_000, Seed = 5 });
        Assert.Equal(1.0, result.MeanQueueLength / (1.8 * result.MeanWait), 2);          // within 0.5%
        Assert.InRange(result.Utilisation, 0.89, 0.91);
        Assert.InRange(result.MeanSystemTime - result.MeanWait, 0.99, 1.01);               // mean service 1
        Assert.Equal(300_000, result.Customers);
        Assert.Equal(270_000, result.MeasuredCustomers);                                    // default warm-up: a tenth
        Assert.Equal(600_000, result.Events);                                               // one arrival, one departure each
    }

    [Fact]
    public void Deterministic_service_takes_exactly_one_over_mu()
    {
        var result = MmcQueue.Run(new QueueOptions { Servers = 1, ArrivalRate = 2, ServiceRate = 4, Service = ServiceKind.Deterministic, Customers = 10_000, Seed = 3 });
        Assert.Equal(0.25, result.MeanSystemTime - result.MeanWait, 9);
    }

    [Fact]
    public void Same_seed_gives_identical_results_bit_for_bit()
    {
        var options = new QueueOptions { Servers = 3, ArrivalRate = 2.5, ServiceRate = 1, Customers = 50_000, Seed = 77 };
        var a = MmcQueue.Run(options);
        var b = MmcQueue.Run(options);
        Assert.Equal(Bits(a), Bits(b));
    }

    [Fact]
    public void Different_seeds_give_different_and_uncorrelated_results()
    {
        var options = new QueueOptions { Servers = 1, ArrivalRate = 0.7, ServiceRate = 1, Customers = 3_000, WarmupCustomers = 300, Seed = 1 };
        QueueResult[] runs = MmcQueue.Replicate(options, 200);
        Assert.Equal(200, runs.Select(r => r.MeanWait).Distinct().Count());

        // Lag-1 correlation of replication means across consecutive seeds: near zero for independent streams.
        // Its standard error is about 1/√200 = 0.071; the bound is 4 standard errors.
        double[] w = runs.Select(r => r.MeanWait).ToArray();
        double mean = w.Average();
        double num = 0, den = 0;
        for (int i = 0; i < w.Length; i++)
        {
            den += (w[i] - mean) * (w[i] - mean);
            if (i > 0) num += (w[i] - mean) * (w[i - 1] - mean);
        }
        Assert.InRange(num / den, -0.28, 0.28);
    }

    [Fact]
    public void Batch_means_interval_covers_the_truth_in_most_runs()
    {
        // 95% intervals from 20 batches over 30 independent runs of M/M/2 at ρ = 0.5 (Wq = 1/3):
        // if the intervals were honest, at least 25 of 30 would cover with probability ≈ 0.98.
        var options = new QueueOptions { Servers = 2, ArrivalRate = 1, ServiceRate = 1, Customers = 40_000, Seed = 500 };
        QueueResult[] runs = MmcQueue.Replicate(options, 30);
        int covering = runs.Count(r => Math.Abs(r.MeanWait - 1.0 / 3) <= r.MeanWaitHalfWidth);
        Assert.True(covering >= 25, $"only {covering} of 30 intervals cover the true mean wait");
        Assert.All(runs, r => Assert.InRange(r.Batches, 20, 40));
    }

    private static long[] Bits(QueueResult r) =>
    [
        r.Customers, r.MeasuredCustomers, r.Events, r.Batches,
        BitConverter.DoubleToInt64Bits(r.MeanWait), BitConverter.DoubleToInt64Bits(r.MeanWaitHalfWidth),
        BitConverter.DoubleToInt64Bits(r.MeanQueueLength), BitConverter.DoubleToInt64Bits(r.Utilisation),
        BitConverter.DoubleToInt64Bits(r.MeanSystemTime), BitConverter.DoubleToInt64Bits(r.SimulatedHours),
    ];
}
