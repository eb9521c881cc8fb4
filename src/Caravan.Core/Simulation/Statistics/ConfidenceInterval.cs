namespace Caravan.Simulation;

/// <summary>A two-sided interval Mean ± HalfWidth at the given confidence level, from Count independent values.</summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, long Count, double Level)
{
    public double Lower => Mean - HalfWidth;
    public double Upper => Mean + HalfWidth;

    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Student-t interval from a sample mean and unbiased variance; an infinite half-width below two values.</summary>
    public static ConfidenceInterval FromSample(double mean, double variance, long count, double level = 0.95)
    {
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), level, "Expected a confidence level in (0, 1).");
        if (count < 2) return new(mean, double.PositiveInfinity, count, level);
        double t = StudentT.Quantile(0.5 + level / 2, count - 1);
        return new(mean, t * Math.Sqrt(variance / count), count, level);
    }

    /// <summary>The interval over independent replication results (one value per replication).</summary>
    public static ConfidenceInterval FromReplications(IEnumerable<double> values, double level = 0.95)
    {
        var tally = new Tally();
        foreach (double v in values) tally.Add(v);
        return tally.ConfidenceInterval(level);
    }
}
