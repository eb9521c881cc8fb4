using Caravan.Network;

namespace Caravan.Tariffs;

/// <summary>
/// One line of a quote. <paramref name="Amount"/> is exact, in the tariff's own <paramref name="Currency"/>;
/// <paramref name="AmountInQuote"/> is that amount converted to the network's quote currency and rounded to
/// cents (<see cref="MidpointRounding.AwayFromZero"/>), so that every total is a sum of the lines a shipper reads.
/// A volume discount is a line with negative amounts.
/// </summary>
/// <param name="Carrier">The tariff's carrier, or "Terminal &lt;node id&gt;" for a transshipment.</param>
public sealed record Charge(
    string Carrier,
    ChargeCategory Category,
    string Label,
    decimal Amount,
    string Currency,
    decimal AmountInQuote);
