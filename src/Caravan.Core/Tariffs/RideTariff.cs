using System.Globalization;
using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Tariffs;

/// <summary>
/// A carrier's tariff for one service and one cargo, reduced to lines that are each <c>fixed + perKm × km</c> in the
/// tariff's currency. Every rule basis is of that form (percentages and the volume discount are shares of carriage,
/// which is of that form too), so the charges of a ride of any length follow without looking at the rules again:
/// the planner prices thousands of rides per query from it, and a quote builds its lines from the same numbers.
/// </summary>
public sealed class RideTariff
{
    private readonly record struct Line(ChargeCategory Category, string Label, decimal Fixed, decimal PerKm);

    private readonly Line[] _lines;
    private readonly string _carrier;
    private readonly string _currency;
    private readonly decimal _rate;

    private RideTariff(Line[] lines, string carrier, string currency, decimal rate)
    {
        _lines = lines;
        _carrier = carrier;
        _currency = currency;
        _rate = rate;
    }

    /// <summary>
    /// The prepared tariff, or null when the carrier has no tariff or no applicable freight or ferry rule prices
    /// this cargo (the service is then not offered for it). Rules as documented on <see cref="TariffCalculator.TryPriceRide"/>.
    /// </summary>
    internal static RideTariff? Prepare(NetworkModel network, CurrencyConverter currencies, Service service, Cargo cargo)
    {
        if (!network.Tariffs.TryGetValue(service.Carrier, out var tariff)) return null;
        var applicable = tariff.Rules.Where(r => TariffRuleMatcher.Applies(r, service, cargo)).ToList();
        if (!applicable.Any(r => TariffRuleMatcher.PricesCarriage(r, cargo))) return null;

        var fixedParts = new decimal[applicable.Count];
        var perKm = new decimal[applicable.Count];
        for (int i = 0; i < applicable.Count; i++)
        {
            var rule = applicable[i];
            if (rule.Basis == TariffBasis.PercentOfFreight) continue;
            bool fortiesPayDouble = BasisUnits.FortyFootCounterpart(rule.Basis) is { } forty
                && !applicable.Any(r => r.Basis == forty && r.Category == rule.Category && r.Condition == rule.Condition);
            if (BasisUnits.IsPerKm(rule.Basis)) perKm[i] = rule.Amount * BasisUnits.For(rule, cargo, 1m, fortiesPayDouble);
            else fixedParts[i] = rule.Amount * BasisUnits.For(rule, cargo, 0m, fortiesPayDouble);
        }

        // Percentages and the discount are taken of carriage only, never of fees, dues or other surcharges.
        decimal carriageFixed = 0m, carriagePerKm = 0m;
        for (int i = 0; i < applicable.Count; i++)
            if (applicable[i].Basis != TariffBasis.PercentOfFreight && TariffRuleMatcher.IsCarriage(applicable[i].Category))
            {
                carriageFixed += fixedParts[i];
                carriagePerKm += perKm[i];
            }

        var lines = new List<Line>();
        for (int i = 0; i < applicable.Count; i++)
        {
            var rule = applicable[i];
            if (rule.Basis == TariffBasis.PercentOfFreight)
                lines.Add(new Line(rule.Category, rule.Label, rule.Amount / 100m * carriageFixed, rule.Amount / 100m * carriagePerKm));
            else
                lines.Add(new Line(rule.Category, rule.Label, fixedParts[i], perKm[i]));
        }
        if (BestDiscount(tariff, cargo) is { } percent)
            lines.Add(new Line(ChargeCategory.Freight,
                $"Volume discount {percent.ToString("0.##########", CultureInfo.InvariantCulture)} %",
                -(percent / 100m * carriageFixed), -(percent / 100m * carriagePerKm)));

        return new RideTariff(lines.ToArray(), tariff.Carrier, tariff.Currency, currencies.ToQuote(1m, tariff.Currency));
    }

    /// <summary>The charge lines of a ride of <paramref name="distanceKm"/>, zero lines left out.</summary>
    public IReadOnlyList<Charge> Charges(double distanceKm)
    {
        decimal km = (decimal)distanceKm;
        var charges = new List<Charge>(_lines.Length);
        foreach (var line in _lines)
        {
            decimal amount = line.Fixed + line.PerKm * km;
            if (amount != 0m)
                charges.Add(new Charge(_carrier, line.Category, line.Label, amount, _currency, CurrencyConverter.RoundToCents(amount * _rate)));
        }
        return charges;
    }

    /// <summary>The total of <see cref="Charges"/> in whole cents of the quote currency, without building the lines.</summary>
    public long TotalCents(double distanceKm)
    {
        decimal km = (decimal)distanceKm;
        decimal total = 0m;
        foreach (var line in _lines)
            total += CurrencyConverter.RoundToCents((line.Fixed + line.PerKm * km) * _rate);
        return (long)(total * 100m);
    }

    /// <summary>
    /// A lower bound, in whole cents, on what any ride of this service pays for <paramref name="km"/> of its length,
    /// such that the bounds of the legs of a ride never add up to more than the ride's price. Every rule amount is
    /// non-negative and a discount is below 100 %, so the fixed parts add up to ≥ 0 and the price is at least
    /// (per-km total × km) less half a cent of rounding per line; the planner's cost bound sums these over legs.
    /// </summary>
    public long LegLowerBoundCents(double km)
    {
        decimal perKm = 0m;
        foreach (var line in _lines) perKm += line.PerKm;
        double cents = ((double)(perKm * _rate) * km - 0.005 * _lines.Length) * 100;
        // One cent of margin for the floating-point arithmetic of the bound itself.
        return Math.Max(0, (long)Math.Floor(cents) - 1);
    }

    /// <summary>The best (largest) percentage among the tiers the cargo reaches, or null when it reaches none.</summary>
    private static decimal? BestDiscount(Tariff tariff, Cargo cargo)
    {
        var reached = tariff.VolumeDiscounts.Where(d => cargo.DiscountUnits >= d.MinUnits && d.Percent > 0m).ToList();
        return reached.Count == 0 ? null : reached.Max(d => d.Percent);
    }
}
