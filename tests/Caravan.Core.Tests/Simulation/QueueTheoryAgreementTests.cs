using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

/// <summary>
/// Simulated mean waits against the closed forms, over 30 replications. The M/M/c and M/D/1 cases are two
/// classes so that xunit runs them in parallel on the two cores.
/// </summary>
internal static class QueueTheoryAgreement
{
    private const int Replications = 30;

    // t(0.995, 29) = 2.756 from the table: a 99% interval, so eight fixed-seed cases rarely all need luck.
    private const double T99With29Df = 2.756;

    public static void AssertMeanWaitBracketsTheory(int servers, double lambda, ServiceKind service, long customers, double theory)
    {
        var options = new QueueOptions
        {
            Servers = servers, ArrivalRate = lambda, ServiceRate = 1, Service = service,
            Customers = customers, WarmupCustomers = customers / 10, Seed = 1_000,
        };
        QueueResult[] runs = MmcQueue.Replicate(options, Replications);

        var waits = new Tally();
        foreach (var run in runs) waits.Add(run.MeanWait);
        double halfWidth = T99With29Df * waits.StandardDeviation / Math.Sqrt(Replications);

        Assert.InRange(theory, waits.Mean - halfWidth, waits.Mean + halfWidth);
        // The interval must also be tight enough to mean something: within 8% of the true value.
        Assert.True(halfWidth < 0.08 * theory, $"half-width {halfWidth} is too wide for Wq = {theory}");
    }
}

public class MmcTheoryAgreementTests
{
    // Busier queues need longer runs for the same relative precision, hence customers per case.
    [Theory]
    // servers, λ (μ = 1), customers, Erlang C Wq (hand-computed in QueueTheoryTests).
    [InlineData(1, 0.5, 10_000, 1.0)]
    [InlineData(1, 0.8, 20_000, 4.0)]
    [InlineData(2, 1.0, 10_000, 1.0 / 3)]
    [InlineData(2, 1.8, 30_000, 81.0 / 19)]
    [InlineData(3, 1.5, 10_000, 3.0 / 19)]
    [InlineData(3, 2.4, 20_000, 11.52 / 17.8 / 0.6)]
    public void Mmc_mean_wait_over_replications_brackets_Erlang_C(int servers, double lambda, long customers, double theory) =>
        QueueTheoryAgreement.AssertMeanWaitBracketsTheory(servers, lambda, ServiceKind.Exponential, customers, theory);
}

public class Md1TheoryAgreementTests
{
    [Theory]
    [InlineData(0.5, 10_000, 0.5)] // P–K: 0.5/(2·0.5)
    [InlineData(0.8, 20_000, 2.0)] // P–K: 0.8/(2·0.2)
    public void Md1_mean_wait_over_replications_brackets_Pollaczek_Khinchine(double lambda, long customers, double theory) =>
        QueueTheoryAgreement.AssertMeanWaitBracketsTheory(1, lambda, ServiceKind.Deterministic, customers, theory);
}
