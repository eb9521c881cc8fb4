using Caravan.Emissions;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Emissions;

/// <summary>The emissions of the worked example in docs/tariffs-and-emissions.md: keep the two in step.</summary>
public class WorkedExampleEmissionTests
{
    [Fact]
    public void TwoFortyFootContainersFromXianToAlat()
    {
        var calculator = new EmissionCalculator(Tiny());
        var cargo = Containers(0, 2, dgClass: 3); // 40 t

        var rail = calculator.ForRide(XanAktBlock, 5750, cargo);
        var hub = calculator.ForTransshipment(AktRailFerry, cargo);
        var ferry = calculator.ForRide(AktAltFerry, 470, cargo);
        var total = rail.Add(hub).Add(ferry);

        Assert.Equal(5_060_000, rail.Co2eWTW, 1e-6);     // 40 t × 5750 km = 230,000 tkm × 22
        Assert.Equal(428_000, hub.Co2eWTW, 1e-6);        // 40 t × 10,700 g/t
        Assert.Equal(2_737_280, ferry.Co2eWTW, 1e-6);    // 40 × 470 = 18,800 tkm × 124.8 × 0.7 / 0.6 (= 145.6)
        Assert.Equal(248_800, total.TransportActivityTkm, 1e-6); // 230,000 + 18,800
        Assert.Equal(8_225_280, total.Co2eWTW, 1e-6);    // 5,060,000 + 428,000 + 2,737,280
        Assert.Equal(6_833_706.666667, total.Co2eTTW, 1e-5); // 230,000 × 18 + 40 × 9,000 + 18,800 × 106.4 × 7/6
                                                             // = 4,140,000 + 360,000 + 2,333,706.67
    }
}
