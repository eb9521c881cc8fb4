using Caravan.Network;
using Caravan.Shipments;
using NodaTime;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Small random corridor-like networks for the brute-force oracle: a few nodes in different time zones (one with
/// daylight saving), rail of two gauges, ferries that sail when full, roads, transshipment rules at some nodes,
/// tariffs with fixed, per-km, per-tonne and percentage rules, and cargo restrictions. Seeded, so a failure repeats.
/// </summary>
internal static class RandomNetworks
{
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Almaty", "Asia/Baku", "Europe/Istanbul", "Europe/Berlin"];
    private static readonly string[] Carriers = ["RAIL-A", "RAIL-B", "SEA-C"];

    public static NetworkModel Create(int seed)
    {
        var rng = new Random(seed);
        int nodeCount = rng.Next(4, 7);
        var nodes = new List<Node>();
        for (int i = 0; i < nodeCount; i++)
        {
            var zone = Zones[rng.Next(Zones.Length)];
            int[] gauges = rng.Next(3) switch { 0 => [1435], 1 => [1520], _ => [1435, 1520] };
            nodes.Add(new Node
            {
                Id = $"N{i}", Name = $"Node {i}", Country = i % 2 == 0 ? "KZ" : "AZ",
                Latitude = 40 + i, Longitude = 50 + i, TimeZoneId = zone,
                TimeZone = DateTimeZoneProviders.Tzdb[zone], Kind = NodeKind.RailTerminal, Gauges = gauges,
                Dwell = RandomDistribution(rng, 1, 30),
                DangerousGoodsClasses = rng.Next(4) == 0 ? new HashSet<int> { 3, 9 } : null,
                Planned = rng.Next(12) == 0,
                Source = "test",
            });
        }

        var links = new List<Link>();
        for (int a = 0; a < nodeCount; a++)
            for (int b = a + 1; b < nodeCount; b++)
            {
                if (rng.NextDouble() > 0.7) continue;
                var common = nodes[a].Gauges.Intersect(nodes[b].Gauges).ToList();
                var mode = rng.Next(4) switch
                {
                    0 => TransportMode.Ferry,
                    1 => TransportMode.Road,
                    _ => common.Count > 0 ? TransportMode.Rail : TransportMode.Road,
                };
                links.Add(new Link
                {
                    Id = $"L{links.Count}", From = nodes[a].Id, To = nodes[b].Id, Mode = mode,
                    DistanceKm = rng.Next(50, 2500), RunningTime = RandomDistribution(rng, 5, 120),
                    Gauge = mode == TransportMode.Rail ? common[rng.Next(common.Count)] : null,
                    CargoKinds = rng.Next(5) == 0
                        ? new HashSet<CargoKind> { CargoKind.DryBulk }
                        : new HashSet<CargoKind> { CargoKind.Container, CargoKind.DryBulk },
                    DangerousGoodsClasses = rng.Next(3) == 0 ? new HashSet<int>() : new HashSet<int> { 3, 7, 9 },
                    Planned = rng.Next(10) == 0,
                    Source = "test",
                });
            }

        var services = new List<Service>();
        int serviceCount = rng.Next(8, 15);
        for (int s = 0; s < serviceCount && links.Count > 0; s++)
        {
            var first = links[rng.Next(links.Count)];
            var stops = new List<string> { first.From, first.To };
            var legs = new List<LinkTraversal> { new(first, first.From, first.To) };
            if (rng.Next(2) == 0) { stops.Reverse(); legs[0] = new LinkTraversal(first, first.To, first.From); }
            // Extend along links of the same mode and gauge, without revisiting a stop.
            while (rng.Next(3) > 0 && first.Mode != TransportMode.Ferry)
            {
                var last = stops[^1];
                var next = links.Where(l => l.Mode == first.Mode && l.Gauge == first.Gauge && (l.From == last || l.To == last))
                    .Select(l => (Link: l, To: l.From == last ? l.To : l.From))
                    .Where(x => !stops.Contains(x.To)).ToList();
                if (next.Count == 0) break;
                var pick = next[rng.Next(next.Count)];
                legs.Add(new LinkTraversal(pick.Link, last, pick.To));
                stops.Add(pick.To);
            }
            bool planned = legs.Any(l => l.Link.Planned) || stops.Any(id => nodes.First(n => n.Id == id).Planned);
            services.Add(new Service
            {
                Id = $"S{s}", Name = $"Service {s}", Operator = "op", Carrier = Carriers[rng.Next(Carriers.Length)],
                Mode = first.Mode, Stops = stops, Legs = legs,
                Departures = RandomPattern(rng, first.Mode),
                CapacityPerDeparture = new DepartureCapacity(rng.Next(20, 120), rng.Next(10, 60), null),
                VehicleClass = first.Mode.ToString().ToLowerInvariant(),
                CargoKinds = rng.Next(6) == 0 ? new HashSet<CargoKind> { CargoKind.Container } : null,
                DangerousGoodsClasses = rng.Next(6) == 0 ? new HashSet<int> { 9 } : null,
                LoadFactor = rng.Next(3) == 0 ? 0.5 : null,
                Planned = planned,
                Source = "test",
            });
        }

        var modes = new[] { TransportMode.Rail, TransportMode.Road, TransportMode.Ferry };
        var transshipments = new List<Transshipment>();
        foreach (var node in nodes)
            for (int r = 0; r < 3; r++)
            {
                var from = modes[rng.Next(3)];
                var to = modes[rng.Next(3)];
                int? fromGauge = from == TransportMode.Rail && rng.Next(2) == 0 ? node.Gauges[rng.Next(node.Gauges.Count)] : null;
                int? toGauge = to == TransportMode.Rail && rng.Next(2) == 0 ? node.Gauges[rng.Next(node.Gauges.Count)] : null;
                transshipments.Add(new Transshipment
                {
                    Id = $"T{transshipments.Count}", Node = node.Id, FromMode = from, ToMode = to,
                    FromGauge = fromGauge, ToGauge = toGauge, Time = RandomDistribution(rng, 1, 24),
                    Cost = new TransshipmentCost(rng.Next(0, 200), rng.Next(0, 80), rng.Next(0, 5), 0),
                    Currency = rng.Next(2) == 0 ? "USD" : "EUR",
                    HubOperation = rng.Next(2) == 0 ? "hub" : null,
                    Source = "test",
                });
            }

        var tariffs = Carriers.ToDictionary(c => c, c => new Tariff
        {
            Carrier = c,
            Currency = c == "SEA-C" ? "EUR" : "USD",
            Rules =
            [
                new TariffRule { Label = "40 ft km", Category = ChargeCategory.Freight, Basis = TariffBasis.PerContainer40Km, Amount = 0.1m + rng.Next(0, 30) / 100m },
                new TariffRule { Label = "20 ft", Category = ChargeCategory.Freight, Basis = TariffBasis.PerContainer20, Amount = rng.Next(50, 400) },
                new TariffRule { Label = "bulk", Category = ChargeCategory.Freight, Basis = TariffBasis.PerTonneKm, Amount = 0.01m + rng.Next(0, 5) / 100m, CargoKinds = new HashSet<CargoKind> { CargoKind.DryBulk } },
                new TariffRule { Label = "dues", Category = ChargeCategory.PortDues, Basis = TariffBasis.PerShipment, Amount = rng.Next(0, 150) },
                new TariffRule { Label = "DG", Category = ChargeCategory.Surcharge, Basis = TariffBasis.PercentOfFreight, Amount = 25, Condition = ChargeCondition.DangerousGoods },
            ],
            VolumeDiscounts = [new VolumeDiscount(10, 5)],
            Source = "test",
        });

        var classes = modes.ToDictionary(m => m.ToString().ToLowerInvariant(), m => new VehicleClass
        {
            Id = m.ToString().ToLowerInvariant(), Mode = m, Description = m.ToString(),
            Co2eIntensityWTW = m switch { TransportMode.Rail => 20, TransportMode.Road => 80, _ => 120 },
            Co2eIntensityTTW = 10, LoadFactor = 0.7, EmptyRunning = 0.2, Source = "test",
        });

        return new NetworkModel
        {
            Name = $"random-{seed}", Version = "test", Origin = $"random-{seed}",
            Nodes = nodes, Links = links, Services = services, Transshipments = transshipments, Tariffs = tariffs,
            Currencies = new CurrencyTable
            {
                QuoteCurrency = "USD", Date = new DateOnly(2025, 11, 3),
                RatesToQuote = new Dictionary<string, decimal> { ["USD"] = 1m, ["EUR"] = 1.15m }, Source = "test",
            },
            Emissions = new EmissionTable
            {
                Version = "test", Source = "test", VehicleClasses = classes,
                HubOperations = new Dictionary<string, HubOperation>
                {
                    ["hub"] = new HubOperation { Id = "hub", HubType = "transhipment", Co2eIntensityWTW = 600, Co2eIntensityTTW = 500, Source = "test" },
                },
            },
        };
    }

    public static Cargo RandomCargo(Random rng) => rng.Next(4) switch
    {
        0 => new Cargo { Kind = CargoKind.DryBulk, Tonnes = rng.Next(100, 6000), DangerousGoodsClass = rng.Next(3) == 0 ? 9 : null },
        _ => new Cargo
        {
            Kind = CargoKind.Container, Containers20 = rng.Next(0, 3), Containers40 = rng.Next(1, 40),
            DangerousGoodsClass = rng.Next(4) switch { 0 => 3, 1 => 7, _ => null },
        },
    };

    private static Distribution RandomDistribution(Random rng, double low, double high)
    {
        double a = low + rng.NextDouble() * (high - low);
        double b = a + rng.NextDouble() * high;
        return rng.Next(4) switch
        {
            0 => new FixedDistribution(Math.Round(a, 2)),
            1 => new UniformDistribution(a, b),
            2 => new TriangularDistribution(a, (a + b) / 2, b + 5),
            _ => new LogNormalDistribution(b, b * 1.5, a / 2),
        };
    }

    private static DeparturePattern RandomPattern(Random rng, TransportMode mode)
    {
        if (mode == TransportMode.Ferry && rng.Next(3) > 0)
            return new SailWhenFullPattern(rng.Next(24, 120), new TriangularDistribution(12, 40, 150));
        if (rng.Next(2) == 0)
            return new IntervalPattern(rng.Next(6, 72), new LocalDateTime(2026, 1, 1, rng.Next(0, 24), rng.Next(0, 4) * 15));
        var days = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && rng.Next(3) == 0).ToHashSet();
        if (days.Count == 0) days.Add(IsoDayOfWeek.Wednesday);
        var times = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => new LocalTime(rng.Next(0, 24), rng.Next(0, 4) * 15)).Distinct().ToList();
        return new TimetablePattern(days, times);
    }
}
