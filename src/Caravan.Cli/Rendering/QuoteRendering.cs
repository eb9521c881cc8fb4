using Caravan.Network;
using Caravan.Planning;
using Caravan.Contracts;
using Spectre.Console;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan quote` for people: every charge line, then totals per leg, carrier and category, then the through price.</summary>
internal static class QuoteRendering
{
    public static void Write(CliContext context, ItineraryQuote q, PlanResult result, NetworkModel network)
    {
        var request = result.Request;
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        string currency = result.QuoteCurrency;
        string which = q.Cheapest ? "the cheapest" : "chosen with --option";
        context.Out.WriteLine($"Quote for {request.Cargo}, {Formats.NodeName(from)} → {Formats.NodeName(to)}: option {q.Option} of {q.OptionCount} ({which}).");
        context.Out.WriteLine($"Route: {Formats.Route(q.Itinerary)}.");
        context.Out.WriteLine($"Departs {Formats.Local(q.Itinerary.Departure, from)}, arrives {Formats.Local(q.Itinerary.Arrival, to)} (nominal, local time).");

        var lines = Tables.Create("Leg", "Carrier", "Category", "Charge", "Amount>", $"{currency}>");
        foreach (var leg in q.Legs)
            foreach (var (c, i) in leg.Charges.Select((c, i) => (c, i)))
                lines.Row(i == 0 ? $"{leg.Number} {leg.Leg.From.Name} → {leg.Leg.To.Name}" : "",
                    c.Carrier, Formats.Words(c.Category), c.Label, Formats.Money(c.Amount, c.Currency), Formats.Amount(c.AmountInQuote));
        foreach (var c in q.ItineraryCharges)
            lines.Row("whole route", c.Carrier, Formats.Words(c.Category), c.Label, Formats.Money(c.Amount, c.Currency), Formats.Amount(c.AmountInQuote));
        context.Console.Write(lines);

        var byLeg = Tables.Create("#>", "Service", "Board → alight", $"{currency}>");
        foreach (var leg in q.Legs)
            byLeg.Row(leg.Number.ToString(), $"{leg.Leg.Service.Operator} {leg.Leg.Service.Id}", $"{Formats.NodeName(leg.Leg.From)} → {Formats.NodeName(leg.Leg.To)}", Formats.Amount(leg.Total));
        if (q.ItineraryCharges.Count > 0)
            byLeg.Row("", "whole route", "", Formats.Amount(q.ItineraryCharges.Sum(c => c.AmountInQuote)));
        context.Out.WriteLine("Per leg:");
        context.Console.Write(byLeg);

        var byCarrier = Tables.Create("Carrier", $"{currency}>");
        foreach (var (carrier, amount) in q.ByCarrier) byCarrier.Row(carrier, Formats.Amount(amount));
        var byCategory = Tables.Create("Category", $"{currency}>");
        foreach (var (category, amount) in q.ByCategory) byCategory.Row(Formats.Words(category), Formats.Amount(amount));
        context.Out.WriteLine("Per carrier and per category:");
        context.Console.Write(new Columns(byCarrier, byCategory) { Expand = false });

        context.Out.WriteLine($"Through price: {Formats.Money(q.Total, currency)}");
        var rates = network.Currencies;
        var used = q.AllCharges.Select(c => c.Currency).Where(c => c != currency).Distinct().Order(StringComparer.Ordinal)
            .Select(c => rates.RatesToQuote.TryGetValue(c, out var r) ? $"1 {c} = {r} {currency}" : $"{c}: no rate").ToList();
        context.Out.WriteLine($"Exchange rates of {rates.Date:yyyy-MM-dd}" + (used.Count > 0 ? $": {string.Join(", ", used)}" : "") + $" (source: {rates.Source}).");
    }
}
