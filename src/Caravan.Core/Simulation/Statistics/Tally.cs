namespace Caravan.Simulation;

/// <summary>
/// Per-observation statistics (a wait, a transit time) with Welford's update, which stays accurate where the
/// naive sum of squares would cancel catastrophically over millions of observations.
/// </summary>
public sealed class Tally
{
    private double _mean, _sumSquaredDeviations;

    public long Count { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>The sample mean, NaN when nothing was observed.</summary>
    public double Mean => Count > 0 ? _mean : double.NaN;

    /// <summary>The unbiased sample variance (divisor n − 1), NaN below two observations.</summary>
    public double Variance => Count > 1 ? _sumSquaredDeviations / (Count - 1) : double.NaN;

    public double StandardDeviation => Math.Sqrt(Variance);

    public void Add(double value)
    {
        Count++;
        double delta = value - _mean;
        _mean += delta / Count;
        _sumSquaredDeviations += delta * (value - _mean);
        if (value < Min) Min = value;
        if (value > Max) Max = value;
    }

    /// <summary>Forgets everything: used for warm-up deletion.</summary>
    public void Reset()
    {
        Count = 0;
        _mean = 0;
        _sumSquaredDeviations = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
    }

    /// <summary>Student-t interval for the mean, assuming independent observations (true of replication means).</summary>
    public ConfidenceInterval ConfidenceInterval(double level = 0.95) =>
        Simulation.ConfidenceInterval.FromSample(Mean, Variance, Count, level);
}
