using Caravan.Network;
using Caravan.Shipments;
using NodaTime;

namespace Caravan.Core.Tests.Tariffs;

/// <summary>
/// Builds <see cref="NetworkModel"/>s in code for the tariff and emission tests, so that they depend neither on the
/// JSON loader nor on the shipped data. <see cref="Tiny"/> mirrors docs/examples/tiny-network.json's tariffs,
/// transshipments and emission table, except that ASCO's per-wagon ferry rule is limited to wagonload and dry bulk
/// (in the example it carries no cargo kinds and so would also charge containers per wagon on top of per container).
/// </summary>
internal static class TestNetworks
{
    public static CurrencyTable Currencies { get; } = new()
    {
        QuoteCurrency = "USD",
        Date = new DateOnly(2025, 11, 3),
        RatesToQuote = new Dictionary<string, decimal> { ["USD"] = 1m, ["EUR"] = 1.15m, ["KZT"] = 0.0019m },
        Source = "test",
    };

    public static VehicleClass RailDieselContainer { get; } = new()
    {
        Id = "rail-diesel-container", Mode = TransportMode.Rail, Description = "Diesel traction, container train",
        Co2eIntensityWTW = 22.0, Co2eIntensityTTW = 18.0, LoadFactor = 0.7, EmptyRunning = 0.2, Source = "test",
    };

    public static VehicleClass Ropax { get; } = new()
    {
        Id = "ropax-10000-19999gt", Mode = TransportMode.Ferry, Description = "RoPax 10,000-19,999 GT, MDO",
        Co2eIntensityWTW = 124.8, Co2eIntensityTTW = 106.4, LoadFactor = 0.7, EmptyRunning = 0.0, Source = "test",
    };

    public static EmissionTable Emissions { get; } = new()
    {
        Version = "test table",
        Source = "test",
        VehicleClasses = new Dictionary<string, VehicleClass> { [RailDieselContainer.Id] = RailDieselContainer, [Ropax.Id] = Ropax },
        HubOperations = new Dictionary<string, HubOperation>
        {
            ["transhipment"] = new() { Id = "transhipment", HubType = "transhipment", Co2eIntensityWTW = 600, Co2eIntensityTTW = 500, Source = "test" },
            ["maritime-container-terminal"] = new()
            {
                Id = "maritime-container-terminal", HubType = "maritimeContainerTerminal",
                Co2eIntensityWTW = 10700, Co2eIntensityTTW = 9000, Source = "test",
            },
        },
    };

    public static Service Service(string id, string carrier, TransportMode mode = TransportMode.Rail,
        string vehicleClass = "rail-diesel-container", double? loadFactor = null, double? emptyRunning = null) => new()
    {
        Id = id, Name = id, Operator = carrier, Carrier = carrier, Mode = mode,
        Stops = ["A", "B"], Legs = [],
        Departures = new IntervalPattern(24, new LocalDateTime(2024, 1, 1, 18, 0)),
        CapacityPerDeparture = DepartureCapacity.Unlimited,
        VehicleClass = vehicleClass, LoadFactor = loadFactor, EmptyRunning = emptyRunning, Source = "test",
    };

    public static TariffRule Rule(string label, ChargeCategory category, TariffBasis basis, decimal amount,
        ChargeCondition condition = ChargeCondition.Always, string[]? services = null, CargoKind[]? kinds = null) => new()
    {
        Label = label, Category = category, Basis = basis, Amount = amount, Condition = condition,
        Services = services?.ToHashSet(), CargoKinds = kinds?.ToHashSet(),
    };

    public static Tariff Tariff(string carrier, string currency, params TariffRule[] rules) =>
        new() { Carrier = carrier, Currency = currency, Rules = rules, Source = "test" };

    public static NetworkModel NetworkWith(params Tariff[] tariffs) => new()
    {
        Name = "test", Version = "test", Origin = "test",
        Nodes = [], Links = [], Services = [], Transshipments = [],
        Tariffs = tariffs.ToDictionary(t => t.Carrier),
        Currencies = Currencies,
        Emissions = Emissions,
    };

    public static Transshipment Transshipment(string id, string node, TransshipmentCost cost, string currency = "USD",
        string? hubOperation = null) => new()
    {
        Id = id, Node = node, FromMode = TransportMode.Rail, ToMode = TransportMode.Rail,
        Time = Distribution.Zero, Cost = cost, Currency = currency, HubOperation = hubOperation, Source = "test",
    };

    // ---- The tiny example network (docs/examples/tiny-network.json) ----

    public static Tariff TinyKtz { get; } = Tariff("KTZ", "USD",
        Rule("KTZ container rate", ChargeCategory.Freight, TariffBasis.PerContainer20Km, 0.12m, kinds: [CargoKind.Container]),
        Rule("KTZ container rate 40 ft", ChargeCategory.Freight, TariffBasis.PerContainer40Km, 0.24m, kinds: [CargoKind.Container]),
        Rule("KTZ bulk", ChargeCategory.Freight, TariffBasis.PerTonneKm, 0.025m, kinds: [CargoKind.DryBulk, CargoKind.LiquidBulk]),
        Rule("Dangerous goods surcharge", ChargeCategory.Surcharge, TariffBasis.PercentOfFreight, 50m, ChargeCondition.DangerousGoods),
        Rule("Station fee", ChargeCategory.Fee, TariffBasis.PerShipment, 35m, services: ["DOS-AKT-DAILY"])) with
    {
        VolumeDiscounts = [new VolumeDiscount(10, 5m), new VolumeDiscount(40, 10m)],
    };

    public static Tariff TinyAsco { get; } = Tariff("ASCO", "EUR",
        Rule("Ferry freight per 40 ft", ChargeCategory.Ferry, TariffBasis.PerContainer40, 900m),
        Rule("Ferry freight per 20 ft", ChargeCategory.Ferry, TariffBasis.PerContainer20, 550m),
        Rule("Ferry freight per wagon", ChargeCategory.Ferry, TariffBasis.PerWagon, 1400m, kinds: [CargoKind.Wagon, CargoKind.DryBulk]),
        Rule("Port dues Alat", ChargeCategory.PortDues, TariffBasis.PerShipment, 100m));

    public static Service XanAktBlock { get; } = Service("XAN-AKT-BLOCK", "KTZ");
    public static Service DosAktDaily { get; } = Service("DOS-AKT-DAILY", "KTZ");
    public static Service AktAltFerry { get; } =
        Service("AKT-ALT-FERRY", "ASCO", TransportMode.Ferry, "ropax-10000-19999gt", loadFactor: 0.6);

    public static Transshipment DosGauge { get; } =
        Transshipment("DOS-GAUGE", "KZDOS", new TransshipmentCost(0m, 60m, 4m, 150m), hubOperation: "transhipment");
    public static Transshipment AktRailFerry { get; } =
        Transshipment("AKT-RAIL-FERRY", "KZAKT", new TransshipmentCost(150m, 80m, 3m, 120m), hubOperation: "maritime-container-terminal");

    public static NetworkModel Tiny() => NetworkWith(TinyKtz, TinyAsco);

    // ---- Cargo ----

    public static Cargo Containers(int twenties, int forties, int? dgClass = null, bool reefer = false, bool oversize = false,
        double tonnes = 0) => new()
    {
        Kind = CargoKind.Container, Containers20 = twenties, Containers40 = forties, Tonnes = tonnes,
        DangerousGoodsClass = dgClass, Reefer = reefer, Oversize = oversize,
    };

    public static Cargo Bulk(double tonnes, CargoKind kind = CargoKind.DryBulk) => new() { Kind = kind, Tonnes = tonnes };

    public static Cargo Wagons(int count) => new() { Kind = CargoKind.Wagon, WagonCount = count };
}
