namespace Caravan.Network;

/// <summary>
/// The waits of a network's sail-when-full services as the corridor simulation measured them: for each service, the
/// distribution of a unit's wait from joining the queue at the berth to sailing (filling, a vessel to come back,
/// storms). Named after the scenario it was measured on, and tied to the network's fingerprint.
/// </summary>
public sealed record WaitSet
{
    public required string Scenario { get; init; }
    public required string Network { get; init; }
    public required string NetworkVersion { get; init; }
    public required string NetworkFingerprint { get; init; }
    public required int Replications { get; init; }
    public required long Seed { get; init; }
    public required IReadOnlyDictionary<string, ServiceWait> Services { get; init; }
}

/// <summary>
/// One service's measured wait, in hours, as quantiles at 0, 5, 10, …, 100 % (21 values, non-decreasing);
/// <paramref name="Units"/> is how many unit waits they come from.
/// </summary>
public sealed record ServiceWait(IReadOnlyList<double> QuantileHours, double Units)
{
    public const int Points = 21;

    /// <summary>The wait as a distribution: linear between the measured quantiles.</summary>
    public Distribution AsDistribution() => new QuantileTableDistribution(QuantileHours);
}

/// <summary>A distribution given by its quantiles at equal steps of probability, linear in between.</summary>
public sealed record QuantileTableDistribution(IReadOnlyList<double> Quantiles) : Distribution
{
    public override double Quantile(double u)
    {
        double x = Math.Clamp(u, 0, 1) * (Quantiles.Count - 1);
        int i = Math.Min((int)x, Quantiles.Count - 2);
        return Quantiles[i] + (x - i) * (Quantiles[i + 1] - Quantiles[i]);
    }

    /// <summary>The mean of the piecewise-linear quantile function (trapezoids).</summary>
    public override double Mean
    {
        get
        {
            double sum = 0;
            for (int i = 0; i + 1 < Quantiles.Count; i++) sum += (Quantiles[i] + Quantiles[i + 1]) / 2;
            return sum / (Quantiles.Count - 1);
        }
    }
}
