using Caravan.Simulation;
using Caravan.Simulation.Corridor;
using ScottPlot;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `--charts DIR`: queue over time at the top bottlenecks, the transit-time histogram and utilisation of the busiest
/// elements, each as PNG and SVG (ScottPlot renders with Skia; the Linux native library ships in the package).
/// </summary>
internal static class ScenarioCharts
{
    private const int Width = 1200, Height = 650;
    public const int QueueLines = 4, UtilisationBars = 16;

    public static void Write(ScenarioResult r, string directory)
    {
        Save(QueueOverTime(r), directory, "queue-over-time");
        Save(TransitHistogramChart(r), directory, "transit-histogram");
        Save(Utilisation(r), directory, "utilisation");
    }

    private static void Save(Plot plot, string directory, string name)
    {
        plot.SavePng(Path.Combine(directory, name + ".png"), Width, Height);
        plot.SaveSvg(Path.Combine(directory, name + ".svg"), Width, Height);
    }

    private static Plot QueueOverTime(ScenarioResult r)
    {
        var plot = new Plot();
        foreach (var b in r.ByDelay.Take(QueueLines))
        {
            var series = r.Weekly(b.Element.Element.Index);
            double[] weeks = Enumerable.Range(1, series.Queue.Count).Select(w => (double)w).ToArray();
            double[] queue = series.Queue.Select(q => double.IsFinite(q.Mean) ? q.Mean : 0).ToArray();
            var line = plot.Add.Scatter(weeks, queue);
            line.LegendText = $"{b.Element.Element.Name} ({b.Element.Element.Kind})";
            line.MarkerSize = 3;
            line.LineWidth = 2;
        }
        plot.Title($"{r.Scenario}: weekly mean queue at the top {QueueLines} bottlenecks (by delay), mean of {r.Replications.Count} replications");
        plot.XLabel("Week of the measured year");
        plot.YLabel("Units waiting (wagon loads)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot TransitHistogramChart(ScenarioResult r)
    {
        var pooled = r.PooledTransit();
        double[] share = DailyShares(pooled);
        int last = Math.Max(10, Array.FindLastIndex(share, s => s > 0.01) + 2);
        var plot = new Plot();
        var bars = plot.Add.Bars(Enumerable.Range(0, last).Select(d => d + 0.5).ToArray(),
            Enumerable.Range(0, last).Select(d => d < share.Length ? share[d] : 0).ToArray());
        foreach (var bar in bars.Bars) bar.Size = 0.9;
        foreach (var (p, label) in new[] { (0.5, "p50"), (0.9, "p90"), (0.95, "p95") })
        {
            double x = pooled.Quantile(p) / 24;
            var v = plot.Add.VerticalLine(x);
            v.Text = $"{label} {x:0.0} d";
            v.LinePattern = LinePattern.Dashed;
        }
        plot.Title($"{r.Scenario}: end-to-end transit time, all streams, {pooled.Count:N0} units over {r.Replications.Count} replications");
        plot.XLabel("Days from ready at origin to delivery");
        plot.YLabel("Share of units (%)");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>
    /// Percent of units per whole day of transit. The sketch's buckets are about 1 % wide, so above ~4 days one spans
    /// more than an hour and above 100 days more than a day: each bucket's count is spread over the days it
    /// overlaps in proportion to the overlap (a chart, not a statistic; the percentiles come from the sketch).
    /// </summary>
    private static double[] DailyShares(QuantileSketch pooled)
    {
        var share = new double[pooled.Count > 0 ? (int)Math.Floor(pooled.Max / 24) + 1 : 0];
        foreach (var (lower, upper, count) in pooled.Buckets())
        {
            // Clamped to the values seen, so that no share falls past the longest transit.
            double from = Math.Max(lower, pooled.Min) / 24, to = Math.Min(upper, pooled.Max) / 24, percent = 100.0 * count / pooled.Count;
            if (to <= from)
            {
                share[Math.Min((int)from, share.Length - 1)] += percent;
                continue;
            }
            for (int d = (int)Math.Floor(from); d < share.Length && d < to; d++)
                share[d] += percent * (Math.Min(to, d + 1) - Math.Max(from, d)) / (to - from);
        }
        return share;
    }

    private static Plot Utilisation(ScenarioResult r)
    {
        var top = r.ByUtilisation.Take(UtilisationBars).ToList();
        var plot = new Plot();
        double[] positions = Enumerable.Range(0, top.Count).Select(i => (double)i).ToArray();
        double[] values = top.Select(b => 100 * b.Element.Utilisation.Mean).ToArray();
        var bars = plot.Add.Bars(positions, values);
        for (int i = 0; i < top.Count; i++)
        {
            var e = top[i].Element;
            bars.Bars[i].Error = double.IsFinite(e.Utilisation.HalfWidth) ? 100 * e.Utilisation.HalfWidth : 0;
            bars.Bars[i].FillColor = e.Element.Kind switch
            {
                ElementKind.Handling => Colors.SteelBlue,
                ElementKind.Ferry or ElementKind.FerryBackhaul => Colors.DarkOrange,
                ElementKind.Locomotives => Colors.Purple,
                _ => Colors.SeaGreen,
            };
        }
        plot.Axes.Bottom.SetTicks(positions, top.Select(b => $"{b.Element.Element.Name} [{b.Element.Element.Segment}]").ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 260;
        var full = plot.Add.HorizontalLine(100);
        full.LinePattern = LinePattern.Dotted;
        plot.Title($"{r.Scenario}: utilisation of the busiest elements (± 95 %); blue handling, green services, orange ferries, purple locomotives");
        plot.YLabel("Utilisation (%)");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
