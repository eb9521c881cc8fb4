namespace Caravan.Simulation;

/// <summary>
/// One run of the M/M/c (or M/D/c) queue. Rates are per hour, so all times in the result are hours.
/// </summary>
public sealed record QueueOptions
{
    /// <summary>Servers c ≥ 1.</summary>
    public int Servers { get; init; } = 1;

    /// <summary>Poisson arrival rate λ per hour, &gt; 0.</summary>
    public double ArrivalRate { get; init; } = 0.9;

    /// <summary>Service rate μ per server per hour, &gt; 0 (mean service time 1/μ).</summary>
    public double ServiceRate { get; init; } = 1;

    /// <summary>Customers simulated in all, warm-up included.</summary>
    public long Customers { get; init; } = 100_000;

    /// <summary>The first customers, left out of every statistic; null means a tenth of <see cref="Customers"/>.</summary>
    public long? WarmupCustomers { get; init; }

    public long Seed { get; init; } = 1;

    public ServiceKind Service { get; init; } = ServiceKind.Exponential;

    /// <summary>Traffic intensity ρ = λ / (c μ); the queue is stable only below 1.</summary>
    public double Utilisation => ArrivalRate / (Servers * ServiceRate);

    public long EffectiveWarmup => WarmupCustomers ?? Customers / 10;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (Servers < 1) throw new ArgumentOutOfRangeException(nameof(Servers), Servers, "Expected at least one server.");
        if (!(ArrivalRate > 0) || double.IsInfinity(ArrivalRate)) throw new ArgumentOutOfRangeException(nameof(ArrivalRate), ArrivalRate, "Expected a positive, finite arrival rate.");
        if (!(ServiceRate > 0) || double.IsInfinity(ServiceRate)) throw new ArgumentOutOfRangeException(nameof(ServiceRate), ServiceRate, "Expected a positive, finite service rate.");
        if (!(Utilisation < 1)) throw new ArgumentOutOfRangeException(nameof(ArrivalRate), ArrivalRate, $"Utilisation ρ = λ/(cμ) = {Utilisation} must be below 1 for a steady state.");
        if (Customers < 1) throw new ArgumentOutOfRangeException(nameof(Customers), Customers, "Expected at least one customer.");
        if (EffectiveWarmup < 0 || EffectiveWarmup >= Customers)
            throw new ArgumentOutOfRangeException(nameof(WarmupCustomers), WarmupCustomers, "Expected a warm-up of at least 0 and fewer than Customers.");
    }
}
