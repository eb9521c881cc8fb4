namespace Caravan.Simulation.Statistics;

/// <summary>
/// Quantiles of non-negative values (waits, in hours) with a relative error of at most 1 %, in fixed memory and with
/// no upper limit that matters (10^6 hours): bucket i holds values in (s·γ^(i−1), s·γ^i] with γ = 1.02 and
/// s = 0.01, and answers with the bucket's centre in relative terms, 2·s·γ^i / (γ + 1), which is within
/// (γ − 1)/(γ + 1) &lt; 1 % of any value in it. Values up to s (0.6 minutes) count as zero. Histograms merge by
/// adding counts, so replications pool exactly. The idea is DDSketch's (Masson et al., VLDB 2019), kept dense here.
/// </summary>
public sealed class LogHistogram
{
    public const double Gamma = 1.02;
    public const double Smallest = 0.01;
    private const int Buckets = 1100; // s · γ^1100 ≈ 2.9·10^7
    private static readonly double LogGamma = Math.Log(Gamma);

    private readonly double[] _counts = new double[Buckets];
    private double _zero;

    /// <summary>Total weight added.</summary>
    public double Count { get; private set; }

    public void Add(double value, double weight = 1)
    {
        if (!(weight > 0) || double.IsNaN(value)) return;
        Count += weight;
        if (value <= Smallest) { _zero += weight; return; }
        int i = (int)Math.Ceiling(Math.Log(value / Smallest) / LogGamma);
        _counts[Math.Clamp(i, 1, Buckets - 1)] += weight;
    }

    public void Add(LogHistogram other)
    {
        Count += other.Count;
        _zero += other._zero;
        for (int i = 0; i < Buckets; i++) _counts[i] += other._counts[i];
    }

    /// <summary>The p-quantile (nearest rank on the weights), within 1 % relative; NaN when empty.</summary>
    public double Quantile(double p)
    {
        if (Count <= 0) return double.NaN;
        double rank = Math.Clamp(p, 0, 1) * Count, seen = _zero;
        if (seen >= rank && _zero > 0) return 0;
        for (int i = 1; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank && _counts[i] > 0) return 2 * Smallest * Math.Pow(Gamma, i) / (Gamma + 1);
        }
        return 2 * Smallest * Math.Pow(Gamma, Buckets - 1) / (Gamma + 1);
    }
}
