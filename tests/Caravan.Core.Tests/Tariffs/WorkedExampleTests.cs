using Caravan.Tariffs;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>The worked example of docs/tariffs-and-emissions.md: keep the two in step.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void TwoFortyFootDangerousGoodsContainersFromXianToAlat()
    {
        var calculator = new TariffCalculator(Tiny());
        var cargo = Containers(0, 2, dgClass: 3); // 4 TEU, 40 t by default, 1 wagon

        Assert.True(calculator.TryPriceRide(XanAktBlock, 5750, cargo, out var rail)); // 3100 + 2650 km
        var terminal = calculator.PriceTransshipment(AktRailFerry, cargo);
        Assert.True(calculator.TryPriceRide(AktAltFerry, 470, cargo, out var ferry));
        var all = rail.Concat(terminal).Concat(ferry).ToList();

        Assert.Equal(
            [
                ("KTZ container rate 40 ft", 2760.00m),                // 0.24 × 2 × 5750
                ("Dangerous goods surcharge", 1380.00m),               // 50 % × 2760
                ("Transshipment AKT-RAIL-FERRY per shipment", 150.00m),
                ("Transshipment AKT-RAIL-FERRY per TEU", 320.00m),     // 80 × 4
                ("Transshipment AKT-RAIL-FERRY per tonne", 120.00m),   // 3 × 40
                ("Transshipment AKT-RAIL-FERRY per wagon", 120.00m),   // 120 × 1
                ("Ferry freight per 40 ft", 2070.00m),                 // 900 × 2 = 1800 EUR × 1.15
                ("Port dues Alat", 115.00m),                           // 100 EUR × 1.15
            ],
            all.Select(c => (c.Label, c.AmountInQuote)));
        Assert.Equal(7035.00m, QuoteSummary.Total(all)); // 4140 + 710 + 2185
        Assert.Equal([4140.00m, 710.00m, 2185.00m], QuoteSummary.ByCarrier(all).Values);
    }
}
