using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>The rules of the tariffs and currencies sections. tariffs[0] is KTZ (USD), tariffs[1] ASCO (EUR).</summary>
public class TariffAndCurrencyValidationTests
{
    [Theory]
    [InlineData("tariffs[1].currency", "\"GBP\"", "tariffs[1].currency")]
    [InlineData("tariffs[1].rules[0].amount", "-900", "tariffs[1].rules[0].amount")]
    [InlineData("tariffs[0].rules[3].amount", "1000.5", "tariffs[0].rules[3].amount")] // percentOfFreight
    [InlineData("tariffs[0].rules[3].amount", "-1", "tariffs[0].rules[3].amount")]
    [InlineData("tariffs[0].rules[4].services", "[\"NOPE\"]", "tariffs[0].rules[4].services[0]")]
    [InlineData("tariffs[0].rules[4].services", "[\"DOS-AKT-DAILY\", \"AKT-ALT-FERRY\"]", "tariffs[0].rules[4].services[1]")] // an ASCO service
    [InlineData("tariffs[0].rules[4].services", "[]", "tariffs[0].rules[4].services")]
    [InlineData("tariffs[0].rules[0].basis", "\"perContainer\"", "tariffs[0].rules[0].basis")]
    [InlineData("tariffs[0].rules[0].category", "\"freigth\"", "tariffs[0].rules[0].category")]
    [InlineData("tariffs[0].rules[3].condition", "\"hazardous\"", "tariffs[0].rules[3].condition")]
    [InlineData("tariffs[0].rules[0].cargoKinds", "[\"box\"]", "tariffs[0].rules[0].cargoKinds[0]")]
    [InlineData("tariffs[1].rules", "[]", "tariffs[1].rules")]
    [InlineData("tariffs[0].volumeDiscounts[0].percent", "100.5", "tariffs[0].volumeDiscounts[0].percent")]
    [InlineData("tariffs[0].volumeDiscounts[0].percent", "-5", "tariffs[0].volumeDiscounts[0].percent")]
    [InlineData("tariffs[0].volumeDiscounts[1].minUnits", "0", "tariffs[0].volumeDiscounts[1].minUnits")]
    public void Tariff_fields_are_checked(string path, string json, string errorPath) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), errorPath);

    [Theory]
    [InlineData("tariffs[0].rules[3].amount", "1000")]
    [InlineData("tariffs[0].volumeDiscounts[0].percent", "100")]
    public void Tariff_bounds_are_inclusive(string path, string json) => AssertValid(Parse(d => Set(d, path, json)));

    [Fact]
    public void One_tariff_per_carrier() =>
        AssertOnlyError(Parse(d => AppendCopy(d, "tariffs[1]")), "tariffs[2].carrier");

    [Theory]
    [InlineData("currencies.ratesToQuote.USD", "1.01", "currencies.ratesToQuote.USD")] // the quote currency's own rate
    [InlineData("currencies.ratesToQuote.KZT", "0", "currencies.ratesToQuote.KZT")]
    [InlineData("currencies.ratesToQuote.EUR", "-1.15", "currencies.ratesToQuote.EUR")]
    [InlineData("currencies.ratesToQuote.EUR", "\"1.15\"", "currencies.ratesToQuote.EUR")]
    [InlineData("currencies.ratesToQuote.eur", "1.15", "currencies.ratesToQuote.eur")]
    [InlineData("currencies.ratesToQuote.EURO", "1.15", "currencies.ratesToQuote.EURO")]
    [InlineData("currencies.quoteCurrency", "\"US\"", "currencies.quoteCurrency")]
    [InlineData("currencies.date", "\"03.11.2025\"", "currencies.date")]
    [InlineData("currencies.date", "\"2025-02-30\"", "currencies.date")]
    public void Currency_fields_are_checked(string path, string json, string errorPath) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), errorPath);

    [Fact]
    public void The_quote_currency_must_have_a_rate()
    {
        // Without USD in the table, KTZ's tariff and both transshipment costs (all in USD) cannot be converted either.
        AssertErrors(Parse(d => Remove(d, "currencies.ratesToQuote.USD")),
            "currencies.ratesToQuote", "tariffs[0].currency", "transshipments[0].cost.currency", "transshipments[1].cost.currency");
    }
}
