using Caravan.Cli.Rendering.Sheets;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Contracts;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan quote` for people: every charge line, then totals per leg, carrier and category, then the through price.</summary>
internal static class QuoteRendering
{
    public static void Write(Page page, ItineraryQuote q, PlanResult result, NetworkModel network)
    {
        var request = result.Request;
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        string currency = result.QuoteCurrency;
        string which = q.Cheapest ? "the cheapest" : "chosen with --option";
        page.Line($"Quote for {request.Cargo}, {Formats.NodeName(from)} → {Formats.NodeName(to)}: option {q.Option} of {q.OptionCount} ({which}).");
        page.Line($"Route: {Formats.Route(q.Itinerary)}.");
        page.Line($"Departs {Formats.Local(q.Itinerary.Departure, from)}, arrives {Formats.Local(q.Itinerary.Arrival, to)} (nominal, local time).");

        page.Table(ChargeLines(q, currency));

        var byLeg = new Sheet(Column.Number("#"), Column.Text("Service").Droppable(1), Column.Text("Board → alight").AsMain(), Column.Number(currency));
        foreach (var leg in q.Legs)
            byLeg.Row(leg.Number.ToString(), $"{leg.Leg.Service.Operator} {leg.Leg.Service.Id}", $"{Formats.NodeName(leg.Leg.From)} → {Formats.NodeName(leg.Leg.To)}", Formats.Amount(leg.Total));
        if (q.ItineraryCharges.Count > 0)
            byLeg.Row("", "whole route", "", Formats.Amount(q.ItineraryCharges.Sum(c => c.AmountInQuote)));
        page.Line("Per leg:");
        page.Table(byLeg);

        var byCarrier = new Sheet(Column.Text("Carrier").AsMain(), Column.Number(currency));
        foreach (var (carrier, amount) in q.ByCarrier) byCarrier.Row(carrier, Formats.Amount(amount));
        var byCategory = new Sheet(Column.Text("Category").AsMain(), Column.Number(currency));
        foreach (var (category, amount) in q.ByCategory) byCategory.Row(Formats.Words(category), Formats.Amount(amount));
        page.Line("Per carrier and per category:");
        page.SideBySide(byCarrier, byCategory);

        page.Line($"Through price: {Formats.Money(q.Total, currency)}");
        var rates = network.Currencies;
        var used = q.AllCharges.Select(c => c.Currency).Where(c => c != currency).Distinct().Order(StringComparer.Ordinal)
            .Select(c => rates.RatesToQuote.TryGetValue(c, out var r) ? $"1 {c} = {r} {currency}" : $"{c}: no rate").ToList();
        page.Line($"Exchange rates of {rates.Date:yyyy-MM-dd}" + (used.Count > 0 ? $": {string.Join(", ", used)}" : "") + $" (source: {rates.Source}).");
    }

    /// <summary>`quote --format tsv`: one row per charge line (the totals are their sums).</summary>
    public static void WriteTsv(TextWriter output, ItineraryQuote q, PlanResult result) =>
        SheetWriter.Tsv(output, ChargeLines(q, result.QuoteCurrency));

    /// <summary>Every charge, leg by leg, then the charges on the whole route; a leg's name only on its first line.</summary>
    internal static Sheet ChargeLines(ItineraryQuote q, string currency)
    {
        var lines = new Sheet(
            Column.Text("Leg", "leg", "from_id", "to_id"),
            Column.Text("Carrier", "carrier").Droppable(3),
            Column.Text("Category", "category").Droppable(1),
            Column.Text("Charge", "charge").AsMain(),
            Column.Number("Amount", "amount", "currency").Droppable(2),
            Column.Number(currency, $"amount_{currency.ToLowerInvariant()}"));
        foreach (var leg in q.Legs)
            foreach (var (c, i) in leg.Charges.Select((c, i) => (c, i)))
                lines.Row(Cell.Of(i == 0 ? $"{leg.Number} {leg.Leg.From.Name} → {leg.Leg.To.Name}" : "", leg.Number.ToString(), leg.Leg.From.Id, leg.Leg.To.Id),
                    c.Carrier, Formats.Words(c.Category), c.Label, Cell.Of(Formats.Money(c.Amount, c.Currency), MachineFormats.Money(c.Amount), c.Currency),
                    Cell.Of(Formats.Amount(c.AmountInQuote), MachineFormats.Money(c.AmountInQuote)));
        foreach (var c in q.ItineraryCharges)
            lines.Row(Cell.Of("whole route", "", "", ""), c.Carrier, Formats.Words(c.Category), c.Label,
                Cell.Of(Formats.Money(c.Amount, c.Currency), MachineFormats.Money(c.Amount), c.Currency),
                Cell.Of(Formats.Amount(c.AmountInQuote), MachineFormats.Money(c.AmountInQuote)));
        return lines;
    }
}
