using Caravan.Network;

namespace Caravan.Tariffs;

/// <summary>
/// Converts amounts into the network's quote currency with the rates of its <see cref="CurrencyTable"/>.
/// Conversion is exact (decimal); rounding to cents happens once per charge line, never on totals.
/// </summary>
public sealed class CurrencyConverter
{
    private readonly CurrencyTable _table;

    public CurrencyConverter(CurrencyTable table) => _table = table;

    public string QuoteCurrency => _table.QuoteCurrency;

    /// <summary>
    /// <paramref name="amount"/> of <paramref name="currency"/> in the quote currency, exact (not rounded).
    /// The quote currency converts at 1 even when the table does not list it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table has no rate for <paramref name="currency"/>.</exception>
    public decimal ToQuote(decimal amount, string currency)
    {
        if (_table.RatesToQuote.TryGetValue(currency, out var rate)) return amount * rate;
        if (string.Equals(currency, _table.QuoteCurrency, StringComparison.Ordinal)) return amount;
        throw new KeyNotFoundException(
            $"No exchange rate from currency '{currency}' to {_table.QuoteCurrency} in the network's currency table " +
            $"(rates of {_table.Date:yyyy-MM-dd}; known: {string.Join(", ", _table.RatesToQuote.Keys.Order(StringComparer.Ordinal))}).");
    }

    /// <summary>Rounds to cents, halves away from zero (a commercial quote's convention, not banker's rounding).</summary>
    public static decimal RoundToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A charge line with its quote-currency amount converted and rounded.</summary>
    public Charge MakeCharge(string carrier, ChargeCategory category, string label, decimal amount, string currency) =>
        new(carrier, category, label, amount, currency, RoundToCents(ToQuote(amount, currency)));
}
