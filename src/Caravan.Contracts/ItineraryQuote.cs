using Caravan.Network;
using Caravan.Planning;
using Caravan.Tariffs;

namespace Caravan.Contracts;

/// <summary>
/// One itinerary's price as a shipper reads it: the charges of each leg, any charges of the itinerary as a whole
/// (e.g. a through discount), and the totals per carrier and per category, all in the quote currency. Behind both
/// POST /quote and `caravan quote`.
/// </summary>
public sealed record ItineraryQuote(
    int Option,
    int OptionCount,
    bool Cheapest,
    Itinerary Itinerary,
    IReadOnlyList<LegCharges> Legs,
    IReadOnlyList<Charge> ItineraryCharges,
    IReadOnlyList<Charge> AllCharges,
    IReadOnlyDictionary<string, decimal> ByCarrier,
    IReadOnlyDictionary<ChargeCategory, decimal> ByCategory)
{
    /// <summary>The through price in the quote currency.</summary>
    public decimal Total => Itinerary.TotalCost;

    /// <summary>
    /// Option <paramref name="option"/> (1-based, as plans number them), or the cheapest itinerary when null (the
    /// fastest of equally cheap ones, since the Pareto set comes fastest first). The caller checks that the option is
    /// in range, because only it knows how to name the input that is wrong (a request field, a command-line option).
    /// </summary>
    public static ItineraryQuote For(PlanResult result, int? option)
    {
        var itineraries = result.Itineraries;
        int index = option is { } n ? n - 1 : itineraries.Select((it, i) => (it.TotalCost, i)).Min().i;
        var itinerary = itineraries[index];

        var legs = itinerary.Legs.Select((leg, i) => new LegCharges(i + 1, leg, leg.Charges, leg.Charges.Sum(c => c.AmountInQuote))).ToList();
        var itineraryCharges = NotOnAnyLeg(itinerary);
        List<Charge> all = [.. legs.SelectMany(l => l.Charges), .. itineraryCharges];
        decimal cheapestCost = itineraries.Min(it => it.TotalCost);
        return new ItineraryQuote(index + 1, itineraries.Count, itinerary.TotalCost == cheapestCost, itinerary, legs, itineraryCharges, all,
            QuoteSummary.ByCarrier(all), QuoteSummary.ByCategory(all));
    }

    /// <summary>
    /// The itinerary's charges that no leg lists. Works whether <see cref="Itinerary.Charges"/> repeats the legs'
    /// charges or holds only the through ones: each leg charge cancels one equal itinerary charge.
    /// </summary>
    private static List<Charge> NotOnAnyLeg(Itinerary itinerary)
    {
        var remaining = itinerary.Charges.ToList();
        foreach (var charge in itinerary.Legs.SelectMany(l => l.Charges))
            remaining.Remove(charge);
        return remaining;
    }
}

public sealed record LegCharges(int Number, ItineraryLeg Leg, IReadOnlyList<Charge> Charges, decimal Total);
