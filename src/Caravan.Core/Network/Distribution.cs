namespace Caravan.Network;

/// <summary>
/// A duration distribution in hours. Sampling is by inverse CDF so that a uniform draw u maps monotonically
/// to a duration: the planner relies on that to compare itineraries under common random numbers.
/// </summary>
public abstract record Distribution
{
    /// <summary>The duration at cumulative probability <paramref name="u"/> in [0, 1), in hours.</summary>
    public abstract double Quantile(double u);

    /// <summary>The median in hours: the planner's nominal duration.</summary>
    public double Median => Quantile(0.5);

    public abstract double Mean { get; }

    public static Distribution Zero { get; } = new FixedDistribution(0);
}

/// <summary>Always the same duration.</summary>
public sealed record FixedDistribution(double Hours) : Distribution
{
    public override double Quantile(double u) => Hours;
    public override double Mean => Hours;
}

/// <summary>Uniform between <paramref name="Min"/> and <paramref name="Max"/> hours.</summary>
public sealed record UniformDistribution(double Min, double Max) : Distribution
{
    public override double Quantile(double u) => Min + (Max - Min) * u;
    public override double Mean => (Min + Max) / 2;
}

/// <summary>Triangular with minimum, most likely and maximum, in hours: the usual expert estimate.</summary>
public sealed record TriangularDistribution(double Min, double Mode, double Max) : Distribution
{
    public override double Quantile(double u)
    {
        if (Max <= Min) return Min;
        double c = (Mode - Min) / (Max - Min);
        return u < c
            ? Min + Math.Sqrt(u * (Max - Min) * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * (Max - Min) * (Max - Mode));
    }

    public override double Mean => (Min + Mode + Max) / 3;
}

/// <summary>
/// Lognormal given by its median and 90th percentile in hours (how dwell times are usually reported),
/// optionally shifted by a minimum that no run can beat.
/// </summary>
public sealed record LogNormalDistribution(double MedianHours, double P90Hours, double MinHours = 0) : Distribution
{
    private const double Z90 = 1.2815515655446004;

    public double Mu => Math.Log(MedianHours - MinHours);
    public double Sigma => (Math.Log(P90Hours - MinHours) - Mu) / Z90;

    public override double Quantile(double u) =>
        MinHours + Math.Exp(Mu + Sigma * StandardNormal.Quantile(Math.Clamp(u, 1e-12, 1 - 1e-12)));

    public override double Mean => MinHours + Math.Exp(Mu + Sigma * Sigma / 2);
}

/// <summary>An empirical distribution: observed durations in hours, each equally likely.</summary>
public sealed record EmpiricalDistribution(IReadOnlyList<double> SortedHours) : Distribution
{
    public override double Quantile(double u)
    {
        int i = (int)Math.Floor(u * SortedHours.Count);
        return SortedHours[Math.Clamp(i, 0, SortedHours.Count - 1)];
    }

    public override double Mean => SortedHours.Average();

    public bool Equals(EmpiricalDistribution? other) =>
        other is not null && SortedHours.SequenceEqual(other.SortedHours);

    public override int GetHashCode() => SortedHours.Count;
}

/// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
public static class StandardNormal
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    public static double Quantile(double p)
    {
        const double low = 0.02425, high = 1 - low;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
                   ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > high)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
                    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double r = p - 0.5, s = r * r;
        return (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r /
               (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
    }
}
