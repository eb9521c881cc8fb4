using Caravan.Network;
using System.Globalization;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Simulation.Corridor;
using Spectre.Console;

namespace Caravan.Cli.Simulation;

/// <summary>`simulate SCENARIO` as tables: the totals, each stream, each segment and the bottleneck ranking.</summary>
internal static class ScenarioRendering
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const int RankedShown = 10;

    public static void Render(Page page, ScenarioResult r, double elapsedSeconds)
    {
        var plan = r.Plan;
        page.Text((
            $"Scenario {plan.Scenario.Name} on network {plan.Network.Name} {plan.Network.Version}: {r.Replications.Count} replications, seed {r.Seed}, " +
            $"{Num(plan.Scenario.HorizonDays)} days measured after {Num(plan.Scenario.WarmupDays)} days of warm-up.\n" +
            "Figures are means over replications ± the half-width of their 95 % confidence interval.\n\n"));

        var totals = new Sheet(Column.Text("Measure").AsMain(), Column.Number("Value"), Column.Number("± 95 %"))
            .Row("Demand (Mt/yr)", Mt(r.DemandTonnesPerYear.Mean), Mt(r.DemandTonnesPerYear.HalfWidth))
            .Row("Delivered (Mt/yr)", Mt(r.DeliveredTonnesPerYear.Mean), Mt(r.DeliveredTonnesPerYear.HalfWidth))
            .Row("  of which containers (TEU/yr)", N0(r.DeliveredTeuPerYear.Mean), N0(r.DeliveredTeuPerYear.HalfWidth))
            .Row("Unmet: refused at origin (Mt/yr)", Mt(r.RefusedTonnesPerYear.Mean), Mt(r.RefusedTonnesPerYear.HalfWidth))
            .Row("Unmet: still under way at the end (Mt)", Mt(r.UndeliveredTonnesPerYear.Mean * plan.HorizonHours / 8760), Mt(r.UndeliveredTonnesPerYear.HalfWidth * plan.HorizonHours / 8760))
            .Row("Transit mean (days)", D1(r.TransitMeanDays.Mean), D1(r.TransitMeanDays.HalfWidth))
            .Row("Transit p50 / p90 / p95 (days)", $"{D1(r.TransitP50Days.Mean)} / {D1(r.TransitP90Days.Mean)} / {D1(r.TransitP95Days.Mean)}",
                $"{D1(r.TransitP50Days.HalfWidth)} / {D1(r.TransitP90Days.HalfWidth)} / {D1(r.TransitP95Days.HalfWidth)}")
            .Row("Port closure by storms (port-days)", D1(r.StormClosureHours.Mean / 24), D1(r.StormClosureHours.HalfWidth / 24))
            .Row("Units rerouted at a port or junction (/yr)", N0(r.ReroutedUnitsPerYear.Mean), N0(r.ReroutedUnitsPerYear.HalfWidth));
        page.Table(totals);
        if (r.Saturation is { Saturated: true, Reason: var why })
            page.Text($"{Saturation.Warning}\n{why}\n", new Style(Color.Yellow));

        // Sea and ferry services: the sail-when-full ferries and the scheduled container line, tankers and ferry slots.
        var afloat = plan.Network.Services.Where(s => s.Mode is TransportMode.Ferry or TransportMode.Sea).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        // The stream's name identifies the row; on a narrow terminal its routes give way (they are in --json and --csv).
        var streams = new Sheet(Column.Fixed("Stream").AsMain(), Column.Fixed("Cargo").Droppable(2), Column.Text("Route").Droppable(4),
            Column.Number("Demand kt/yr").Droppable(1), Column.Number("Delivered kt/yr"), Column.Number("Transit p50 / p90 d").Abbreviated("p50 d", 3));
        foreach (var s in r.Streams)
        {
            var route = plan.Routes.Select((x, i) => (x, i)).Where(p => p.x.Stream == s.Stream.Id)
                .Select(p => (p.x, Share: r.RouteShare(p.i).Mean))
                .Where(p => p.Share > 0.005 || p.x.Choice != "adaptive")
                .Select(p => string.Join(" → ", p.x.Nodes) + Afloat(p.x, afloat) + (p.Share < 0.9995 ? $" ({Percent(p.Share)})" : ""));
            streams.Row(s.Stream.Id, s.Stream.Cargo.ToString(), s.Stream.Routable ? string.Join("; ", route) : "no route",
                Kt(s.DemandTonnesPerYear.Mean), $"{Kt(s.DeliveredTonnesPerYear.Mean)} ± {Kt(s.DeliveredTonnesPerYear.HalfWidth)}",
                Cell.Of($"{D1(s.TransitP50Days.Mean)} / {D1(s.TransitP90Days.Mean)}").WithShort(D1(s.TransitP50Days.Mean)));
        }
        page.Text("\nStreams\n");
        page.Table(streams);

        var segments = new Sheet(Column.Text("Segment (operator)").AsMain(), Column.Fixed("Cargo"), Column.Number("kt/yr"), Column.Number("± 95 %").Droppable(1));
        foreach (var t in r.Segments) segments.Row(t.Segment, t.Cargo.ToString(), Kt(t.TonnesPerYear.Mean), Kt(t.TonnesPerYear.HalfWidth));
        page.Text("\nThroughput by segment and cargo kind\n");
        page.Table(segments);

        var vessels = new Sheet(Column.Text("Vessel or train").AsMain(), Column.Number("Sailings/yr").Droppable(2), Column.Number("Load/sailing").Droppable(1),
            Column.Number("Load factor"), Column.Number("Wait p50 / p90 h").Abbreviated("Wait p50 h", 3));
        foreach (var e in r.Elements.Where(e => e.Element.Service is { } id && afloat.Contains(id) && e.SailingsPerYear.Mean > 0))
            vessels.Row(e.Element.Name, N0(e.SailingsPerYear.Mean), D1(e.LoadPerSailing.Mean), Percent(e.Utilisation.Mean),
                Cell.Of($"{D1(e.WaitP50Hours.Mean)} / {D1(e.WaitP90Hours.Mean)}").WithShort(D1(e.WaitP50Hours.Mean)));
        page.Text("\nSailings of the sea and ferry services: load per sailing in units (wagons, or 2 TEU); load factor = carried ÷ capacity of the sailings\n");
        page.Table(vessels);

        page.Text($"\nBottlenecks by utilisation (top {RankedShown})\n");
        page.Table(Ranking(r.ByUtilisation));
        page.Text($"\nBottlenecks by queueing delay contributed, hours per delivered unit (top {RankedShown})\n");
        page.Table(Ranking(r.ByDelay));

        foreach (string note in plan.Notes) page.Text($"note: {note}\n");
        double rate = elapsedSeconds > 0 ? r.Replications.Count / elapsedSeconds : 0;
        page.Text($"\n{N0(r.Events)} events in {elapsedSeconds.ToString("0.00", Inv)} s on {r.DegreeOfParallelism} threads " +
            $"({rate.ToString("0.0", Inv)} replications/s).\n");
    }

    /// <summary>
    /// `simulate --format tsv`: the totals, one measure a row with its mean and 95 % half-width (streams, segments
    /// and bottlenecks are files of --csv DIR).
    /// </summary>
    public static void WriteTsv(TextWriter output, ScenarioResult r)
    {
        double horizonYears = r.Plan.HorizonHours / 8760;
        var totals = new Sheet(Column.Text("Measure", "measure"), Column.Text("Unit", "unit"), Column.Number("Mean", "mean"), Column.Number("± 95 %", "ci95_half_width"));
        void Add(string measure, string unit, double mean, double halfWidth) =>
            totals.Row(measure, unit, MachineFormats.Number(mean), MachineFormats.Number(halfWidth));
        Add("demand", "t/yr", r.DemandTonnesPerYear.Mean, r.DemandTonnesPerYear.HalfWidth);
        Add("delivered", "t/yr", r.DeliveredTonnesPerYear.Mean, r.DeliveredTonnesPerYear.HalfWidth);
        Add("delivered_containers", "TEU/yr", r.DeliveredTeuPerYear.Mean, r.DeliveredTeuPerYear.HalfWidth);
        Add("refused_at_origin", "t/yr", r.RefusedTonnesPerYear.Mean, r.RefusedTonnesPerYear.HalfWidth);
        Add("under_way_at_end", "t", r.UndeliveredTonnesPerYear.Mean * horizonYears, r.UndeliveredTonnesPerYear.HalfWidth * horizonYears);
        Add("transit_mean", "days", r.TransitMeanDays.Mean, r.TransitMeanDays.HalfWidth);
        Add("transit_p50", "days", r.TransitP50Days.Mean, r.TransitP50Days.HalfWidth);
        Add("transit_p90", "days", r.TransitP90Days.Mean, r.TransitP90Days.HalfWidth);
        Add("transit_p95", "days", r.TransitP95Days.Mean, r.TransitP95Days.HalfWidth);
        Add("storm_closure", "port-days", r.StormClosureHours.Mean / 24, r.StormClosureHours.HalfWidth / 24);
        Add("rerouted_units", "units/yr", r.ReroutedUnitsPerYear.Mean, r.ReroutedUnitsPerYear.HalfWidth);
        SheetWriter.Tsv(output, totals);
    }

    /// <summary>" by AKT-ALT-RAILFERRY": the sea legs of a route, which tell apart routes through the same ports.</summary>
    private static string Afloat(StreamRoute route, IReadOnlySet<string> afloat)
    {
        var sea = route.Services.Where(afloat.Contains).ToList();
        return sea.Count == 0 ? "" : " by " + string.Join(", ", sea);
    }

    private static Sheet Ranking(IReadOnlyList<Bottleneck> ranked)
    {
        var table = new Sheet(Column.Number("#"), Column.Text("Element").AsMain(), Column.Fixed("Kind").Droppable(3), Column.Text("Capacity").Droppable(1),
            Column.Number("Utilisation"), Column.Number("Queue").Droppable(2), Column.Number("Wait h").Droppable(4), Column.Number("Delay h/unit"));
        foreach (var b in ranked.Take(RankedShown))
        {
            var e = b.Element;
            table.Row(b.Rank.ToString(Inv), e.Element.Name, e.Element.Kind.ToString(), e.Element.Capacity,
                $"{Percent(e.Utilisation.Mean)} ± {Percent(e.Utilisation.HalfWidth)}",
                D1(e.MeanQueue.Mean), D1(e.MeanWaitHours.Mean),
                $"{D1(e.DelayHoursPerDeliveredUnit.Mean)} ± {D1(e.DelayHoursPerDeliveredUnit.HalfWidth)}");
        }
        return table;
    }

    internal static string Mt(double t) => double.IsFinite(t) ? (t / 1e6).ToString("0.000", Inv) : "n/a";
    internal static string Kt(double t) => double.IsFinite(t) ? (t / 1e3).ToString("N0", Inv) : "n/a";
    internal static string N0(double x) => double.IsFinite(x) ? x.ToString("N0", Inv) : "n/a";
    internal static string D1(double x) => double.IsFinite(x) ? x.ToString("0.0", Inv) : "n/a";
    internal static string Num(double x) => x.ToString("0.##", Inv);
    internal static string Percent(double x) => double.IsFinite(x) ? (x * 100).ToString("0.0", Inv) + " %" : "n/a";
}
