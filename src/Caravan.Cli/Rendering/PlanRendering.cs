using Caravan.Cli.Rendering.Sheets;
using Caravan.Network;
using Caravan.Planning;
using NodaTime;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan plan` for people: the Pareto set as a table and, with --details, each itinerary's legs.</summary>
internal static class PlanRendering
{
    public static void Write(Page page, PlanResult result, NetworkModel network, bool details)
    {
        var request = result.Request;
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        page.Line($"{Formats.NodeName(from)} → {Formats.NodeName(to)}: {request.Cargo}, ready {Formats.Local(request.ReadyTime, from)}" +
                  (request.Deadline is { } d ? $", deadline {Formats.Local(d, to)}" : ""));
        page.Line($"Network {network.Name} {network.Version}. {Count(result.Itineraries.Count, "itinerary", "itineraries")} on the Pareto front (time, cost, CO2e{(request.Deadline is null ? "" : ", on-time chance")}), fastest first.");

        // On a narrow terminal the times go first (they are in --details), then the days shorten to the median,
        // before the route is squeezed to a word a line.
        page.Table(Itineraries(result, network), hint: "add --details, or widen the terminal");
        page.Line($"Departs (first vehicle) and arrives: nominal, local time with UTC offset. Days: ready to arrival,");
        page.Line($"10th/50th/90th percentile of {request.Samples} draws. Cost at the exchange rates of {network.Currencies.Date:yyyy-MM-dd}.");
        page.Line($"CO2e: well-to-wheel, ISO 14083 / GLEC ({network.Emissions.Version}).");
        page.Line(network.Waits is { } w
            ? $"Ferry waits: as the simulation of {w.Scenario} measured them ({w.Replications} replications)."
            : "Ferry waits: the network file's fill times (no simulated wait set for this network).");

        if (details)
            foreach (var (it, i) in result.Itineraries.Select((it, i) => (it, i)))
            {
                page.Line();
                page.Line($"Option {i + 1}: {Formats.Route(it)}; {Formats.Days(it.Duration)} days, {Formats.Money(it.TotalCost, result.QuoteCurrency)}, {Formats.Tonnes(it.Emissions.Co2eWTW)} t CO2e");
                page.Table(Legs(result, [(i + 1, it)], withOption: false));
            }
        else
            page.Line("Legs of each option: add --details. Price breakdown: caravan quote … --option N.");
    }

    /// <summary>`plan --format tsv`: one row per itinerary, or with --details one row per leg of every itinerary.</summary>
    public static void WriteTsv(TextWriter output, PlanResult result, NetworkModel network, bool details) =>
        SheetWriter.Tsv(output, details
            ? Legs(result, result.Itineraries.Select((it, i) => (i + 1, it)), withOption: true)
            : Itineraries(result, network));

    /// <summary>The Pareto set, one itinerary a row.</summary>
    internal static Sheet Itineraries(PlanResult result, NetworkModel network)
    {
        var request = result.Request;
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        string currency = result.QuoteCurrency;
        var columns = new List<Column>
        {
            Column.Number("#", "option"),
            Column.Text("Route", "route").AsMain(),
            Column.Fixed("Departs / arrives (local)", "departs_local", "arrives_local").JoinedBy(" / ").Droppable(1),
            Column.Number("Days p10/p50/p90", "days_p10", "days_p50", "days_p90").Abbreviated("Days p50", 2),
            Column.Number($"Cost {currency}", $"cost_{currency.ToLowerInvariant()}"),
            Column.Number("CO2e t", "co2e_wtw_t"),
        };
        if (request.Deadline is not null) columns.Add(Column.Number("On time", "on_time_percent"));
        var sheet = new Sheet([.. columns]);
        foreach (var (it, i) in result.Itineraries.Select((it, i) => (it, i)))
        {
            var spread = it.ArrivalDistribution;
            Duration p10 = spread.P10 - it.ReadyTime, p50 = spread.P50 - it.ReadyTime, p90 = spread.P90 - it.ReadyTime;
            var cells = new List<Cell>
            {
                (i + 1).ToString(),
                Cell.Of(Formats.Route(it), Formats.Route(it)),
                Cell.Of($"{Formats.Local(it.Departure, from)}\n{Formats.Local(it.Arrival, to)}", MachineFormats.Time(it.Departure, from), MachineFormats.Time(it.Arrival, to)),
                Cell.Of($"{Formats.Days(p10)} / {Formats.Days(p50)} / {Formats.Days(p90)}", MachineFormats.Days(p10), MachineFormats.Days(p50), MachineFormats.Days(p90))
                    .WithShort(Formats.Days(p50)),
                Cell.Of(Formats.WholeMoney(it.TotalCost), MachineFormats.Money(it.TotalCost)),
                Cell.Of(Formats.Tonnes(it.Emissions.Co2eWTW), MachineFormats.Tonnes(it.Emissions.Co2eWTW)),
            };
            if (request.Deadline is not null)
                cells.Add(it.OnTimeProbability is { } p ? Cell.Of(Formats.Percent(p), MachineFormats.Percent(p)) : Cell.Of("-", ""));
            sheet.Row([.. cells]);
        }
        return sheet;
    }

    /// <summary>The legs of the given itineraries (option number, itinerary), one leg a row; <paramref name="withOption"/> adds the option's number to each.</summary>
    internal static Sheet Legs(PlanResult result, IEnumerable<(int Option, Itinerary Itinerary)> itineraries, bool withOption)
    {
        string currency = result.QuoteCurrency;
        var columns = new List<Column>
        {
            Column.Number("#", "leg"),
            Column.Fixed("Mode", "mode").Droppable(4),
            Column.Text("Carrier / service", "operator", "service").JoinedBy(" / "),
            Column.Text("Board → alight", "from_id", "from", "to_id", "to").AsMain(),
            Column.Text("Before departure", "dwell_h", "transshipment", "transshipment_h", "wait_h").JoinedBy(", ").Droppable(3),
            Column.Fixed("Departs / arrives (local)", "departs_local", "arrives_local").JoinedBy(" / ").Droppable(2),
            Column.Number("km", "km").Droppable(5),
            Column.Number($"Cost {currency}", $"cost_{currency.ToLowerInvariant()}"),
            Column.Number("CO2e t", "co2e_wtw_t").Droppable(6),
        };
        if (withOption) columns.Insert(0, Column.Number("Option", "option"));
        var sheet = new Sheet([.. columns]);
        foreach (var (option, it) in itineraries)
            foreach (var (leg, i) in it.Legs.Select((leg, i) => (leg, i)))
            {
                var before = new List<string> { $"dwell {Formats.Hours(leg.Dwell)}" };
                if (leg.Transshipment is { } t) before.Add($"{t.Id} {Formats.Hours(leg.TransshipmentTime)}");
                before.Add($"wait {Formats.Hours(leg.Wait)}");
                string service = $"{leg.Service.Operator}\n{leg.Service.Id}" + (leg.DeparturesUsed > 1 ? $"\n({leg.DeparturesUsed} departures)" : "");
                decimal cost = leg.Charges.Sum(c => c.AmountInQuote);
                double grams = leg.Emissions.Co2eWTW + leg.TransshipmentEmissions.Co2eWTW;
                var cells = new List<Cell>
                {
                    (i + 1).ToString(),
                    Formats.Mode(leg.Service.Mode),
                    Cell.Of(service, leg.Service.Operator, leg.Service.Id),
                    Cell.Of($"{leg.From.Name}\n→ {leg.To.Name}", leg.From.Id, leg.From.Name, leg.To.Id, leg.To.Name),
                    Cell.Of(string.Join("\n", before), MachineFormats.Hours(leg.Dwell), leg.Transshipment?.Id ?? "",
                        leg.Transshipment is null ? "" : MachineFormats.Hours(leg.TransshipmentTime), MachineFormats.Hours(leg.Wait)),
                    Cell.Of($"{Formats.Local(leg.Departure, leg.From)}\n{Formats.Local(leg.Arrival, leg.To)}",
                        MachineFormats.Time(leg.Departure, leg.From), MachineFormats.Time(leg.Arrival, leg.To)),
                    Cell.Of(Formats.Km(leg.DistanceKm), MachineFormats.Number(Math.Round(leg.DistanceKm, 1))),
                    Cell.Of(Formats.Amount(cost), MachineFormats.Money(cost)),
                    Cell.Of(Formats.Tonnes(grams), MachineFormats.Tonnes(grams)),
                };
                if (withOption) cells.Insert(0, option.ToString());
                sheet.Row([.. cells]);
            }
        return sheet;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
