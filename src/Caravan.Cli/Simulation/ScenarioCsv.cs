using System.Globalization;
using System.Text;
using Caravan.Simulation.Corridor;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `--csv DIR`: the results as plain CSV (RFC 4180, invariant culture, empty cell where undefined): totals.csv,
/// streams.csv, segments.csv, elements.csv (with both ranks), weekly.csv (every element, every week) and
/// transit-histogram.csv (all replications pooled, in the quantile sketch's buckets: (from, to] hours, each
/// about 1 % wide).
/// </summary>
internal static class ScenarioCsv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(ScenarioResult r, string directory)
    {
        var totals = new StringBuilder("measure,mean,half_width,lower,upper\n");
        void Total(string name, Estimate e) => totals.Append(Row(name, e.Mean, e.HalfWidth, e.Lower, e.Upper));
        Total("demand_tonnes_per_year", r.DemandTonnesPerYear);
        Total("delivered_tonnes_per_year", r.DeliveredTonnesPerYear);
        Total("delivered_teu_per_year", r.DeliveredTeuPerYear);
        Total("refused_tonnes_per_year", r.RefusedTonnesPerYear);
        Total("undelivered_tonnes_per_year", r.UndeliveredTonnesPerYear);
        Total("unmet_tonnes_per_year", r.UnmetTonnesPerYear);
        Total("transit_mean_days", r.TransitMeanDays);
        Total("transit_p50_days", r.TransitP50Days);
        Total("transit_p90_days", r.TransitP90Days);
        Total("transit_p95_days", r.TransitP95Days);
        Total("storm_closure_port_hours", r.StormClosureHours);
        File.WriteAllText(Path.Combine(directory, "totals.csv"), totals.ToString());

        var streams = new StringBuilder("stream,from,to,cargo,route,demand_tonnes_per_year,delivered_tonnes_per_year,delivered_half_width,transit_mean_days,transit_p50_days,transit_p90_days\n");
        foreach (var s in r.Streams)
        {
            string route = string.Join(" | ", r.Plan.Routes.Where(x => x.Stream == s.Stream.Id).Select(x => string.Join(">", x.Services)));
            streams.Append(Row(s.Stream.Id, s.Stream.From, s.Stream.To, s.Stream.Cargo.ToString(), route, s.DemandTonnesPerYear.Mean,
                s.DeliveredTonnesPerYear.Mean, s.DeliveredTonnesPerYear.HalfWidth, s.TransitMeanDays.Mean, s.TransitP50Days.Mean, s.TransitP90Days.Mean));
        }
        File.WriteAllText(Path.Combine(directory, "streams.csv"), streams.ToString());

        var segments = new StringBuilder("segment,cargo,tonnes_per_year,half_width\n");
        foreach (var t in r.Segments) segments.Append(Row(t.Segment, t.Cargo.ToString(), t.TonnesPerYear.Mean, t.TonnesPerYear.HalfWidth));
        File.WriteAllText(Path.Combine(directory, "segments.csv"), segments.ToString());

        var rankUse = r.ByUtilisation.ToDictionary(b => b.Element.Element.Index, b => b.Rank);
        var rankDelay = r.ByDelay.ToDictionary(b => b.Element.Element.Index, b => b.Rank);
        var elements = new StringBuilder("element,kind,node,segment,capacity,utilisation,utilisation_half_width,mean_queue,mean_wait_hours,delay_hours_per_delivered_unit,delay_half_width,units_per_year,rank_by_utilisation,rank_by_delay\n");
        foreach (var e in r.Elements)
        {
            int i = e.Element.Index;
            elements.Append(Row(e.Element.Name, e.Element.Kind.ToString(), e.Element.Node, e.Element.Segment, e.Element.Capacity,
                e.Utilisation.Mean, e.Utilisation.HalfWidth, e.MeanQueue.Mean, e.MeanWaitHours.Mean, e.DelayHoursPerDeliveredUnit.Mean,
                e.DelayHoursPerDeliveredUnit.HalfWidth, e.UnitsPerYear.Mean,
                rankUse.TryGetValue(i, out int ru) ? ru : double.NaN, rankDelay.TryGetValue(i, out int rd) ? rd : double.NaN));
        }
        File.WriteAllText(Path.Combine(directory, "elements.csv"), elements.ToString());

        var weekly = new StringBuilder("element,week,queue_mean,queue_half_width,wait_hours_mean\n");
        foreach (var e in r.Plan.Elements)
        {
            var series = r.Weekly(e.Index);
            for (int w = 0; w < series.Queue.Count; w++)
                weekly.Append(Row(e.Name, w + 1, series.Queue[w].Mean, series.Queue[w].HalfWidth, series.WaitHours[w].Mean));
        }
        File.WriteAllText(Path.Combine(directory, "weekly.csv"), weekly.ToString());

        // The pooled sketch's own buckets: each 1 % wide (relative), so exact counts with no upper limit.
        var histogram = new StringBuilder("from_hours,to_hours,units\n");
        foreach (var (lower, upper, count) in r.PooledTransit().Buckets()) histogram.Append(Row(lower, upper, count));
        File.WriteAllText(Path.Combine(directory, "transit-histogram.csv"), histogram.ToString());
    }

    private static string Row(params object[] cells) => string.Join(",", cells.Select(Cell)) + "\n";

    private static string Cell(object value) => value switch
    {
        double d => double.IsFinite(d) ? d.ToString("G10", Inv) : "",
        int i => i.ToString(Inv),
        long l => l.ToString(Inv),
        string s when s.IndexOfAny([',', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
        string s => s,
        _ => Convert.ToString(value, Inv) ?? "",
    };
}
