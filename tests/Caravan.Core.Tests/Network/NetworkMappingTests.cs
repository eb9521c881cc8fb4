using Caravan.Network;
using NodaTime;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>Values of docs/examples/tiny-network.json, read by hand from the file, land in the model.</summary>
public class NetworkMappingTests
{
    private static readonly NetworkModel Tiny = NetworkLoader.Parse(Text, FileName).Network!;

    [Fact]
    public void Header_fields()
    {
        Assert.Equal("tiny-example", Tiny.Name);
        Assert.Equal("2026-11-23", Tiny.Version);
        Assert.StartsWith("Four nodes", Tiny.Description);
        Assert.Equal(FileName, Tiny.Origin);
        Assert.Equal(["CNXAN", "KZDOS", "KZAKT", "AZALT"], Tiny.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void Nodes()
    {
        var xian = Tiny.GetNode("CNXAN");
        Assert.Equal("Xi'an", xian.Name);
        Assert.Equal(["Xian", "Xi'an International Port"], xian.Aliases);
        Assert.Equal("CN", xian.Country);
        Assert.Equal(34.37, xian.Latitude);
        Assert.Equal(109.07, xian.Longitude);
        Assert.Equal(NodeKind.RailTerminal, xian.Kind);
        Assert.Equal([1435], xian.Gauges);
        Assert.Equal(new TriangularDistribution(6, 12, 36), xian.Dwell);
        Assert.Equal(new AnnualCapacity(500000, null, null), xian.HandlingCapacity);
        Assert.Null(xian.DangerousGoodsClasses); // not given: accepts every class
        Assert.False(xian.Planned);

        var dostyk = Tiny.GetNode("KZDOS");
        Assert.Equal("Asia/Almaty", dostyk.TimeZoneId);
        Assert.Equal(DateTimeZoneProviders.Tzdb["Asia/Almaty"], dostyk.TimeZone);
        Assert.Equal(NodeKind.BorderCrossing, dostyk.Kind);
        Assert.Equal(new LogNormalDistribution(24, 60, 6), dostyk.Dwell);

        var aktau = Tiny.GetNode("KZAKT");
        Assert.Equal(new FixedDistribution(12), aktau.Dwell);
        Assert.Equal(new AnnualCapacity(40000, 11000000, null), aktau.HandlingCapacity);
        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9], aktau.DangerousGoodsClasses!.Order());
        Assert.Equal("capacity: astanatimes.com Sept 2024", aktau.Source);

        Assert.Equal(new EmpiricalDistribution([8, 12, 12, 24, 48]), Tiny.GetNode("AZALT").Dwell);
    }

    [Fact]
    public void Links()
    {
        var xanDos = Tiny.Links[0];
        Assert.Equal(("XAN-DOS", "CNXAN", "KZDOS", TransportMode.Rail), (xanDos.Id, xanDos.From, xanDos.To, xanDos.Mode));
        Assert.Equal(3100, xanDos.DistanceKm);
        Assert.Equal(new TriangularDistribution(80, 96, 130), xanDos.RunningTime);
        Assert.Equal(1435, xanDos.Gauge);
        Assert.Equal([CargoKind.Container, CargoKind.DryBulk, CargoKind.Wagon], xanDos.CargoKinds.Order());
        Assert.Equal([2, 3, 8, 9], xanDos.DangerousGoodsClasses.Order());
        Assert.Equal(new AnnualCapacity(null, 20000000, null), xanDos.Capacity);
        Assert.True(xanDos.Bidirectional); // the default

        Assert.Equal(new UniformDistribution(110, 150), Tiny.Links[1].RunningTime);
        var ferry = Tiny.Links[2];
        Assert.Equal(TransportMode.Ferry, ferry.Mode);
        Assert.Null(ferry.Gauge);
        Assert.Equal(470, ferry.DistanceKm);
    }

    [Fact]
    public void Services_and_their_legs()
    {
        var block = Tiny.Services[0];
        Assert.Equal(("KTZ Express", "KTZ", TransportMode.Rail), (block.Operator, block.Carrier, block.Mode));
        Assert.Equal(["CNXAN", "KZDOS"], block.Stops);
        Assert.Equal(["XAN-DOS"], block.Legs.Select(l => l.Link.Id));
        Assert.All(block.Legs, l => Assert.False(l.Reversed));
        var timetable = Assert.IsType<TimetablePattern>(block.Departures);
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday], timetable.Days.Order());
        Assert.Equal([new LocalTime(8, 0)], timetable.Times);
        Assert.Equal(new DepartureCapacity(110, 55, 3000), block.CapacityPerDeparture);
        Assert.Equal("rail-diesel-container", block.VehicleClass);
        Assert.Null(block.CargoKinds);

        var ferry = Tiny.Services[1];
        var sail = Assert.IsType<SailWhenFullPattern>(ferry.Departures);
        Assert.Equal(168, sail.MaxWaitHours);
        Assert.Equal(new TriangularDistribution(24, 60, 168), sail.FillTime);
        Assert.Equal(new DepartureCapacity(112, 56, null), ferry.CapacityPerDeparture);
        Assert.Equal(0.6, ferry.LoadFactor);
        Assert.Null(ferry.EmptyRunning);

        var daily = Tiny.Services[2];
        Assert.Equal(new IntervalPattern(24, new LocalDateTime(2024, 1, 1, 18, 0)), daily.Departures);
        Assert.Equal(4, daily.CargoKinds!.Count);
    }

    [Fact]
    public void A_service_runs_a_bidirectional_link_backwards()
    {
        var network = Parse(d => Set(d, "services[2].stops", """["KZAKT", "KZDOS"]""")).Network!;
        var leg = Assert.Single(network.Services[2].Legs);
        Assert.Equal(("DOS-AKT", "KZAKT", "KZDOS", true), (leg.Link.Id, leg.From, leg.To, leg.Reversed));
    }

    [Fact]
    public void The_first_link_in_file_order_is_the_leg()
    {
        // A second rail link Dostyk–Aktau after the first: the service keeps running the first.
        var network = Parse(d => AppendCopy(d, "links[1]", l => l["id"] = "DOS-AKT-2")).Network!;
        Assert.Equal("DOS-AKT", Assert.Single(network.Services[2].Legs).Link.Id);
    }

    [Fact]
    public void Transshipments()
    {
        var gauge = Tiny.Transshipments[0];
        Assert.Equal(("DOS-GAUGE", "KZDOS", TransportMode.Rail, TransportMode.Rail), (gauge.Id, gauge.Node, gauge.FromMode, gauge.ToMode));
        Assert.Equal((1435, 1520), (gauge.FromGauge!.Value, gauge.ToGauge!.Value));
        Assert.Equal(new TriangularDistribution(6, 12, 48), gauge.Time);
        Assert.Equal(new TransshipmentCost(0m, 60m, 4m, 150m), gauge.Cost);
        Assert.Equal("USD", gauge.Currency);
        Assert.Equal("transhipment", gauge.HubOperation);

        var ferry = Tiny.Transshipments[1];
        Assert.Null(ferry.FromGauge);
        Assert.Equal(TransportMode.Ferry, ferry.ToMode);
        Assert.Equal(new TransshipmentCost(150m, 80m, 3m, 120m), ferry.Cost);
    }

    [Fact]
    public void Tariffs()
    {
        var ktz = Tiny.Tariffs["KTZ"];
        Assert.Equal("USD", ktz.Currency);
        Assert.Equal(5, ktz.Rules.Count);
        var first = ktz.Rules[0];
        Assert.Equal(("KTZ container rate", ChargeCategory.Freight, TariffBasis.PerContainer20Km, 0.12m, ChargeCondition.Always),
            (first.Label, first.Category, first.Basis, first.Amount, first.Condition));
        Assert.Equal([CargoKind.Container], first.CargoKinds!);
        Assert.Null(first.Services);
        var surcharge = ktz.Rules[3];
        Assert.Equal((TariffBasis.PercentOfFreight, 50m, ChargeCondition.DangerousGoods), (surcharge.Basis, surcharge.Amount, surcharge.Condition));
        Assert.Equal(["DOS-AKT-DAILY"], ktz.Rules[4].Services!);
        Assert.Equal([new VolumeDiscount(10, 5m), new VolumeDiscount(40, 10m)], ktz.VolumeDiscounts);

        var asco = Tiny.Tariffs["ASCO"];
        Assert.Equal("EUR", asco.Currency);
        Assert.Equal((ChargeCategory.PortDues, 100m), (asco.Rules[3].Category, asco.Rules[3].Amount));
        Assert.Empty(asco.VolumeDiscounts);
    }

    [Fact]
    public void Currencies_and_emissions()
    {
        Assert.Equal("USD", Tiny.Currencies.QuoteCurrency);
        Assert.Equal(new DateOnly(2025, 11, 3), Tiny.Currencies.Date);
        Assert.Equal(1m, Tiny.Currencies.RatesToQuote["USD"]);
        Assert.Equal(1.15m, Tiny.Currencies.RatesToQuote["EUR"]);
        Assert.Equal(0.0019m, Tiny.Currencies.RatesToQuote["KZT"]);

        var ropax = Tiny.Emissions.VehicleClasses["ropax-10000-19999gt"];
        Assert.Equal((TransportMode.Ferry, 124.8, 106.4, 0.7, 0.0), (ropax.Mode, ropax.Co2eIntensityWTW, ropax.Co2eIntensityTTW, ropax.LoadFactor, ropax.EmptyRunning));
        var terminal = Tiny.Emissions.HubOperations["maritime-container-terminal"];
        Assert.Equal(("maritimeContainerTerminal", 10700.0, 9000.0), (terminal.HubType, terminal.Co2eIntensityWTW, terminal.Co2eIntensityTTW));
        Assert.Equal("GLEC v3.0 (2023) + Caravan estimates 2026-11", Tiny.Emissions.Version);
    }
}
