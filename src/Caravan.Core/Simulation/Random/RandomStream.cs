using System.Numerics;
using System.Runtime.CompilerServices;

namespace Caravan.Simulation;

/// <summary>
/// One stream of pseudo-random numbers: xoshiro256** (Blackman and Vigna, period 2^256 − 1).
/// Stream <c>n</c> of seed <c>s</c> is reproducible bit for bit on every machine: the state is filled by
/// SplitMix64 from a start value that hashes (s, n), so replications get independent streams in O(1).
/// With a 256-bit state the chance that two of a million streams overlap within 2^64 draws is below 2^-150;
/// <see cref="Jump"/> is there for callers that want provably disjoint sub-streams instead.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;

    // The polar method makes normals in pairs; the spare is kept so no draw is wasted and output stays deterministic.
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Stream <paramref name="stream"/> (e.g. the replication number) of seed <paramref name="seed"/>.</summary>
    public RandomStream(ulong seed, ulong stream = 0)
    {
        // Mix(seed) + stream is injective in stream for a fixed seed; the outer Mix keeps neighbouring streams
        // from being SplitMix64 sequences shifted by one step (which a plain seed + stream would be).
        var mixer = new SplitMix64(SplitMix64.Mix(SplitMix64.Mix(seed) + stream));
        _s0 = mixer.Next();
        _s1 = mixer.Next();
        _s2 = mixer.Next();
        _s3 = mixer.Next();
        // SplitMix64 never yields four zero words in a row, but an all-zero state would be a fixed point.
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    private RandomStream() { }

    /// <summary>A stream with an explicit state, for checking against published test vectors.</summary>
    internal static RandomStream FromState(ulong s0, ulong s1, ulong s2, ulong s3) =>
        new() { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };

    /// <summary>Convenience for the common signed seed type.</summary>
    public static RandomStream Create(long seed, long stream = 0) => new(unchecked((ulong)seed), unchecked((ulong)stream));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits (every double k·2^-53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (long)(NextUInt64() >> 11) * (1.0 / (1UL << 53)); // signed: one instruction to convert

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => (long)((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>) by Lemire's multiply-shift (bias below n/2^64, negligible here).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Expected a positive bound.");
        return (int)Math.BigMul(NextUInt64(), (ulong)n, out _);
    }

    /// <summary>Exponential with the given rate (mean 1/rate), by the ziggurat: see <see cref="StandardExponential"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Exponential(double rate) => StandardExponential() / rate;

    /// <summary>
    /// Unit exponential by Marsaglia and Tsang's ziggurat: the low 8 bits of one draw pick a layer, the top 53 a
    /// point in it; the point is accepted at once unless it falls in the layer's wedge or the tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double StandardExponential()
    {
        ulong bits = NextUInt64();
        int i = (int)(bits & 0xFF);
        double x = (long)(bits >> 11) * (1.0 / (1UL << 53)) * ExponentialZiggurat.X[i];
        return x < ExponentialZiggurat.X[i + 1] ? x : ExponentialSlowPath(i, x);
    }

    /// <summary>Exponential by inverse transform, −ln(U)/rate: monotone in U, for common-random-number designs.</summary>
    public double ExponentialInverse(double rate) => -Math.Log(NextDoubleNonZero()) / rate;

    private double ExponentialSlowPath(int layer, double x)
    {
        while (true)
        {
            // Base strip beyond R: the exponential is memoryless, so the tail is R plus a fresh unit exponential.
            if (layer == 0) return ExponentialZiggurat.R - Math.Log(NextDoubleNonZero());
            // Wedge: accept if a uniform height under the layer falls below the density.
            double[] f = ExponentialZiggurat.F;
            if (f[layer] + (f[layer + 1] - f[layer]) * NextDouble() < Math.Exp(-x)) return x;

            ulong bits = NextUInt64();
            layer = (int)(bits & 0xFF);
            x = (long)(bits >> 11) * (1.0 / (1UL << 53)) * ExponentialZiggurat.X[layer];
            if (x < ExponentialZiggurat.X[layer + 1]) return x;
        }
    }

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Triangular by inverse transform.</summary>
    public double Triangular(double min, double mode, double max)
    {
        if (max <= min) return min;
        double u = NextDouble();
        double width = max - min;
        double split = (mode - min) / width;
        return u < split
            ? min + Math.Sqrt(u * width * (mode - min))
            : max - Math.Sqrt((1 - u) * width * (max - mode));
    }

    /// <summary>Normal by Marsaglia's polar method (exact, no tables).</summary>
    public double Normal(double mean, double standardDeviation)
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return mean + standardDeviation * _spareNormal;
        }
        double x, y, s;
        do
        {
            x = 2 * NextDouble() - 1;
            y = 2 * NextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = y * factor;
        _hasSpareNormal = true;
        return mean + standardDeviation * x * factor;
    }

    /// <summary>Lognormal: exp of a normal with the given log-scale parameters μ and σ.</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    /// <summary>Gamma with shape k and scale θ (mean kθ) by Marsaglia and Tsang (2000); shape &lt; 1 by their boost U^(1/k).</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape <= 0 || scale <= 0) throw new ArgumentOutOfRangeException(nameof(shape), "Gamma needs shape > 0 and scale > 0.");
        if (shape < 1)
            return Gamma(shape + 1, scale) * Math.Pow(NextDoubleNonZero(), 1 / shape);

        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(0, 1);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = NextDoubleNonZero();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) return d * v * scale; // the cheap squeeze accepts ~98% of draws
            if (Math.Log(u) < 0.5 * x2 + d * (1 - v + Math.Log(v))) return d * v * scale;
        }
    }

    /// <summary>One of <paramref name="observations"/>, each equally likely (resampling an empirical distribution).</summary>
    public double Empirical(ReadOnlySpan<double> observations) => observations[NextInt(observations.Length)];

    /// <summary>
    /// Advances the state by 2^128 draws: calling it k times on copies of one stream gives 2^128 disjoint sub-streams.
    /// </summary>
    public void Jump()
    {
        ReadOnlySpan<ulong> jump = [0x180EC6D33CFD0ABAUL, 0xD5A61266F0C9392CUL, 0xA9582618E03FC9AAUL, 0x39ABDC4529B1661CUL];
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (ulong word in jump)
        {
            for (int bit = 0; bit < 64; bit++)
            {
                if ((word & (1UL << bit)) != 0)
                {
                    s0 ^= _s0;
                    s1 ^= _s1;
                    s2 ^= _s2;
                    s3 ^= _s3;
                }
                NextUInt64();
            }
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        _hasSpareNormal = false;
    }

    /// <summary>An independent copy with the same state: it yields the same sequence from here on.</summary>
    public RandomStream Clone() => (RandomStream)MemberwiseClone();
}
