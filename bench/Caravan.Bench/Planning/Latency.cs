using System.Diagnostics;

namespace Caravan.Bench.Planning;

/// <summary>
/// Latency percentiles of a set of timed runs, in milliseconds (nearest-rank percentiles). Runs of several queries
/// are pooled with each query weighing the same however many runs it had (<see cref="OfQueries"/>), so a fast query
/// repeated more often does not pull the percentiles down.
/// </summary>
public sealed record Latency(int Runs, double P50Ms, double P99Ms, double MeanMs, double MinMs, double MaxMs)
{
    public static Latency Of(IReadOnlyCollection<double> ms)
    {
        if (ms.Count == 0) return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = ms.Order().ToArray();
        return new Latency(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Average(), sorted[0], sorted[^1]);
    }

    /// <summary>Pooled over queries, each query's runs together weighing one.</summary>
    public static Latency OfQueries(IEnumerable<IReadOnlyCollection<double>> queries)
    {
        var weighted = queries.Where(q => q.Count > 0).SelectMany(q => q.Select(ms => (Ms: ms, Weight: 1.0 / q.Count))).OrderBy(x => x.Ms).ToArray();
        if (weighted.Length == 0) return Of([]);
        double total = weighted.Sum(x => x.Weight);
        double At(double p)
        {
            double cumulative = 0;
            foreach (var (ms, weight) in weighted)
                if ((cumulative += weight) >= p * total - 1e-9) return ms;
            return weighted[^1].Ms;
        }
        return new Latency(weighted.Length, At(0.50), At(0.99), weighted.Sum(x => x.Ms * x.Weight) / total, weighted[0].Ms, weighted[^1].Ms);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Wall-clock milliseconds of one call.</summary>
    public static double Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    public override string ToString() => $"p50 {Format(P50Ms)}  p99 {Format(P99Ms)}  ({Runs:N0} runs)";

    public static string Format(double ms) => ms switch
    {
        double.NaN => "n/a",
        < 1 => $"{ms * 1000:0} µs",
        < 100 => $"{ms:0.00} ms",
        < 10_000 => $"{ms:0} ms",
        _ => $"{ms / 1000:0.0} s",
    };
}
