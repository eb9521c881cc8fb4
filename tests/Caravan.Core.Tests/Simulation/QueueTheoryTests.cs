using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class QueueTheoryTests
{
    [Theory]
    // M/M/1: Wq = ρ/(μ − λ). λ = 0.5, μ = 1 → 0.5/0.5 = 1.  λ = 0.8 → 0.8/0.2 = 4.
    [InlineData(1, 0.5, 1.0, 1.0)]
    [InlineData(1, 0.8, 1.0, 4.0)]
    // M/M/2, λ = 1.8, μ = 1: a = 1.8, a²/2/(1−ρ) = 1.62/0.1 = 16.2, C = 16.2/(1 + 1.8 + 16.2) = 16.2/19,
    // Wq = C/(2 − 1.8) = 81/19 = 4.263158.
    [InlineData(2, 1.8, 1.0, 81.0 / 19)]
    // M/M/2, λ = 1, μ = 1: a²/2/(1−ρ) = 0.5/0.5 = 1, C = 1/(1 + 1 + 1) = 1/3, Wq = (1/3)/(2 − 1) = 1/3.
    [InlineData(2, 1.0, 1.0, 1.0 / 3)]
    // M/M/3, λ = 2.4, μ = 1: a³/6 = 2.304, /(1 − 0.8) = 11.52; Σ = 1 + 2.4 + 2.88 = 6.28; C = 11.52/17.8;
    // Wq = C/(3 − 2.4) = 0.6471910/0.6 = 1.0786517.
    [InlineData(3, 2.4, 1.0, 11.52 / 17.8 / 0.6)]
    // M/M/3, λ = 1.5, μ = 1: a³/6 = 0.5625, /(0.5) = 1.125; Σ = 1 + 1.5 + 1.125 = 3.625; C = 1.125/4.75;
    // Wq = C/1.5 = 3/19.
    [InlineData(3, 1.5, 1.0, 3.0 / 19)]
    // Rates scale time: λ = 9, μ = 10 per hour is M/M/1 with ρ = 0.9, Wq = 0.9/(10 − 9) = 0.9 h.
    [InlineData(1, 9.0, 10.0, 0.9)]
    public void Erlang_C_mean_wait_matches_hand_computation(int c, double lambda, double mu, double expected)
    {
        Assert.Equal(expected, QueueTheory.MmcMeanWait(c, lambda, mu), 9);
    }

    [Fact]
    public void Erlang_C_handles_many_servers_without_overflow()
    {
        // With 500 servers at ρ = 0.5 waiting is essentially impossible; the product form must not overflow to NaN.
        double c = QueueTheory.ErlangC(500, 250, 1);
        Assert.InRange(c, 0, 1e-30);
    }

    [Theory]
    // Pollaczek–Khinchine with zero service variance: Wq = ρ/(2μ(1 − ρ)).
    [InlineData(0.5, 1.0, 0.5)]   // 0.5/(2·0.5) = 0.5
    [InlineData(0.8, 1.0, 2.0)]   // 0.8/(2·0.2) = 2
    [InlineData(3.0, 4.0, 0.375)] // ρ = 0.75: 0.75/(2·4·0.25) = 0.375
    public void Pollaczek_Khinchine_mean_wait_matches_hand_computation(double lambda, double mu, double expected)
    {
        Assert.Equal(expected, QueueTheory.Md1MeanWait(lambda, mu), 12);
    }

    [Fact]
    public void Unstable_queues_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueTheory.MmcMeanWait(2, 2.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueOptions { Servers = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueOptions { ArrivalRate = -1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueOptions { Customers = 10, WarmupCustomers = 10 }.Validate());
    }
}
