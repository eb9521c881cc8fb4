namespace Caravan.Network;

/// <summary>
/// Reads a duration distribution in hours: <c>{"dist":"fixed","hours"}</c>, <c>{"dist":"uniform","min","max"}</c>,
/// <c>{"dist":"triangular","min","mode","max"}</c>, <c>{"dist":"lognormal","median","p90","min"?}</c> or
/// <c>{"dist":"empirical","hours":[…]}</c>. No duration may be negative.
/// </summary>
internal static class DistributionReader
{
    private const string Kinds = "one of: fixed, uniform, triangular, lognormal, empirical";
    private const string Expected = "a duration distribution in hours, e.g. {\"dist\": \"fixed\", \"hours\": 12}";
    private const string NonNegative = "hours ≥ 0";

    public static Distribution? Read(ObjectReader parent, string name, bool required)
    {
        var d = parent.Object(name, required, Expected);
        if (d is null) return null;
        string? kind = d.String("dist", expected: Kinds);
        return kind switch
        {
            null => null,
            "fixed" => Fixed(d),
            "uniform" => Uniform(d),
            "triangular" => Triangular(d),
            "lognormal" => LogNormal(d),
            "empirical" => Empirical(d),
            _ => Unknown(d),
        };
    }

    private static Distribution? Unknown(ObjectReader d)
    {
        d.TryGet("dist", true, Kinds, out var v);
        d.Context.Error(d.PathOf("dist"), v, Kinds);
        return null;
    }

    private static Distribution? Fixed(ObjectReader d)
    {
        d.AllowOnly("dist", "hours");
        return d.Number("hours", NonNegative, h => h >= 0) is { } hours ? new FixedDistribution(hours) : null;
    }

    private static Distribution? Uniform(ObjectReader d)
    {
        d.AllowOnly("dist", "min", "max");
        double? min = d.Number("min", NonNegative, h => h >= 0);
        double? max = d.Number("max", min is { } lo ? $"hours ≥ min ({lo})" : NonNegative, h => h >= (min ?? 0));
        return min is { } a && max is { } b ? new UniformDistribution(a, b) : null;
    }

    private static Distribution? Triangular(ObjectReader d)
    {
        d.AllowOnly("dist", "min", "mode", "max");
        double? min = d.Number("min", NonNegative, h => h >= 0);
        double? mode = d.Number("mode", min is { } lo ? $"hours ≥ min ({lo})" : NonNegative, h => h >= (min ?? 0));
        double floor = mode ?? min ?? 0;
        double? max = d.Number("max", $"hours ≥ mode and min ({floor})", h => h >= floor);
        return min is { } a && mode is { } c && max is { } b ? new TriangularDistribution(a, c, b) : null;
    }

    private static Distribution? LogNormal(ObjectReader d)
    {
        d.AllowOnly("dist", "median", "p90", "min");
        // The distribution is fitted to log(x - min), so the median must lie strictly above the minimum and the
        // 90th percentile strictly above the median, or sigma would be zero or negative.
        double? min = d.Number("min", NonNegative, h => h >= 0, required: false);
        double floor = min ?? 0;
        double? median = d.Number("median", $"hours > min ({floor})", h => h > floor);
        double? p90 = d.Number("p90", median is { } m ? $"hours > median ({m})" : "hours > median", h => h > (median ?? floor));
        return median is { } a && p90 is { } b && (min is not null || !d.Has("min"))
            ? new LogNormalDistribution(a, b, floor)
            : null;
    }

    private static Distribution? Empirical(ObjectReader d)
    {
        d.AllowOnly("dist", "hours");
        var items = d.Array("hours", true, "a non-empty list of observed durations in hours", allowEmpty: false);
        if (items is null) return null;
        var hours = new List<double>();
        bool allValid = true;
        foreach (var (value, path) in items)
        {
            if (d.ReadNumber(value, path, NonNegative, h => h >= 0) is { } h) hours.Add(h);
            else allValid = false;
        }
        // Quantile indexes into the list, so it must be sorted whatever order the file lists observations in.
        hours.Sort();
        return allValid ? new EmpiricalDistribution(hours) : null;
    }
}
