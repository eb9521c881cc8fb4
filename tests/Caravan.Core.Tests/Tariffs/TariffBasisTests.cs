using Caravan.Network;
using Caravan.Shipments;
using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>Each tariff basis times its units, checked against hand arithmetic.</summary>
public class TariffBasisTests
{
    private static IReadOnlyList<Charge> Price(Tariff tariff, Cargo cargo, double km = 1000, Service? service = null)
    {
        var calculator = new TariffCalculator(NetworkWith(tariff));
        Assert.True(calculator.TryPriceRide(service ?? Service("S1", tariff.Carrier), km, cargo, out var charges));
        return charges;
    }

    private static decimal Line(IReadOnlyList<Charge> charges, string label) => Assert.Single(charges, c => c.Label == label).AmountInQuote;

    [Fact]
    public void Per20And40FootContainersEachPayTheirOwnRate()
    {
        var tariff = Tariff("C", "USD",
            Rule("20 ft", ChargeCategory.Freight, TariffBasis.PerContainer20, 500m),
            Rule("40 ft", ChargeCategory.Freight, TariffBasis.PerContainer40, 800m));

        var charges = Price(tariff, Containers(3, 2));

        Assert.Equal(1500.00m, Line(charges, "20 ft")); // 3 × 500
        Assert.Equal(1600.00m, Line(charges, "40 ft")); // 2 × 800
        Assert.Equal(2, charges.Count);
    }

    [Fact]
    public void FortyFootPaysTwiceTheTwentyFootRateWhenTheTariffHasNoFortyFootRule()
    {
        var tariff = Tariff("C", "EUR", Rule("Ferry per 20 ft", ChargeCategory.Ferry, TariffBasis.PerContainer20, 550m));

        var charge = Assert.Single(Price(tariff, Containers(1, 2)));

        Assert.Equal(2750m, charge.Amount);           // 550 × (1 + 2 × 2) = 550 × 5 EUR
        Assert.Equal(3162.50m, charge.AmountInQuote); // 2750 × 1.15 USD/EUR
        Assert.Equal("EUR", charge.Currency);
    }

    [Fact]
    public void FortyFootFallbackAlsoAppliesPerKilometre()
    {
        var tariff = Tariff("C", "USD", Rule("Rate", ChargeCategory.Freight, TariffBasis.PerContainer20Km, 0.12m));

        var charge = Assert.Single(Price(tariff, Containers(0, 2), km: 2650));

        Assert.Equal(1272.00m, charge.AmountInQuote); // 0.12 × (2 × 2) × 2650 = 0.48 × 2650
    }

    [Fact]
    public void FortyFootRuleThatDoesNotApplyToTheServiceDoesNotStopTheFallback()
    {
        var tariff = Tariff("C", "USD",
            Rule("20 ft", ChargeCategory.Freight, TariffBasis.PerContainer20, 500m),
            Rule("40 ft elsewhere", ChargeCategory.Freight, TariffBasis.PerContainer40, 800m, services: ["OTHER"]));

        var charge = Assert.Single(Price(tariff, Containers(0, 1)));

        Assert.Equal(1000.00m, charge.AmountInQuote); // 500 × 2 × 1: the only 40-ft rule is for another service
    }

    [Fact]
    public void FortyFootFallbackIsPairedByCategoryAndCondition()
    {
        // Freight has its own 40-ft rate; the reefer surcharge exists only per 20 ft, so a 40-ft reefer pays it twice.
        var tariff = Tariff("C", "USD",
            Rule("20 ft", ChargeCategory.Freight, TariffBasis.PerContainer20, 500m),
            Rule("40 ft", ChargeCategory.Freight, TariffBasis.PerContainer40, 800m),
            Rule("Reefer", ChargeCategory.Surcharge, TariffBasis.PerContainer20, 100m, ChargeCondition.Reefer));

        var charges = Price(tariff, Containers(1, 1, reefer: true));

        Assert.Equal(500.00m, Line(charges, "20 ft"));  // 1 × 500
        Assert.Equal(800.00m, Line(charges, "40 ft"));  // 1 × 800, not 500 × 2 on top
        Assert.Equal(300.00m, Line(charges, "Reefer")); // 100 × (1 + 2 × 1)
    }

    [Fact]
    public void PerContainerKilometreRatesMultiplyByDistance()
    {
        var charges = Price(TinyKtz, Containers(2, 1), km: 2650, service: XanAktBlock);

        Assert.Equal(636.00m, Line(charges, "KTZ container rate"));       // 0.12 × 2 × 2650
        Assert.Equal(636.00m, Line(charges, "KTZ container rate 40 ft")); // 0.24 × 1 × 2650
        Assert.Equal(2, charges.Count);
    }

    [Fact]
    public void BulkPaysPerTonneKilometreAndNoContainerLine()
    {
        // The container rate carries no cargo-kind filter: it must simply give no line for bulk.
        var tariff = Tariff("C", "USD",
            Rule("Container", ChargeCategory.Freight, TariffBasis.PerContainer20Km, 0.12m),
            Rule("Bulk", ChargeCategory.Freight, TariffBasis.PerTonneKm, 0.025m));

        var charge = Assert.Single(Price(tariff, Bulk(5000), km: 2650));

        Assert.Equal("Bulk", charge.Label);
        Assert.Equal(331250.00m, charge.AmountInQuote); // 0.025 × 5000 t × 2650 km = 125 × 2650
    }

    [Fact]
    public void PerTonneUsesDefaultMassOfContainersWhenNoWeightIsGiven()
    {
        var tariff = Tariff("C", "USD", Rule("Per t", ChargeCategory.Freight, TariffBasis.PerTonne, 4m));

        Assert.Equal(160.00m, Assert.Single(Price(tariff, Containers(0, 2))).AmountInQuote);             // 4 × (4 TEU × 10 t)
        Assert.Equal(74.00m, Assert.Single(Price(tariff, Containers(0, 2, tonnes: 18.5))).AmountInQuote); // 4 × 18.5 t
    }

    [Fact]
    public void WagonloadPaysPerWagonAndPerWagonKilometre()
    {
        var tariff = Tariff("C", "EUR",
            Rule("Per wagon", ChargeCategory.Ferry, TariffBasis.PerWagon, 1400m),
            Rule("Per wagon-km", ChargeCategory.Freight, TariffBasis.PerWagonKm, 0.9m));

        var charges = Price(tariff, Wagons(3), km: 470);

        Assert.Equal(4830.00m, Line(charges, "Per wagon"));    // 1400 × 3 = 4200 EUR × 1.15
        Assert.Equal(1459.35m, Line(charges, "Per wagon-km")); // 0.9 × 3 × 470 = 1269 EUR × 1.15
    }

    [Fact]
    public void ContainersAndBulkCountTheWagonsTheyOccupy()
    {
        var tariff = Tariff("C", "USD", Rule("Per wagon", ChargeCategory.Freight, TariffBasis.PerWagon, 100m));

        Assert.Equal(200.00m, Assert.Single(Price(tariff, Containers(0, 3))).AmountInQuote); // 6 TEU / 4 per wagon → 2 wagons × 100
        Assert.Equal(300.00m, Assert.Single(Price(tariff, Bulk(131))).AmountInQuote);        // 131 t / 65 t → 3 wagons × 100
    }

    [Fact]
    public void PerShipmentIsChargedOnce()
    {
        var tariff = Tariff("C", "USD",
            Rule("Freight", ChargeCategory.Freight, TariffBasis.PerContainer20, 10m),
            Rule("Docs", ChargeCategory.Fee, TariffBasis.PerShipment, 35m));

        Assert.Equal(35.00m, Line(Price(tariff, Containers(7, 3)), "Docs")); // 35 × 1, whatever the size
    }
}
