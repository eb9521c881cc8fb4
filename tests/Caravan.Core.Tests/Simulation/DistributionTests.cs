using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class DistributionTests
{
    public static TheoryData<string, RandomVariate, double, double> Cases => new()
    {
        // name, variate, mean, variance from the textbook formulas (written out, not taken from the code):
        { "exponential mean 2", RandomVariate.Exponential(2), 2, 4 },                                  // var = mean²
        { "uniform 1..5", RandomVariate.Uniform(1, 5), 3, 16.0 / 12 },                                 // (b−a)²/12
        { "triangular 0,1,4", RandomVariate.Triangular(0, 1, 4), 5.0 / 3, (0 + 1 + 16 - 0 - 0 - 4) / 18.0 }, // (a²+b²+c²−ab−ac−bc)/18 = 13/18
        { "normal 10,3", RandomVariate.Normal(10, 3), 10, 9 },
        { "lognormal 0,0.5", RandomVariate.LogNormal(0, 0.5), Math.Exp(0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.25) }, // e^{μ+σ²/2}, (e^{σ²}−1)e^{2μ+σ²}
        { "gamma 3,2", RandomVariate.Gamma(3, 2), 6, 12 },                                             // kθ, kθ²
        { "gamma 0.5,4", RandomVariate.Gamma(0.5, 4), 2, 8 },                                          // shape < 1 path
        { "empirical 1,2,2,7", RandomVariate.Empirical([1, 2, 2, 7]), 3, 5.5 },                        // mean 12/4; ((4+1+1+16)/4)
        { "constant 4", RandomVariate.Constant(4), 4, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_mean_and_variance_match_theory(string name, RandomVariate variate, double mean, double variance)
    {
        Assert.Equal(mean, variate.Mean, 12);
        Assert.Equal(variance, variate.Variance, 12);

        const int n = 400_000;
        var random = RandomStream.Create(11, name.Length); // a fixed stream per case (string hashes vary per process)
        var tally = new Tally();
        for (int i = 0; i < n; i++) tally.Add(variate.Sample(random));

        // The sample mean has standard error √(var/n); 5 standard errors fail by chance ~1 in 1.7 million.
        double meanTolerance = 5 * Math.Sqrt(variance / n) + 1e-12;
        Assert.InRange(tally.Mean, mean - meanTolerance, mean + meanTolerance);
        // The sample variance is within 3% for these light-tailed cases at n = 400,000
        // (its relative standard error √((κ−1)/n) is under 0.6% even for the lognormal's kurtosis κ ≈ 8.9).
        Assert.InRange(tally.Variance, variance * 0.97 - 1e-12, variance * 1.03 + 1e-12);
    }

    [Theory]
    // Survival function of the unit exponential, P(X > t) = e^(−t), across the ziggurat's layers, its wedges,
    // the start of its tail (R = 7.697) and the tail itself.
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(4.0)]
    [InlineData(7.69711747013104972)]
    [InlineData(9.0)]
    public void Ziggurat_exponential_has_the_exponential_tail(double t)
    {
        const int n = 1_000_000;
        var random = RandomStream.Create(21);
        int above = 0;
        for (int i = 0; i < n; i++)
            if (random.StandardExponential() > t) above++;
        double p = Math.Exp(-t);
        double tolerance = 5 * Math.Sqrt(p * (1 - p) * n) + 1; // 5 binomial standard deviations
        Assert.InRange(above, n * p - tolerance, n * p + tolerance);
    }

    [Fact]
    public void Inverse_transform_exponential_is_monotone_in_its_uniform()
    {
        // Same stream state, same uniform: −ln(U)/rate, so a higher rate gives a proportionally shorter time.
        var a = RandomStream.Create(8);
        var b = RandomStream.Create(8);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.ExponentialInverse(1) / 4, b.ExponentialInverse(4), 12);
    }

    [Fact]
    public void Triangular_never_leaves_its_support_and_respects_the_mode_split()
    {
        // P(X < mode) = (mode − min)/(max − min) = 1/4 for (0, 1, 4).
        var random = RandomStream.Create(5);
        int below = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double x = random.Triangular(0, 1, 4);
            Assert.InRange(x, 0, 4);
            if (x < 1) below++;
        }
        Assert.InRange(below / (double)n, 0.25 - 0.005, 0.25 + 0.005); // 5 s.e. = 5·√(0.1875/n) ≈ 0.0048
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomVariate.Exponential(0));
        Assert.Throws<ArgumentException>(() => RandomVariate.Triangular(2, 1, 3));
        Assert.Throws<ArgumentException>(() => RandomVariate.Gamma(0, 1));
        Assert.Throws<ArgumentException>(() => RandomVariate.Empirical([]));
    }
}
