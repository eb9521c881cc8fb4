namespace Caravan.Simulation;

/// <summary>
/// Quantiles of non-negative observations within a relative error of <see cref="RelativeAccuracy"/> (0.5 %), with
/// no upper limit, in a few hundred counters instead of every observation (the idea of DDSketch, Masson, Rim and
/// Lee, VLDB 2019). Sketches merge by adding counters, so replications can be pooled exactly as if one sketch had
/// seen every value. Count, sum (hence the mean), minimum and maximum are kept exactly.
/// </summary>
/// <remarks>
/// A positive x goes to bucket i = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α), the bucket (γ^(i−1), γ^i]. Reporting a
/// bucket as v = 2γ^i/(γ + 1) gives v/x in [1 − α, 1 + α) for every x in it, so |v − x| ≤ α·x. The quantile
/// reported is the bucket of the order statistic of rank ⌊p·(n − 1)⌋ (0-based) clamped to [min, max], which can
/// only bring it closer; the bound is thus against that exact order statistic (up to floating-point rounding of
/// the logarithm at a bucket edge, about 1e-13 relative). Buckets are a dense array that grows to the range seen:
/// transit times from 1 h to 1,000 days take about 1,000 counters.
/// </remarks>
public sealed class QuantileSketch
{
    public const double RelativeAccuracy = 0.005;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LnGamma = Math.Log(Gamma);

    private long[] _counts = [];
    private int _offset;  // the bucket index of _counts[0]
    private long _zeros;  // exact zeros, which have no logarithm

    public long Count { get; private set; }
    public double Sum { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>The exact mean (sum ÷ count), NaN when empty.</summary>
    public double Mean => Count > 0 ? Sum / Count : double.NaN;

    /// <summary>Adds <paramref name="x"/> <paramref name="times"/> times (a wait shared by the units of one vehicle).</summary>
    public void Add(double x, long times)
    {
        if (times <= 0) return;
        if (!(x >= 0) || double.IsPositiveInfinity(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, "Expected a finite, non-negative value.");
        if (x == 0) _zeros += times;
        else
        {
            int i = Index(x);
            Grow(i, i);
            _counts[i - _offset] += times;
        }
        Count += times;
        Sum += x * times;
        if (x < Min) Min = x;
        if (x > Max) Max = x;
    }

    public void Add(double x)
    {
        if (!(x >= 0) || double.IsPositiveInfinity(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, "Expected a finite, non-negative value.");
        if (x == 0) _zeros++;
        else
        {
            int i = Index(x);
            Grow(i, i);
            _counts[i - _offset]++;
        }
        Count++;
        Sum += x;
        if (x < Min) Min = x;
        if (x > Max) Max = x;
    }

    /// <summary>Adds another sketch's observations: the result is what one sketch fed both sets would hold.</summary>
    public void Add(QuantileSketch other)
    {
        if (other.Count == 0) return;
        if (other._counts.Length > 0)
        {
            Grow(other._offset, other._offset + other._counts.Length - 1);
            for (int k = 0; k < other._counts.Length; k++) _counts[other._offset + k - _offset] += other._counts[k];
        }
        _zeros += other._zeros;
        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The p-quantile (0 ≤ p ≤ 1): within <see cref="RelativeAccuracy"/> of the sorted sample's element of 0-based
    /// rank ⌊p·(n − 1)⌋; the exact minimum and maximum at its ends. NaN when empty.
    /// </summary>
    public double Quantile(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "Expected a probability in [0, 1].");
        if (Count == 0) return double.NaN;
        long rank = (long)Math.Floor(p * (Count - 1));
        if (rank == 0) return Min;           // the extremes are kept exactly
        if (rank == Count - 1) return Max;
        if (rank < _zeros) return 0;
        long seen = _zeros;
        for (int k = 0; k < _counts.Length; k++)
        {
            seen += _counts[k];
            if (seen > rank) return Math.Clamp(2 * Math.Pow(Gamma, k + _offset) / (Gamma + 1), Min, Max);
        }
        return Max; // not reached: the counts add up to Count
    }

    /// <summary>The non-empty buckets in increasing order: (lower, upper] bounds and count; zeros as [0, 0].</summary>
    public IEnumerable<(double Lower, double Upper, long Count)> Buckets()
    {
        if (_zeros > 0) yield return (0, 0, _zeros);
        for (int k = 0; k < _counts.Length; k++)
            if (_counts[k] > 0) yield return (Math.Pow(Gamma, k + _offset - 1), Math.Pow(Gamma, k + _offset), _counts[k]);
    }

    private static int Index(double x) => (int)Math.Ceiling(Math.Log(x) / LnGamma);

    // Makes the dense array cover bucket indices [low, high], with slack so that a slowly widening range does not
    // copy on every new bucket.
    private void Grow(int low, int high)
    {
        if (_counts.Length == 0)
        {
            _counts = new long[Math.Max(64, high - low + 1)];
            _offset = low - (_counts.Length - (high - low + 1)) / 2;
            return;
        }
        int end = _offset + _counts.Length - 1;
        if (low >= _offset && high <= end) return;
        int newLow = Math.Min(low, _offset), newHigh = Math.Max(high, end);
        int slack = (newHigh - newLow + 1) / 2;
        if (low < _offset) newLow -= slack;
        if (high > end) newHigh += slack;
        var counts = new long[newHigh - newLow + 1];
        Array.Copy(_counts, 0, counts, _offset - newLow, _counts.Length);
        _counts = counts;
        _offset = newLow;
    }
}
