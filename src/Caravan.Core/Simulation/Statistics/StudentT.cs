namespace Caravan.Simulation;

/// <summary>
/// Student-t quantiles by Hill's Algorithm 396 (CACM 13(10), 1970), the method R's <c>qt</c> starts from:
/// exact for 1 and 2 degrees of freedom, otherwise within about 1e-4 relative, far finer than a
/// simulation confidence interval needs and with no table to mistype.
/// </summary>
public static class StudentT
{
    /// <summary>The t value with lower-tail probability <paramref name="p"/> for <paramref name="degreesOfFreedom"/> ≥ 1.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Expected a probability in (0, 1).");
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Expected at least one degree of freedom.");
        if (p == 0.5) return 0;
        double twoSided = 2 * Math.Min(p, 1 - p);
        double t = UpperTwoSided(twoSided, degreesOfFreedom);
        return p > 0.5 ? t : -t;
    }

    // The positive t with P(|T| > t) = twoSided.
    private static double UpperTwoSided(double twoSided, double n)
    {
        if (n == 1) return 1 / Math.Tan(twoSided * Math.PI / 2); // Cauchy
        if (n == 2) return Math.Sqrt(2 / (twoSided * (2 - twoSided)) - 2);
        if (double.IsPositiveInfinity(n) || n > 1e7) return -NormalQuantile.Standard(twoSided / 2);

        double a = 1 / (n - 0.5);
        double b = 48 / (a * a);
        double c = ((20700 * a / b - 98) * a - 16) * a + 96.36;
        double d = ((94.5 / (b + c) - 3) / b + 1) * Math.Sqrt(a * Math.PI / 2) * n;
        double y = Math.Pow(d * twoSided, 2 / n);

        if (y > 0.05 + a)
        {
            // Asymptotic inverse expansion about the normal.
            double x = NormalQuantile.Standard(0.5 * twoSided);
            y = x * x;
            if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
            y = Math.Exp(a * y * y) - 1;
        }
        else
        {
            y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
                * (n + 1) / (n + 2) + 1 / y;
        }
        return Math.Sqrt(n * y);
    }
}
