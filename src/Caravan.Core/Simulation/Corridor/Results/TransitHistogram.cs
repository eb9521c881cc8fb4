namespace Caravan.Simulation.Corridor;

/// <summary>
/// Transit times in fixed bins of <see cref="BinHours"/> hours (the last bin collects everything longer), so a
/// replication stores a few thousand counts instead of every unit's time and histograms add across replications.
/// Percentiles interpolate linearly inside their bin: exact to within a bin width.
/// </summary>
public sealed class TransitHistogram
{
    public const double BinHours = 2;
    public const int Bins = 120 * 12; // 120 days

    private readonly long[] _counts = new long[Bins];

    public long Count { get; private set; }
    public IReadOnlyList<long> Counts => _counts;

    public void Add(double hours)
    {
        int bin = (int)(hours / BinHours);
        _counts[Math.Clamp(bin, 0, Bins - 1)]++;
        Count++;
    }

    public void Add(TransitHistogram other)
    {
        for (int i = 0; i < Bins; i++) _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The p-quantile in hours (0 &lt; p &lt; 1); NaN when empty.</summary>
    public double QuantileHours(double p)
    {
        if (Count == 0) return double.NaN;
        double target = p * Count;
        long seen = 0;
        for (int i = 0; i < Bins; i++)
        {
            if (_counts[i] == 0) continue;
            if (seen + _counts[i] >= target)
                return (i + (target - seen) / _counts[i]) * BinHours;
            seen += _counts[i];
        }
        return Bins * BinHours;
    }
}
