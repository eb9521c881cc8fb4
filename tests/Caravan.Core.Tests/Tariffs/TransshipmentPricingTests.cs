using Caravan.Network;
using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

public class TransshipmentPricingTests
{
    private static readonly TariffCalculator Calculator = new(Tiny());

    [Fact]
    public void GaugeChangeChargesPerTeuTonneAndWagonAndSkipsTheZeroPerShipmentPart()
    {
        // 2 × 40 ft: 4 TEU, 4 × 10 t = 40 t by default, ceil(4 / 4) = 1 wagon.
        var charges = Calculator.PriceTransshipment(DosGauge, Containers(0, 2));

        Assert.Equal(
            [
                ("Transshipment DOS-GAUGE per TEU", 240.00m),   // 60 × 4
                ("Transshipment DOS-GAUGE per tonne", 160.00m), // 4 × 40
                ("Transshipment DOS-GAUGE per wagon", 150.00m), // 150 × 1
            ],
            charges.Select(c => (c.Label, c.AmountInQuote)));
        Assert.All(charges, c => Assert.Equal(("Terminal KZDOS", ChargeCategory.Transshipment), (c.Carrier, c.Category)));
        Assert.Equal(550.00m, QuoteSummary.Total(charges)); // 240 + 160 + 150
    }

    [Fact]
    public void RailToFerryChargesEveryPart()
    {
        var charges = Calculator.PriceTransshipment(AktRailFerry, Containers(0, 2));

        Assert.Equal(4, charges.Count);
        Assert.Equal(710.00m, QuoteSummary.Total(charges)); // 150 + 80 × 4 + 3 × 40 + 120 × 1 = 150 + 320 + 120 + 120
    }

    [Fact]
    public void BulkHasNoTeuLine()
    {
        // 130 t dry bulk: 0 TEU, ceil(130 / 65) = 2 wagons.
        var charges = Calculator.PriceTransshipment(DosGauge, Bulk(130));

        Assert.Equal([520.00m, 300.00m], charges.Select(c => c.AmountInQuote)); // 4 × 130; 150 × 2
    }

    [Fact]
    public void TransshipmentCostIsConvertedFromItsCurrency()
    {
        var terminal = Transshipment("ALT-X", "AZALT", new TransshipmentCost(100m, 0m, 0m, 0m), currency: "EUR");

        var charge = Assert.Single(Calculator.PriceTransshipment(terminal, Containers(1, 0)));

        Assert.Equal((100m, "EUR", 115.00m), (charge.Amount, charge.Currency, charge.AmountInQuote)); // 100 × 1.15
    }
}
