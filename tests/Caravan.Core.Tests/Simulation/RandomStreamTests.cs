using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class RandomStreamTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_implementation()
    {
        // Reference C code (Blackman & Vigna) from state {1, 2, 3, 4} gives 11520, 0, 1509978240, 1215971899390074240.
        var stream = RandomStream.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, stream.NextUInt64());
        Assert.Equal(0UL, stream.NextUInt64());
        Assert.Equal(1509978240UL, stream.NextUInt64());
        Assert.Equal(1215971899390074240UL, stream.NextUInt64());
    }

    [Fact]
    public void SplitMix64_matches_its_published_test_vector()
    {
        var mixer = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, mixer.Next());
        Assert.Equal(3203168211198807973UL, mixer.Next());
        Assert.Equal(9817491932198370423UL, mixer.Next());
    }

    [Fact]
    public void Seeding_hashes_seed_and_stream_as_documented()
    {
        // An independent Python transcription of the documented seeding
        // (state = 4 SplitMix64 outputs from Mix(Mix(seed) + stream), then xoshiro256**) gave these.
        var s0 = RandomStream.Create(42, 0);
        Assert.Equal(0xa079be94a9a52920UL, s0.NextUInt64());
        Assert.Equal(0xefcbdb5ddc36f0b2UL, s0.NextUInt64());
        Assert.Equal(0xadc037b39358fe9aUL, s0.NextUInt64());
        var s1 = RandomStream.Create(42, 1);
        Assert.Equal(0x9decee091fd40470UL, s1.NextUInt64());
        Assert.Equal(0xed0f13ae6a7f8f77UL, s1.NextUInt64());
    }

    [Fact]
    public void Same_seed_and_stream_give_identical_output_bit_for_bit()
    {
        var a = RandomStream.Create(2024, 3);
        var b = RandomStream.Create(2024, 3);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Gamma(0.7, 2)), BitConverter.DoubleToInt64Bits(b.Gamma(0.7, 2)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Normal(0, 1)), BitConverter.DoubleToInt64Bits(b.Normal(0, 1)));
        }
    }

    [Fact]
    public void Neighbouring_streams_and_seeds_are_uncorrelated()
    {
        // Pearson correlation of n paired uniforms from independent streams has standard error 1/√n;
        // with n = 100,000 a bound of 4/√n = 0.0126 fails by chance about once in 16,000 pairs.
        const int n = 100_000;
        double bound = 4 / Math.Sqrt(n);
        Assert.InRange(Correlation(RandomStream.Create(1, 0), RandomStream.Create(1, 1), n), -bound, bound);
        Assert.InRange(Correlation(RandomStream.Create(1, 0), RandomStream.Create(2, 0), n), -bound, bound);
        // Lagged: stream n+1 must not be stream n shifted by a few draws.
        var shifted = RandomStream.Create(5, 1);
        for (int i = 0; i < 3; i++) shifted.NextDouble();
        Assert.InRange(Correlation(RandomStream.Create(5, 0), shifted, n), -bound, bound);
    }

    [Fact]
    public void Jump_gives_a_different_sequence_and_clone_the_same()
    {
        var a = RandomStream.Create(9);
        var copy = a.Clone();
        var jumped = a.Clone();
        jumped.Jump();
        ulong first = a.NextUInt64();
        Assert.Equal(first, copy.NextUInt64());
        Assert.NotEqual(first, jumped.NextUInt64());
    }

    [Fact]
    public void Uniform_doubles_stay_in_their_intervals()
    {
        var stream = RandomStream.Create(3);
        for (int i = 0; i < 100_000; i++)
        {
            Assert.InRange(stream.NextDouble(), 0.0, Math.BitDecrement(1.0));
            Assert.InRange(stream.NextDoubleNonZero(), double.Epsilon, 1.0);
            Assert.InRange(stream.NextInt(7), 0, 6);
        }
    }

    private static double Correlation(RandomStream x, RandomStream y, int n)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double a = x.NextDouble(), b = y.NextDouble();
            sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
        }
        double cov = sxy / n - sx / n * (sy / n);
        return cov / Math.Sqrt((sxx / n - sx / n * (sx / n)) * (syy / n - sy / n * (sy / n)));
    }
}
