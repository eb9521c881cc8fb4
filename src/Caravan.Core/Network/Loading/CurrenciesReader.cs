using System.Globalization;
using System.Text.RegularExpressions;

namespace Caravan.Network;

/// <summary>The currency table and the codes it knows (null when the rates could not be read, to avoid follow-on errors).</summary>
internal sealed record CurrenciesEntry(CurrencyTable? Model, IReadOnlySet<string>? Codes);

/// <summary>Reads the <c>currencies</c> block: exchange rates into the quote currency as of a date.</summary>
internal static partial class CurrenciesReader
{
    private const string CodeExpected = "an ISO 4217 currency code of three capital letters, e.g. \"USD\"";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CodePattern();

    public static CurrenciesEntry Read(ObjectReader root)
    {
        var c = root.Object("currencies", true, "a currencies block with quoteCurrency, date, ratesToQuote and source");
        if (c is null) return new CurrenciesEntry(null, null);
        var ctx = c.Context;
        int errorsBefore = ctx.ErrorCount;
        c.AllowOnly("quoteCurrency", "date", "ratesToQuote", "source");

        string? quote = c.String("quoteCurrency", expected: CodeExpected);
        if (quote is not null && !CodePattern().IsMatch(quote)) ctx.Error(c.PathOf("quoteCurrency"), ReadContext.Quote(quote), CodeExpected);
        DateOnly? date = null;
        if (c.String("date", expected: "an ISO date, e.g. \"2025-11-03\"") is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else ctx.Error(c.PathOf("date"), ReadContext.Quote(text), "an ISO date, e.g. \"2025-11-03\"");
        }
        var rates = ReadRates(c, quote);
        string? source = c.Source();

        CurrencyTable? model = ctx.ErrorCount > errorsBefore ? null : new CurrencyTable
        {
            QuoteCurrency = quote!, Date = date!.Value, RatesToQuote = rates!, Source = source!,
        };
        return new CurrenciesEntry(model, rates?.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static Dictionary<string, decimal>? ReadRates(ObjectReader c, string? quote)
    {
        var r = c.Object("ratesToQuote", true, "rates into the quote currency, e.g. {\"USD\": 1, \"EUR\": 1.15}");
        if (r is null) return null;
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var property in r.Element.EnumerateObject())
        {
            if (rates.ContainsKey(property.Name)) continue; // a repeated code is reported by ObjectReader
            string path = r.PathOf(property.Name);
            if (!CodePattern().IsMatch(property.Name))
            {
                c.Context.Error(path, ReadContext.Quote(property.Name), CodeExpected);
                continue;
            }
            // The quote currency converts into itself: any rate but exactly 1 would scale every price.
            bool isQuote = property.Name == quote;
            decimal? rate = r.Decimal(property.Name, isQuote ? $"exactly 1 ({quote} is the quote currency)" : $"how many {quote ?? "quote-currency units"} one {property.Name} buys, > 0",
                v => isQuote ? v == 1 : v > 0);
            // Even an invalid rate names a currency; keeping it avoids a follow-on "unknown currency" error elsewhere.
            rates.TryAdd(property.Name, rate ?? 0);
        }
        if (quote is not null && CodePattern().IsMatch(quote) && !rates.ContainsKey(quote))
            c.Context.Error(r.Path, r.Element, $"a rate for the quote currency: \"{quote}\": 1");
        return rates;
    }
}
