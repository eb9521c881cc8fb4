using Caravan.Network;
using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>Which rules apply, and when a service cannot be priced (and so is not offered) for a cargo.</summary>
public class ApplicabilityTests
{
    [Fact]
    public void CarrierWithoutARuleForTheCargoKindIsNotOffered()
    {
        var calculator = new TariffCalculator(Tiny());

        // KTZ prices containers and dry/liquid bulk; it has no freight rule for wagonload.
        Assert.False(calculator.TryPriceRide(XanAktBlock, 2650, Wagons(2), out var charges));
        Assert.Empty(charges);
    }

    [Fact]
    public void CarrierWithoutATariffIsNotOffered()
    {
        Assert.False(new TariffCalculator(Tiny()).TryPriceRide(Service("X", "NOBODY"), 100, Containers(1, 0), out _));
    }

    [Fact]
    public void ContainerRatesAloneCannotPriceBulk()
    {
        var calculator = new TariffCalculator(NetworkWith(Tariff("C", "USD",
            Rule("20 ft", ChargeCategory.Freight, TariffBasis.PerContainer20, 500m),
            Rule("Docs", ChargeCategory.Fee, TariffBasis.PerShipment, 35m))));

        Assert.False(calculator.TryPriceRide(Service("S", "C"), 100, Bulk(500), out _));
    }

    [Fact]
    public void FeesAndSurchargesAloneDoNotMakeAServiceOffered()
    {
        var calculator = new TariffCalculator(NetworkWith(Tariff("C", "USD",
            Rule("Docs", ChargeCategory.Fee, TariffBasis.PerShipment, 35m),
            Rule("Freight-like percentage", ChargeCategory.Freight, TariffBasis.PercentOfFreight, 10m))));

        Assert.False(calculator.TryPriceRide(Service("S", "C"), 100, Containers(1, 0), out _));
    }

    [Fact]
    public void FreightRuleForAnotherServiceDoesNotApply()
    {
        var calculator = new TariffCalculator(NetworkWith(Tariff("C", "USD",
            Rule("Only on S2", ChargeCategory.Freight, TariffBasis.PerContainer20, 500m, services: ["S2"]))));

        Assert.False(calculator.TryPriceRide(Service("S1", "C"), 100, Containers(1, 0), out _));
        Assert.True(calculator.TryPriceRide(Service("S2", "C"), 100, Containers(1, 0), out var charges));
        Assert.Equal(500.00m, Assert.Single(charges).AmountInQuote); // 1 × 500
    }

    [Fact]
    public void FreightRuleWhoseConditionFailsDoesNotApply()
    {
        var calculator = new TariffCalculator(NetworkWith(Tariff("C", "USD",
            Rule("Reefer only", ChargeCategory.Freight, TariffBasis.PerContainer20, 900m, ChargeCondition.Reefer))));

        Assert.False(calculator.TryPriceRide(Service("S", "C"), 100, Containers(1, 0), out _));
        Assert.True(calculator.TryPriceRide(Service("S", "C"), 100, Containers(1, 0, reefer: true), out _));
    }

    [Fact]
    public void ServiceRestrictedFeeAppliesOnlyOnItsService()
    {
        var calculator = new TariffCalculator(Tiny());
        var cargo = Containers(1, 0);

        Assert.True(calculator.TryPriceRide(DosAktDaily, 2650, cargo, out var daily));
        Assert.True(calculator.TryPriceRide(XanAktBlock, 2650, cargo, out var block));

        Assert.Equal(35.00m, Assert.Single(daily, c => c.Label == "Station fee").AmountInQuote);
        Assert.DoesNotContain(block, c => c.Label == "Station fee");
        Assert.Equal(353.00m, QuoteSummary.Total(daily)); // 0.12 × 1 × 2650 = 318 + 35
    }

    [Fact]
    public void ChargesCarryTheTariffsCarrierAndCurrency()
    {
        Assert.True(new TariffCalculator(Tiny()).TryPriceRide(AktAltFerry, 470, Containers(1, 0), out var charges));

        Assert.All(charges, c => Assert.Equal(("ASCO", "EUR"), (c.Carrier, c.Currency)));
        Assert.Equal(
            [("Ferry freight per 20 ft", ChargeCategory.Ferry, 632.50m), ("Port dues Alat", ChargeCategory.PortDues, 115.00m)],
            charges.Select(c => (c.Label, c.Category, c.AmountInQuote))); // 550 × 1.15; 100 × 1.15; no 40-ft or wagon line
    }
}
