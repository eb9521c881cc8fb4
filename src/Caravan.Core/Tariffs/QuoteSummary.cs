using Caravan.Network;

namespace Caravan.Tariffs;

/// <summary>
/// Totals of a quote in the quote currency. Every total is a sum of the charges' rounded
/// <see cref="Charge.AmountInQuote"/>, so the breakdown a shipper reads adds up to the cent.
/// </summary>
public static class QuoteSummary
{
    public static decimal Total(IEnumerable<Charge> charges) => charges.Sum(c => c.AmountInQuote);

    /// <summary>Total per carrier (terminals included as "Terminal &lt;node id&gt;"), in order of first appearance.</summary>
    public static IReadOnlyDictionary<string, decimal> ByCarrier(IEnumerable<Charge> charges)
    {
        var totals = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var c in charges)
            totals[c.Carrier] = totals.GetValueOrDefault(c.Carrier) + c.AmountInQuote;
        return totals;
    }

    /// <summary>Total per category that occurs, in the order of <see cref="ChargeCategory"/>.</summary>
    public static IReadOnlyDictionary<ChargeCategory, decimal> ByCategory(IEnumerable<Charge> charges)
    {
        var totals = new OrderedDictionary<ChargeCategory, decimal>();
        foreach (var group in charges.GroupBy(c => c.Category).OrderBy(g => g.Key))
            totals[group.Key] = group.Sum(c => c.AmountInQuote);
        return totals;
    }
}
