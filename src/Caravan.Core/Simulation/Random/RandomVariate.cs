namespace Caravan.Simulation;

/// <summary>
/// A distribution as a small value: a family and up to three parameters, sampled by a switch rather than a
/// virtual call so a model can keep one in a field and draw from it without allocating.
/// <see cref="Mean"/> and <see cref="Variance"/> are the closed forms, for validation and reports.
/// </summary>
public readonly struct RandomVariate
{
    private readonly double _a, _b, _c;
    private readonly double[]? _observations;

    private RandomVariate(VariateKind kind, double a, double b = 0, double c = 0, double[]? observations = null)
    {
        Kind = kind;
        _a = a;
        _b = b;
        _c = c;
        _observations = observations;
    }

    public VariateKind Kind { get; }

    public static RandomVariate Constant(double value) => new(VariateKind.Constant, value);

    /// <summary>Exponential with the given mean (rate 1/mean).</summary>
    public static RandomVariate Exponential(double mean) =>
        mean > 0 ? new(VariateKind.Exponential, 1 / mean) : throw new ArgumentOutOfRangeException(nameof(mean), mean, "Expected a positive mean.");

    public static RandomVariate Uniform(double min, double max) =>
        max >= min ? new(VariateKind.Uniform, min, max) : throw new ArgumentException($"Uniform needs min <= max, got {min} and {max}.");

    public static RandomVariate Triangular(double min, double mode, double max) =>
        min <= mode && mode <= max ? new(VariateKind.Triangular, min, mode, max)
            : throw new ArgumentException($"Triangular needs min <= mode <= max, got {min}, {mode}, {max}.");

    public static RandomVariate Normal(double mean, double standardDeviation) =>
        standardDeviation >= 0 ? new(VariateKind.Normal, mean, standardDeviation)
            : throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "Expected a non-negative standard deviation.");

    /// <summary>Lognormal whose logarithm is Normal(<paramref name="mu"/>, <paramref name="sigma"/>).</summary>
    public static RandomVariate LogNormal(double mu, double sigma) =>
        sigma >= 0 ? new(VariateKind.LogNormal, mu, sigma)
            : throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Expected a non-negative sigma.");

    /// <summary>Gamma with shape k and scale θ: mean kθ, variance kθ².</summary>
    public static RandomVariate Gamma(double shape, double scale) =>
        shape > 0 && scale > 0 ? new(VariateKind.Gamma, shape, scale)
            : throw new ArgumentException($"Gamma needs shape > 0 and scale > 0, got {shape} and {scale}.");

    /// <summary>Resamples the observations, each equally likely. The array is copied.</summary>
    public static RandomVariate Empirical(IReadOnlyCollection<double> observations) =>
        observations.Count > 0 ? new(VariateKind.Empirical, 0, observations: observations.ToArray())
            : throw new ArgumentException("An empirical distribution needs at least one observation.", nameof(observations));

    public double Sample(RandomStream random) => Kind switch
    {
        VariateKind.Constant => _a,
        VariateKind.Exponential => random.Exponential(_a),
        VariateKind.Uniform => random.Uniform(_a, _b),
        VariateKind.Triangular => random.Triangular(_a, _b, _c),
        VariateKind.Normal => random.Normal(_a, _b),
        VariateKind.LogNormal => random.LogNormal(_a, _b),
        VariateKind.Gamma => random.Gamma(_a, _b),
        VariateKind.Empirical => random.Empirical(_observations!),
        _ => throw new InvalidOperationException($"Unknown variate kind {Kind}."),
    };

    public double Mean => Kind switch
    {
        VariateKind.Constant => _a,
        VariateKind.Exponential => 1 / _a,
        VariateKind.Uniform => (_a + _b) / 2,
        VariateKind.Triangular => (_a + _b + _c) / 3,
        VariateKind.Normal => _a,
        VariateKind.LogNormal => Math.Exp(_a + _b * _b / 2),
        VariateKind.Gamma => _a * _b,
        VariateKind.Empirical => _observations!.Average(),
        _ => throw new InvalidOperationException($"Unknown variate kind {Kind}."),
    };

    public double Variance => Kind switch
    {
        VariateKind.Constant => 0,
        VariateKind.Exponential => 1 / (_a * _a),
        VariateKind.Uniform => (_b - _a) * (_b - _a) / 12,
        VariateKind.Triangular => (_a * _a + _b * _b + _c * _c - _a * _b - _a * _c - _b * _c) / 18,
        VariateKind.Normal => _b * _b,
        VariateKind.LogNormal => (Math.Exp(_b * _b) - 1) * Math.Exp(2 * _a + _b * _b),
        VariateKind.Gamma => _a * _b * _b,
        VariateKind.Empirical => PopulationVariance(_observations!),
        _ => throw new InvalidOperationException($"Unknown variate kind {Kind}."),
    };

    private static double PopulationVariance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }
}
