using System.Globalization;
using Caravan.Network;
using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>Conversion into the quote currency (USD; EUR at 1.15, KZT at 0.0019) and rounding to cents.</summary>
public class CurrencyAndRoundingTests
{
    private static readonly TariffCalculator Calculator = new(NetworkWith());

    [Fact]
    public void QuoteCurrencyIsTheNetworks() => Assert.Equal("USD", Calculator.QuoteCurrency);

    [Fact]
    public void ToQuoteConvertsExactlyWithoutRounding()
    {
        Assert.Equal(632.5m, Calculator.ToQuote(550m, "EUR"));    // 550 × 1.15
        Assert.Equal(7.125m, Calculator.ToQuote(3750m, "KZT"));   // 3750 × 0.0019, not rounded here
        Assert.Equal(12.34m, Calculator.ToQuote(12.34m, "USD"));  // × 1
    }

    [Fact]
    public void UnknownCurrencyThrowsNamingIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Calculator.ToQuote(1m, "GEL"));
        Assert.Contains("'GEL'", e.Message);
    }

    [Fact]
    public void TariffInAnUnknownCurrencyFailsNamingIt()
    {
        var calculator = new TariffCalculator(NetworkWith(Tariff("GR", "GEL", Rule("F", ChargeCategory.Freight, TariffBasis.PerShipment, 10m))));
        var e = Assert.Throws<KeyNotFoundException>(() => calculator.TryPriceRide(Service("S", "GR"), 1, Containers(1, 0), out _));
        Assert.Contains("GEL", e.Message);
    }

    [Theory]
    [InlineData("3750", "KZT", "7.13")]      // 3750 × 0.0019 = 7.125: the midpoint goes away from zero (banker's would give 7.12)
    [InlineData("101.10", "EUR", "116.27")]  // 101.10 × 1.15 = 116.265 → 116.27 (banker's: 116.26)
    [InlineData("1000", "KZT", "1.90")]      // 1000 × 0.0019 = 1.9
    [InlineData("1234", "KZT", "2.34")]      // 1234 × 0.0019 = 2.3446 → 2.34
    [InlineData("0.994", "USD", "0.99")]     // 0.994 → 0.99
    public void EachLineIsRoundedToCentsHalfAwayFromZero(string amountText, string currency, string expectedText)
    {
        decimal amount = decimal.Parse(amountText, CultureInfo.InvariantCulture);
        decimal expected = decimal.Parse(expectedText, CultureInfo.InvariantCulture);
        var calculator = new TariffCalculator(NetworkWith(Tariff("C", currency, Rule("F", ChargeCategory.Freight, TariffBasis.PerShipment, amount))));

        Assert.True(calculator.TryPriceRide(Service("S", "C"), 1, Containers(1, 0), out var charges));

        var charge = Assert.Single(charges);
        Assert.Equal(amount, charge.Amount); // the tariff-currency amount stays exact
        Assert.Equal(expected, charge.AmountInQuote);
    }

    [Fact]
    public void TotalsAreSumsOfRoundedLines()
    {
        var tariff = Tariff("C", "KZT",
            Rule("Part A", ChargeCategory.Freight, TariffBasis.PerShipment, 3750m),
            Rule("Part B", ChargeCategory.Fee, TariffBasis.PerShipment, 3750m));
        Assert.True(new TariffCalculator(NetworkWith(tariff)).TryPriceRide(Service("S", "C"), 1, Containers(1, 0), out var charges));

        // Each line 3750 × 0.0019 = 7.125 → 7.13; the total is 7.13 + 7.13 = 14.26, not round(14.25) = 14.25.
        Assert.Equal(14.26m, QuoteSummary.Total(charges));
    }

    [Fact]
    public void NegativeDiscountLinesRoundAwayFromZeroToo()
    {
        var tariff = Tariff("C", "KZT", Rule("F", ChargeCategory.Freight, TariffBasis.PerShipment, 75000m)) with
        {
            VolumeDiscounts = [new VolumeDiscount(1, 5m)],
        };
        Assert.True(new TariffCalculator(NetworkWith(tariff)).TryPriceRide(Service("S", "C"), 1, Containers(1, 0), out var charges));

        var discount = Assert.Single(charges, c => c.Label == "Volume discount 5 %");
        Assert.Equal(-3750m, discount.Amount);          // −5 % × 75,000 KZT
        Assert.Equal(-7.13m, discount.AmountInQuote);   // −3750 × 0.0019 = −7.125 → −7.13
        Assert.Equal(135.37m, QuoteSummary.Total(charges)); // 75,000 × 0.0019 = 142.50; 142.50 − 7.13
    }
}
