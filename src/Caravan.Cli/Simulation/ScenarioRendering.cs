using Caravan.Network;
using System.Globalization;
using Caravan.Cli.Rendering;
using Caravan.Simulation.Corridor;
using Spectre.Console;

namespace Caravan.Cli.Simulation;

/// <summary>`simulate SCENARIO` as tables: the totals, each stream, each segment and the bottleneck ranking.</summary>
internal static class ScenarioRendering
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const int RankedShown = 10;

    public static void Render(CliContext context, ScenarioResult r, double elapsedSeconds)
    {
        var plan = r.Plan;
        var console = context.Console;
        console.Write(new Text(
            $"Scenario {plan.Scenario.Name} on network {plan.Network.Name} {plan.Network.Version}: {r.Replications.Count} replications, seed {r.Seed}, " +
            $"{Num(plan.Scenario.HorizonDays)} days measured after {Num(plan.Scenario.WarmupDays)} days of warm-up.\n" +
            "Figures are means over replications ± the half-width of their 95 % confidence interval.\n\n"));

        var totals = Tables.Create("Measure", "Value>", "± 95 %>")
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
        console.Write(totals);
        if (r.Saturation is { Saturated: true, Reason: var why })
            console.Write(new Text($"{Saturation.Warning}\n{why}\n", new Style(Color.Yellow)));

        // Sea and ferry services: the sail-when-full ferries and the scheduled container line, tankers and ferry slots.
        var afloat = plan.Network.Services.Where(s => s.Mode is TransportMode.Ferry or TransportMode.Sea).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var streams = Tables.Create("Stream", "Cargo!", "Route", "Demand kt/yr>", "Delivered kt/yr>", "Transit p50 / p90 d>");
        foreach (var s in r.Streams)
        {
            var route = plan.Routes.Select((x, i) => (x, i)).Where(p => p.x.Stream == s.Stream.Id)
                .Select(p => (p.x, Share: r.RouteShare(p.i).Mean))
                .Where(p => p.Share > 0.005 || p.x.Choice != "adaptive")
                .Select(p => string.Join(" → ", p.x.Nodes) + Afloat(p.x, afloat) + (p.Share < 0.9995 ? $" ({Percent(p.Share)})" : ""));
            streams.Row(s.Stream.Id, s.Stream.Cargo.ToString(), s.Stream.Routable ? string.Join("; ", route) : "no route",
                Kt(s.DemandTonnesPerYear.Mean), $"{Kt(s.DeliveredTonnesPerYear.Mean)} ± {Kt(s.DeliveredTonnesPerYear.HalfWidth)}",
                $"{D1(s.TransitP50Days.Mean)} / {D1(s.TransitP90Days.Mean)}");
        }
        console.Write(new Text("\nStreams\n"));
        console.Write(streams);

        var segments = Tables.Create("Segment (operator)", "Cargo!", "kt/yr>", "± 95 %>");
        foreach (var t in r.Segments) segments.Row(t.Segment, t.Cargo.ToString(), Kt(t.TonnesPerYear.Mean), Kt(t.TonnesPerYear.HalfWidth));
        console.Write(new Text("\nThroughput by segment and cargo kind\n"));
        console.Write(segments);

        var vessels = Tables.Create("Vessel or train", "Sailings/yr>", "Load/sailing>", "Load factor>", "Wait p50 / p90 h>");
        foreach (var e in r.Elements.Where(e => e.Element.Service is { } id && afloat.Contains(id) && e.SailingsPerYear.Mean > 0))
            vessels.Row(e.Element.Name, N0(e.SailingsPerYear.Mean), D1(e.LoadPerSailing.Mean), Percent(e.Utilisation.Mean),
                $"{D1(e.WaitP50Hours.Mean)} / {D1(e.WaitP90Hours.Mean)}");
        console.Write(new Text("\nSailings of the sea and ferry services: load per sailing in units (wagons, or 2 TEU); load factor = carried ÷ capacity of the sailings\n"));
        console.Write(vessels);

        console.Write(new Text($"\nBottlenecks by utilisation (top {RankedShown})\n"));
        console.Write(Ranking(r.ByUtilisation));
        console.Write(new Text($"\nBottlenecks by queueing delay contributed, hours per delivered unit (top {RankedShown})\n"));
        console.Write(Ranking(r.ByDelay));

        foreach (string note in plan.Notes) console.Write(new Text($"note: {note}\n"));
        double rate = elapsedSeconds > 0 ? r.Replications.Count / elapsedSeconds : 0;
        console.Write(new Text($"\n{N0(r.Events)} events in {elapsedSeconds.ToString("0.00", Inv)} s on {r.DegreeOfParallelism} threads " +
            $"({rate.ToString("0.0", Inv)} replications/s).\n"));
    }

    /// <summary>" by AKT-ALT-RAILFERRY": the sea legs of a route, which tell apart routes through the same ports.</summary>
    private static string Afloat(StreamRoute route, IReadOnlySet<string> afloat)
    {
        var sea = route.Services.Where(afloat.Contains).ToList();
        return sea.Count == 0 ? "" : " by " + string.Join(", ", sea);
    }

    private static Table Ranking(IReadOnlyList<Bottleneck> ranked)
    {
        var table = Tables.Create("#>", "Element", "Kind!", "Capacity", "Utilisation>", "Queue>", "Wait h>", "Delay h/unit>");
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
