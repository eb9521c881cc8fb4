using Caravan.Network;
using Caravan.Planning;
using Caravan.Tariffs;

namespace Caravan.Server.Contracts;

/// <summary>
/// One itinerary's price as a shipper reads it. A copy of the CLI's QuoteBreakdown (src/Caravan.Cli/Rendering), which
/// is internal to the CLI; the option number is checked by the caller, which knows the request field to name.
/// </summary>
internal sealed record ItineraryQuote(
    int Option,
    int OptionCount,
    bool Cheapest,
    Itinerary Itinerary,
    IReadOnlyList<LegCharges> Legs,
    IReadOnlyList<Charge> ItineraryCharges,
    IReadOnlyDictionary<string, decimal> ByCarrier,
    IReadOnlyDictionary<ChargeCategory, decimal> ByCategory)
{
    public decimal Total => Itinerary.TotalCost;

    /// <summary>Option <paramref name="option"/> (1-based, in range), or the cheapest when null (the fastest of equally cheap ones).</summary>
    public static ItineraryQuote For(PlanResult result, int? option)
    {
        var itineraries = result.Itineraries;
        int index = option is { } n ? n - 1 : itineraries.Select((it, i) => (it.TotalCost, i)).Min().i;
        var itinerary = itineraries[index];

        var legs = itinerary.Legs.Select((leg, i) => new LegCharges(i + 1, leg, leg.Charges, leg.Charges.Sum(c => c.AmountInQuote))).ToList();
        // Itinerary charges that no leg lists: each leg charge cancels one equal itinerary charge.
        var itineraryCharges = itinerary.Charges.ToList();
        foreach (var charge in itinerary.Legs.SelectMany(l => l.Charges)) itineraryCharges.Remove(charge);
        List<Charge> all = [.. legs.SelectMany(l => l.Charges), .. itineraryCharges];
        decimal cheapestCost = itineraries.Min(it => it.TotalCost);
        return new ItineraryQuote(index + 1, itineraries.Count, itinerary.TotalCost == cheapestCost, itinerary, legs, itineraryCharges,
            QuoteSummary.ByCarrier(all), QuoteSummary.ByCategory(all));
    }
}

internal sealed record LegCharges(int Number, ItineraryLeg Leg, IReadOnlyList<Charge> Charges, decimal Total);
