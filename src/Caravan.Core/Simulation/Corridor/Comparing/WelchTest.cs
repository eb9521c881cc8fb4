namespace Caravan.Simulation.Corridor;

/// <summary>
/// The outcome of Welch's two-sample t-test on replication values of a metric: B − A, its 95 % confidence interval
/// [<see cref="CiLow"/>, <see cref="CiHigh"/>], t, the Welch–Satterthwaite degrees of freedom and the two-sided p.
/// </summary>
public readonly record struct WelchResult(double MeanA, double MeanB, double Difference, double T, double DegreesOfFreedom, double PValue,
    double CiLow, double CiHigh)
{
    /// <summary>The 95 % interval excludes 0: significant at the 5 % level (two-sided).</summary>
    public bool Significant => IsSignificant(0);

    /// <summary>
    /// Significant and practically relevant: the 95 % interval excludes 0 and |B − A| ≥ <paramref name="minDifference"/>
    /// (in the metric's unit). False where the interval is undefined (NaN compares false).
    /// </summary>
    public bool IsSignificant(double minDifference) => (CiLow > 0 || CiHigh < 0) && Math.Abs(Difference) >= minDifference;
}

/// <summary>
/// Welch's unequal-variance t-test: t = (x̄_B − x̄_A) / se with se = √(s²_A/n_A + s²_B/n_B), Welch–Satterthwaite
/// degrees of freedom ν = se⁴ / ((s²_A/n_A)²/(n_A − 1) + (s²_B/n_B)²/(n_B − 1)), two-sided p from the Student t
/// distribution (through the regularised incomplete beta function) and the interval B − A ± t(0.975, ν)·se.
/// </summary>
public static class WelchTest
{
    /// <summary>
    /// Below this share of the means' magnitude a difference between two constant samples is floating-point rounding
    /// (the same replications summed in another order), not a finding.
    /// </summary>
    private const double Resolution = 1e-12;

    public static WelchResult Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var ta = new Tally();
        var tb = new Tally();
        foreach (double x in a) if (double.IsFinite(x)) ta.Add(x);
        foreach (double x in b) if (double.IsFinite(x)) tb.Add(x);
        double diff = tb.Mean - ta.Mean;
        if (ta.Count < 2 || tb.Count < 2)
            return new WelchResult(ta.Mean, tb.Mean, diff, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double va = ta.Variance / ta.Count, vb = tb.Variance / tb.Count;
        double se2 = va + vb;
        if (se2 == 0)
        {
            // Both samples constant: the difference is known exactly, an interval of width 0 (no NaN from 0/0).
            if (Math.Abs(diff) <= Resolution * Math.Max(Math.Abs(ta.Mean), Math.Abs(tb.Mean))) diff = 0;
            return new WelchResult(ta.Mean, tb.Mean, diff, diff == 0 ? 0 : Math.CopySign(double.PositiveInfinity, diff), double.NaN,
                diff == 0 ? 1 : 0, diff, diff);
        }
        double se = Math.Sqrt(se2);
        double t = diff / se;
        double df = se2 * se2 / (va * va / (ta.Count - 1) + vb * vb / (tb.Count - 1));
        // ν ≥ min(n_A, n_B) − 1 ≥ 1 in exact arithmetic; the clamp only absorbs rounding below 1.
        double halfWidth = StudentT.Quantile(0.975, Math.Max(1, df)) * se;
        return new WelchResult(ta.Mean, tb.Mean, diff, t, df, TwoSidedP(t, df), diff - halfWidth, diff + halfWidth);
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).</summary>
    public static double TwoSidedP(double t, double df) => RegularizedIncompleteBeta(df / 2, 0.5, df / (df + t * t));

    /// <summary>I_x(a, b) by the continued fraction of Numerical Recipes (§6.4), using the symmetry for fast convergence.</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300, eps = 1e-15;
        double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + aa / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < eps) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, n = 9), relative error below 1e-13.</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) sum += c[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}

/// <summary>One metric of a comparison: A, B, B − A and Welch's test.</summary>
public sealed record ComparedMetric(string Name, string Unit, WelchResult Test);

/// <summary>
/// Two scenarios run with the same seed and number of replications: replication r of each uses the same random
/// sub-streams (arrivals per stream, durations, weather), i.e. common random numbers wherever the scenarios share
/// streams, which makes their difference more precise than independent runs would.
/// </summary>
public static class ScenarioComparison
{
    public static IReadOnlyList<ComparedMetric> Compare(ScenarioResult a, ScenarioResult b)
    {
        var metrics = new List<ComparedMetric>();
        void Add(string name, string unit, Func<ReplicationResult, double> f) =>
            metrics.Add(new ComparedMetric(name, unit, WelchTest.Compare(a.Replications.Select(f).ToList(), b.Replications.Select(f).ToList())));

        Add("demand", "Mt/yr", r => r.DemandTonnesPerYear / 1e6);
        Add("delivered", "Mt/yr", r => r.DeliveredTonnesPerYear / 1e6);
        Add("delivered containers", "TEU/yr", r => r.DeliveredTeuPerYear);
        Add("unmet (refused + under way)", "Mt/yr", r => (r.RefusedTonnesPerYear + r.UndeliveredTonnesPerYear) / 1e6);
        Add("transit mean", "days", r => r.TransitMeanDays);
        Add("transit p50", "days", r => r.TransitP50Days);
        Add("transit p90", "days", r => r.TransitP90Days);
        Add("transit p95", "days", r => r.TransitP95Days);

        // Streams both scenarios have, by id.
        for (int i = 0; i < a.Plan.Streams.Count; i++)
        {
            int j = IndexOf(b.Plan.Streams, a.Plan.Streams[i].Id);
            if (j < 0) continue;
            string id = a.Plan.Streams[i].Id;
            int ia = i, jb = j;
            metrics.Add(new ComparedMetric($"{id} transit p50", "days", WelchTest.Compare(
                a.Replications.Select(r => r.TransitP50DaysByStream[ia]).ToList(), b.Replications.Select(r => r.TransitP50DaysByStream[jb]).ToList())));
            metrics.Add(new ComparedMetric($"{id} delivered", "kt/yr", WelchTest.Compare(
                a.Replications.Select(r => r.DeliveredTonnesPerYearByStream[ia] / 1e3).ToList(), b.Replications.Select(r => r.DeliveredTonnesPerYearByStream[jb] / 1e3).ToList())));
        }

        // The top bottlenecks of either scenario, by element name.
        var names = a.ByDelay.Take(5).Concat(b.ByDelay.Take(5)).Select(x => x.Element.Element.Name).Distinct();
        foreach (string name in names)
        {
            int ea = a.Plan.Elements.FirstOrDefault(e => e.Name == name)?.Index ?? -1;
            int eb = b.Plan.Elements.FirstOrDefault(e => e.Name == name)?.Index ?? -1;
            if (ea < 0 || eb < 0) continue;
            metrics.Add(new ComparedMetric($"{name} utilisation", "%", WelchTest.Compare(
                a.Replications.Select(r => 100 * r.Utilisation[ea]).ToList(), b.Replications.Select(r => 100 * r.Utilisation[eb]).ToList())));
            metrics.Add(new ComparedMetric($"{name} delay", "h/unit", WelchTest.Compare(
                a.Replications.Select(r => r.DelayHoursPerDeliveredUnit[ea]).ToList(), b.Replications.Select(r => r.DelayHoursPerDeliveredUnit[eb]).ToList())));
        }
        return metrics;
    }

    private static int IndexOf(IReadOnlyList<StreamInfo> streams, string id)
    {
        for (int i = 0; i < streams.Count; i++) if (streams[i].Id == id) return i;
        return -1;
    }
}
