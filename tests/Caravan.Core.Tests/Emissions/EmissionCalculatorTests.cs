using Caravan.Emissions;
using static Caravan.Core.Tests.Tariffs.TestNetworks;

namespace Caravan.Core.Tests.Emissions;

/// <summary>
/// Hand-computed CO2e with the test table: rail-diesel-container 22 g WTW / 18 g TTW per tkm at load factor 0.7 and
/// 20 % empty running; RoPax 124.8 / 106.4 at 0.7 and 0 %; hubs 600 / 500 and 10,700 / 9,000 g per tonne.
/// </summary>
public class EmissionCalculatorTests
{
    private const double Tolerance = 1e-6;
    private static readonly EmissionCalculator Calculator = new(Tiny());

    [Fact]
    public void RideAtTheClassDefaultsUsesTheClassIntensity()
    {
        // 2 × 40 ft = 4 TEU × 10 t = 40 t; 40 t × 2650 km = 106,000 tkm.
        var result = Calculator.ForRide(Service("R", "KTZ"), 2650, Containers(0, 2));

        Assert.Equal(106_000, result.TransportActivityTkm, Tolerance);
        Assert.Equal(2_332_000, result.Co2eWTW, Tolerance); // 106,000 × 22
        Assert.Equal(1_908_000, result.Co2eTTW, Tolerance); // 106,000 × 18
        Assert.Equal(424_000, result.Co2eWTT, Tolerance);   // 106,000 × (22 − 18)
    }

    [Fact]
    public void LowerLoadFactorRaisesIntensity()
    {
        // Ferry at load factor 0.6 against the class's 0.7, empty running 0 = class: × 0.7 / 0.6 = × 7/6.
        Assert.Equal(145.6, Calculator.IntensityWTW(AktAltFerry), Tolerance);        // 124.8 × 7 / 6
        Assert.Equal(124.133333333, Calculator.IntensityTTW(AktAltFerry), 1e-8);    // 106.4 × 7 / 6

        var result = Calculator.ForRide(AktAltFerry, 470, Containers(0, 2));
        Assert.Equal(18_800, result.TransportActivityTkm, Tolerance);  // 40 t × 470 km
        Assert.Equal(2_737_280, result.Co2eWTW, Tolerance);            // 18,800 × 145.6
        Assert.Equal(2_333_706.666667, result.Co2eTTW, 1e-5);          // 18,800 × 106.4 × 7 / 6
    }

    [Fact]
    public void MoreEmptyRunningRaisesIntensity()
    {
        // Empty running 0.5 against the class's 0.2: × 1.5 / 1.2 = × 1.25.
        var service = Service("R", "KTZ", emptyRunning: 0.5);
        Assert.Equal(27.5, Calculator.IntensityWTW(service), Tolerance); // 22 × 1.25
        Assert.Equal(22.5, Calculator.IntensityTTW(service), Tolerance); // 18 × 1.25
    }

    [Fact]
    public void LoadFactorAndEmptyRunningOverridesCombine()
    {
        // Load factor 0.5, empty running 0.32: × (0.7 / 0.5) × (1.32 / 1.2) = × 1.4 × 1.1 = × 1.54.
        var service = Service("R", "KTZ", loadFactor: 0.5, emptyRunning: 0.32);
        var result = Calculator.ForRide(service, 1000, Bulk(500));

        Assert.Equal(500_000, result.TransportActivityTkm, Tolerance);  // 500 t × 1000 km
        Assert.Equal(16_940_000, result.Co2eWTW, 1e-3);                // 500,000 × 22 × 1.54 = 500,000 × 33.88
        Assert.Equal(13_860_000, result.Co2eTTW, 1e-3);                // 500,000 × 18 × 1.54 = 500,000 × 27.72
    }

    [Fact]
    public void ExplicitTonnesOverrideTheContainerDefault()
    {
        var result = Calculator.ForRide(Service("R", "KTZ"), 100, Containers(1, 0, tonnes: 18));
        Assert.Equal(1_800, result.TransportActivityTkm, Tolerance); // 18 t × 100 km, not 10 t
        Assert.Equal(39_600, result.Co2eWTW, Tolerance);             // 1,800 × 22
    }

    [Fact]
    public void HubOperationEmitsPerTonneHandledWithoutTransportActivity()
    {
        var gauge = Calculator.ForTransshipment(DosGauge, Containers(0, 2)); // 40 t
        Assert.Equal(new EmissionResult(0, 24_000, 20_000), gauge);          // 40 × 600; 40 × 500

        var port = Calculator.ForTransshipment(AktRailFerry, Bulk(130));
        Assert.Equal(0, port.TransportActivityTkm);
        Assert.Equal(1_391_000, port.Co2eWTW, Tolerance); // 130 t × 10,700
        Assert.Equal(1_170_000, port.Co2eTTW, Tolerance); // 130 t × 9,000
    }

    [Fact]
    public void TransshipmentWithoutHubOperationEmitsNothing()
    {
        var plain = Transshipment("X", "KZAKT", new(0m, 0m, 0m, 0m), hubOperation: null);
        Assert.Equal(EmissionResult.Zero, Calculator.ForTransshipment(plain, Containers(0, 2)));
    }

    [Fact]
    public void UnknownVehicleClassOrHubOperationFailsNamingIt()
    {
        var e1 = Assert.Throws<KeyNotFoundException>(() => Calculator.ForRide(Service("R", "KTZ", vehicleClass: "hovercraft"), 1, Bulk(1)));
        Assert.Contains("'hovercraft'", e1.Message);
        var e2 = Assert.Throws<KeyNotFoundException>(() =>
            Calculator.ForTransshipment(Transshipment("X", "N", new(0m, 0m, 0m, 0m), hubOperation: "crane-on-mars"), Bulk(1)));
        Assert.Contains("'crane-on-mars'", e2.Message);
    }

    [Fact]
    public void ResultsAdd()
    {
        var sum = new EmissionResult(100, 2_000, 1_500).Add(new EmissionResult(0, 600, 500)).Add(EmissionResult.Zero);
        Assert.Equal(new EmissionResult(100, 2_600, 2_000), sum); // 100 + 0; 2,000 + 600; 1,500 + 500
    }
}
