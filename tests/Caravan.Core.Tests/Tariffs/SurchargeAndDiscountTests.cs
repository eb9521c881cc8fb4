using Caravan.Network;
using Caravan.Shipments;
using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>Conditional surcharges, percent-of-freight and volume discounts.</summary>
public class SurchargeAndDiscountTests
{
    private static IReadOnlyList<Charge> Price(Tariff tariff, Cargo cargo, double km = 1000)
    {
        Assert.True(new TariffCalculator(NetworkWith(tariff)).TryPriceRide(Service("S1", tariff.Carrier), km, cargo, out var charges));
        return charges;
    }

    private static Tariff WithSurcharges() => Tariff("C", "USD",
        Rule("Freight", ChargeCategory.Freight, TariffBasis.PerContainer40, 1000m),
        Rule("DG", ChargeCategory.Surcharge, TariffBasis.PercentOfFreight, 50m, ChargeCondition.DangerousGoods),
        Rule("Reefer", ChargeCategory.Surcharge, TariffBasis.PerContainer40, 300m, ChargeCondition.Reefer),
        Rule("Oversize", ChargeCategory.Surcharge, TariffBasis.PerShipment, 250m, ChargeCondition.Oversize));

    [Fact]
    public void OrdinaryCargoPaysNoConditionalSurcharge()
    {
        var charge = Assert.Single(Price(WithSurcharges(), Containers(0, 2)));
        Assert.Equal("Freight", charge.Label);
        Assert.Equal(2000.00m, charge.AmountInQuote); // 2 × 1000
    }

    [Fact]
    public void DangerousGoodsPayPercentOfFreight()
    {
        var dg = Assert.Single(Price(WithSurcharges(), Containers(0, 2, dgClass: 3)), c => c.Label == "DG");
        Assert.Equal(1000.00m, dg.AmountInQuote); // 50 % × (2 × 1000)
        Assert.Equal(ChargeCategory.Surcharge, dg.Category);
    }

    [Fact]
    public void ReeferPaysItsSurcharge()
    {
        var charges = Price(WithSurcharges(), Containers(0, 2, reefer: true));
        Assert.Equal(600.00m, Assert.Single(charges, c => c.Label == "Reefer").AmountInQuote); // 2 × 300
        Assert.DoesNotContain(charges, c => c.Label is "DG" or "Oversize");
    }

    [Fact]
    public void OversizePaysItsSurcharge()
    {
        var charges = Price(WithSurcharges(), Containers(0, 1, oversize: true));
        Assert.Equal(250.00m, Assert.Single(charges, c => c.Label == "Oversize").AmountInQuote); // 250 once
        Assert.Equal(1250.00m, QuoteSummary.Total(charges));                                     // 1000 + 250
    }

    [Fact]
    public void PercentOfFreightIsTakenOfFreightAndFerryLinesOnly()
    {
        var tariff = Tariff("C", "EUR",
            Rule("Ferry", ChargeCategory.Ferry, TariffBasis.PerContainer20, 550m),
            Rule("Rail part", ChargeCategory.Freight, TariffBasis.PerContainer20, 50m),
            Rule("Port dues", ChargeCategory.PortDues, TariffBasis.PerShipment, 100m),
            Rule("Fee", ChargeCategory.Fee, TariffBasis.PerShipment, 40m),
            Rule("Bunker", ChargeCategory.Surcharge, TariffBasis.PercentOfFreight, 20m));

        var bunker = Assert.Single(Price(tariff, Containers(2, 0)), c => c.Label == "Bunker");

        Assert.Equal(240m, bunker.Amount);           // 20 % × (2 × 550 + 2 × 50) = 20 % × 1200 EUR; dues and fee excluded
        Assert.Equal(276.00m, bunker.AmountInQuote); // 240 × 1.15
    }

    private static Tariff Discounted() => Tariff("C", "USD",
        Rule("Freight", ChargeCategory.Freight, TariffBasis.PerContainer20, 100m),
        Rule("Fee", ChargeCategory.Fee, TariffBasis.PerShipment, 35m),
        Rule("DG", ChargeCategory.Surcharge, TariffBasis.PercentOfFreight, 50m, ChargeCondition.DangerousGoods)) with
    {
        // Deliberately not in order: the best tier reached wins, not the first or last listed.
        VolumeDiscounts = [new VolumeDiscount(40, 10m), new VolumeDiscount(10, 5m)],
    };

    [Theory]
    [InlineData(9, null, 935.00)]      // below 10: 9 × 100 + 35, no discount
    [InlineData(10, "5", 985.00)]      // at 10: 1000 + 35 − 5 % × 1000 (50)
    [InlineData(11, "5", 1080.00)]     // above 10: 1100 + 35 − 55
    [InlineData(39, "5", 3740.00)]     // below 40: 3900 + 35 − 195
    [InlineData(40, "10", 3635.00)]    // at 40: 4000 + 35 − 400
    [InlineData(41, "10", 3725.00)]    // above 40: 4100 + 35 − 410
    public void VolumeDiscountTakesTheBestTierReached(int containers, string? percent, double expectedTotal)
    {
        var charges = Price(Discounted(), Containers(containers, 0));

        Assert.Equal((decimal)expectedTotal, QuoteSummary.Total(charges));
        var discount = charges.Where(c => c.Label.StartsWith("Volume discount", StringComparison.Ordinal)).ToList();
        if (percent is null) Assert.Empty(discount);
        else Assert.Equal($"Volume discount {percent} %", Assert.Single(discount).Label);
    }

    [Fact]
    public void DiscountIsANegativeFreightLineOfFreightOnlyAndSurchargesUseTheUndiscountedFreight()
    {
        var charges = Price(Discounted(), Containers(10, 0, dgClass: 8));

        var discount = Assert.Single(charges, c => c.Label == "Volume discount 5 %");
        Assert.Equal(ChargeCategory.Freight, discount.Category);
        Assert.Equal(-50.00m, discount.AmountInQuote);                                      // −5 % × (10 × 100); fee and DG not discounted
        Assert.Equal(500.00m, Assert.Single(charges, c => c.Label == "DG").AmountInQuote); // 50 % × 1000 before discount
        Assert.Equal(1485.00m, QuoteSummary.Total(charges));                               // 1000 + 35 + 500 − 50
        Assert.Same(discount, charges[^1]);
    }

    [Fact]
    public void BulkDiscountTiersCountTonnes()
    {
        var tariff = Tariff("C", "USD", Rule("Bulk", ChargeCategory.Freight, TariffBasis.PerTonneKm, 0.025m)) with
        {
            VolumeDiscounts = [new VolumeDiscount(1000, 7.5m)],
        };

        var charges = Price(tariff, Bulk(1000), km: 100);

        Assert.Equal(2500.00m, Assert.Single(charges, c => c.Label == "Bulk").AmountInQuote); // 0.025 × 1000 × 100
        Assert.Equal(-187.50m, Assert.Single(charges, c => c.Label == "Volume discount 7.5 %").AmountInQuote); // −7.5 % × 2500
    }
}
