using Caravan.Network;

namespace Caravan.Core.Tests.Dataset;

/// <summary>
/// Structural facts the shipped corridor network must keep. Each expected value comes from the public facts the
/// dataset is built on (docs/dataset.md, corridor-facts), not from the file itself.
/// </summary>
public class DefaultNetworkTests
{
    private static readonly NetworkModel Network = NetworkLoader.LoadDefault();

    private static Node NodeNamed(string name) =>
        Network.Nodes.SingleOrDefault(n => n.Name == name) ?? throw new Xunit.Sdk.XunitException($"No node named '{name}'.");

    [Fact]
    public void Default_network_loads_and_has_the_intended_size()
    {
        // The brief asks for roughly 35–50 nodes, 50–80 links and 40–70 services; the five block-train products
        // (Xi'an → Poti, issue 8) run beside the standard services they share track with.
        Assert.InRange(Network.Nodes.Count, 35, 50);
        Assert.InRange(Network.Links.Count, 50, 80);
        Assert.InRange(Network.Services.Count, 40, 80);
        Assert.Equal("default", Network.Origin);
    }

    [Theory]
    [InlineData("Xi'an")]
    [InlineData("Chongqing")]
    [InlineData("Shanghai")]
    [InlineData("Dostyk")]
    [InlineData("Khorgos")]
    [InlineData("Almaty")]
    [InlineData("Aktau")]
    [InlineData("Kuryk")]
    [InlineData("Turkmenbashi")]
    [InlineData("Alat (Port of Baku)")]
    [InlineData("Sangachal")]
    [InlineData("Böyük Kəsik")]
    [InlineData("Tbilisi")]
    [InlineData("Poti")]
    [InlineData("Batumi")]
    [InlineData("Akhalkalaki")]
    [InlineData("Kars")]
    [InlineData("Istanbul")]
    [InlineData("Mersin")]
    [InlineData("Ceyhan")]
    [InlineData("Constanța")]
    [InlineData("Budapest")]
    [InlineData("Duisburg")]
    [InlineData("Horadiz")]
    [InlineData("Nakhchivan")]
    [InlineData("Brest")]
    [InlineData("Małaszewicze")]
    [InlineData("Piraeus")]
    [InlineData("Rotterdam")]
    public void Required_node_exists_by_exact_name(string name) => NodeNamed(name);

    [Fact]
    public void Xian_answers_to_the_alias_Xian()
    {
        Assert.Contains("Xian", NodeNamed("Xi'an").Aliases);
        Assert.Contains("Alashankou", NodeNamed("Dostyk").Aliases);
        Assert.Contains("Altynkol", NodeNamed("Khorgos").Aliases);
    }

    [Fact]
    public void Node_time_zones_match_their_countries()
    {
        // Aktau and Kuryk keep Asia/Aqtau; Baku, Tbilisi, Istanbul their own zones (IANA tz database).
        Assert.Equal("Asia/Shanghai", NodeNamed("Xi'an").TimeZoneId);
        Assert.Equal("Asia/Aqtau", NodeNamed("Aktau").TimeZoneId);
        Assert.Equal("Asia/Aqtau", NodeNamed("Kuryk").TimeZoneId);
        Assert.Equal("Asia/Baku", NodeNamed("Alat (Port of Baku)").TimeZoneId);
        Assert.Equal("Asia/Tbilisi", NodeNamed("Poti").TimeZoneId);
        Assert.Equal("Europe/Istanbul", NodeNamed("Istanbul").TimeZoneId);
        Assert.Equal("Europe/Bucharest", NodeNamed("Constanța").TimeZoneId);
    }

    [Fact]
    public void Every_Zangezur_element_is_planned_and_the_BTK_line_is_not()
    {
        // Seed article 004: the Zangezur/TRIPP route is operational end-2028 at the earliest.
        string[] zangezur = [NodeNamed("Horadiz").Id, NodeNamed("Meghri").Id, NodeNamed("Nakhchivan").Id];
        foreach (var id in zangezur) Assert.True(Network.GetNode(id).Planned, $"{id} should be planned");

        var links = Network.Links.Where(l => zangezur.Contains(l.From) || zangezur.Contains(l.To)).ToList();
        Assert.True(links.Count >= 4, "Alat–Horadiz, Horadiz–Meghri, Meghri–Nakhchivan, Nakhchivan–Kars");
        Assert.All(links, l => Assert.True(l.Planned, $"link {l.Id} should be planned"));

        var services = Network.Services.Where(s => s.Stops.Any(zangezur.Contains)).ToList();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.True(s.Planned, $"service {s.Id} should be planned"));

        // Kars, Akhalkalaki and the links of the Baku–Tbilisi–Kars line exist today.
        Assert.False(NodeNamed("Kars").Planned);
        Assert.False(NodeNamed("Akhalkalaki").Planned);
        string kars = NodeNamed("Kars").Id, akh = NodeNamed("Akhalkalaki").Id;
        Assert.Contains(Network.Links, l => !l.Planned && l.Mode == TransportMode.Rail && new[] { l.From, l.To }.Order().SequenceEqual(new[] { akh, kars }.Order()));
    }

    [Theory]
    [InlineData("Dostyk", 1435, 1520)]
    [InlineData("Dostyk", 1520, 1435)]
    [InlineData("Khorgos", 1435, 1520)]
    [InlineData("Khorgos", 1520, 1435)]
    [InlineData("Akhalkalaki", 1520, 1435)]
    [InlineData("Akhalkalaki", 1435, 1520)]
    [InlineData("Małaszewicze", 1520, 1435)]
    [InlineData("Małaszewicze", 1435, 1520)]
    public void Gauge_change_rule_exists_where_the_gauges_meet(string nodeName, int fromGauge, int toGauge)
    {
        // China, Türkiye and the EU run 1435 mm; Kazakhstan, Russia, Belarus, Azerbaijan and Georgia 1520 mm.
        var node = NodeNamed(nodeName);
        Assert.Contains(fromGauge, node.Gauges);
        Assert.Contains(toGauge, node.Gauges);
        Assert.Contains(Network.Transshipments, t =>
            t.Node == node.Id && t.FromMode == TransportMode.Rail && t.ToMode == TransportMode.Rail
            && t.FromGauge == fromGauge && t.ToGauge == toGauge);
    }

    [Fact]
    public void Caspian_ports_have_rail_ferry_transfers_both_ways()
    {
        foreach (var port in new[] { "Aktau", "Kuryk", "Turkmenbashi", "Alat (Port of Baku)" })
        {
            string id = NodeNamed(port).Id;
            Assert.Contains(Network.Transshipments, t => t.Node == id && t.FromMode == TransportMode.Rail && t.ToMode == TransportMode.Ferry);
            Assert.Contains(Network.Transshipments, t => t.Node == id && t.FromMode == TransportMode.Ferry && t.ToMode == TransportMode.Rail);
        }
    }

    [Fact]
    public void Caspian_ferries_sail_when_full_and_the_largest_takes_56_wagons()
    {
        // ASCO's largest ferry carries 56 rail wagons or 50 trucks (rus-shipping.ru; en.trend.az 2023).
        var ferries = Network.Services.Where(s => s.Mode == TransportMode.Ferry).ToList();
        Assert.True(ferries.Count >= 6);
        // Standard ferries sail when full; a block train's ferry slot is held for it, on the train's timetable.
        Assert.All(ferries, f => Assert.IsType(f.Product == ServiceProduct.BlockTrain ? typeof(TimetablePattern) : typeof(SailWhenFullPattern), f.Departures));
        Assert.Equal(56, ferries.Max(f => f.CapacityPerDeparture.Wagons ?? 0));
        Assert.All(ferries, f => Assert.True((f.CapacityPerDeparture.Wagons ?? 0) <= 56));

        var aktauAlat = Network.Services.Single(s => s.Id == "AKT-ALT-RAILFERRY");
        Assert.Equal(56, aktauAlat.CapacityPerDeparture.Wagons);
        // 50 trucks × 2 TEU = 100 TEU on the Ro-Ro.
        Assert.Equal(100, Network.Services.Single(s => s.Id == "AKT-ALT-RORO").CapacityPerDeparture.Teu);
        // Waits up to a week (sea-news.az 2022): 7 × 24 = 168 h.
        Assert.Equal(168, ((SailWhenFullPattern)aktauAlat.Departures).MaxWaitHours);
    }

    [Fact]
    public void Caspian_crossing_takes_about_20_to_22_hours()
    {
        var crossing = Network.Links.Single(l => l.Id == "AKT-ALT-FERRY");
        Assert.InRange(crossing.RunningTime.Median, 20, 23);
    }

    [Fact]
    public void Class_7_travels_one_licensed_chain_from_Kazakhstan_to_the_Black_Sea()
    {
        // Uranium products transit via Azerbaijan (seed articles 002/004): Shymkent → Aktau → ferry → Alat →
        // Böyük Kəsik → Poti → Constanța must accept class 7 on every service, leg and node.
        (string Service, string From, string To)[] chain =
        [
            ("CIT-AKT-KTZ", "Shymkent", "Aktau"),
            ("AKT-ALT-RAILFERRY", "Aktau", "Alat (Port of Baku)"),
            ("ALT-BKS-ADY", "Alat (Port of Baku)", "Böyük Kəsik"),
            ("BKS-POT-GR", "Böyük Kəsik", "Poti"),
            ("POT-CND-FEEDER", "Poti", "Constanța"),
        ];
        foreach (var (serviceId, from, to) in chain)
        {
            var service = Network.Services.Single(s => s.Id == serviceId);
            Assert.True(service.DangerousGoodsClasses is null || service.DangerousGoodsClasses.Contains(7), $"{serviceId} refuses class 7");
            int i = service.Stops.ToList().IndexOf(NodeNamed(from).Id), j = service.Stops.ToList().IndexOf(NodeNamed(to).Id);
            Assert.True(i >= 0 && j > i, $"{serviceId} does not run {from} → {to}");
            for (int k = i; k < j; k++)
                Assert.True(service.Legs[k].Link.DangerousGoodsClasses.Contains(7), $"link {service.Legs[k].Link.Id} refuses class 7");
            for (int k = i; k <= j; k++)
            {
                var node = Network.GetNode(service.Stops[k]);
                Assert.True(node.DangerousGoodsClasses is null || node.DangerousGoodsClasses.Contains(7), $"node {node.Name} refuses class 7");
            }
        }
    }

    [Fact]
    public void Class_7_is_refused_on_the_deep_sea_route_and_on_all_but_one_ferry()
    {
        string shanghai = NodeNamed("Shanghai").Id, piraeus = NodeNamed("Piraeus").Id, rotterdam = NodeNamed("Rotterdam").Id;
        var deepSea = Network.Links.Where(l => l.Mode == TransportMode.Sea && (l.From == piraeus || l.To == piraeus || l.From == shanghai)).ToList();
        Assert.True(deepSea.Count >= 3);
        Assert.All(deepSea, l => Assert.DoesNotContain(7, l.DangerousGoodsClasses));
        Assert.DoesNotContain(7, NodeNamed("Shanghai").DangerousGoodsClasses!);
        Assert.DoesNotContain(7, NodeNamed("Rotterdam").DangerousGoodsClasses!);
        Assert.DoesNotContain(7, NodeNamed("Batumi").DangerousGoodsClasses!);
        Assert.DoesNotContain(7, NodeNamed("Kuryk").DangerousGoodsClasses!);
        Assert.Contains(Network.Services, s => s.Stops.Contains(rotterdam) && s.Mode == TransportMode.Sea);

        // Only the Aktau → Alat rail ferry is licensed for class 7.
        var ferriesTaking7 = Network.Services
            .Where(s => s.Mode == TransportMode.Ferry)
            .Where(s => (s.DangerousGoodsClasses?.Contains(7) ?? true) && s.Legs.All(l => l.Link.DangerousGoodsClasses.Contains(7)))
            .Select(s => s.Id)
            .ToList();
        Assert.Equal(["AKT-ALT-RAILFERRY"], ferriesTaking7);
    }

    [Fact]
    public void Oil_reaches_Ceyhan_through_Sangachal_by_a_one_way_liquid_bulk_pipeline()
    {
        string sangachal = NodeNamed("Sangachal").Id, ceyhan = NodeNamed("Ceyhan").Id;
        var pipelines = Network.Links.Where(l => l.Mode == TransportMode.Pipeline).ToList();
        Assert.NotEmpty(pipelines);
        Assert.All(pipelines, l =>
        {
            Assert.False(l.Bidirectional);
            Assert.Equal([CargoKind.LiquidBulk], l.CargoKinds);
        });
        var btc = Assert.Single(pipelines, l => l.From == sangachal && l.To == ceyhan);
        Assert.Equal(1768, btc.DistanceKm); // BTC is 1,768 km long (BP / BTC Co.)
        // A tanker brings the oil to Sangachal, where a rule moves it from sea into the pipeline.
        Assert.Contains(Network.Transshipments, t => t.Node == sangachal && t.FromMode == TransportMode.Sea && t.ToMode == TransportMode.Pipeline);
        Assert.Contains(Network.Services, s => s.Mode == TransportMode.Sea && s.Stops[^1] == sangachal);
    }

    [Fact]
    public void Baku_Tbilisi_Kars_line_is_about_826_km()
    {
        // Wikipedia: the BTK railway is 826 km. Baku → Alat → Ganja → Böyük Kəsik → Tbilisi → Akhalkalaki → Kars.
        string[] path = ["Baku", "Alat (Port of Baku)", "Ganja", "Böyük Kəsik", "Tbilisi", "Akhalkalaki", "Kars"];
        double km = 0;
        for (int i = 0; i < path.Length - 1; i++)
        {
            string a = NodeNamed(path[i]).Id, b = NodeNamed(path[i + 1]).Id;
            km += Network.Links.Single(l => l.Mode == TransportMode.Rail && (l.From == a && l.To == b || l.From == b && l.To == a)).DistanceKm;
        }
        Assert.InRange(km, 826 * 0.97, 826 * 1.03);
    }

    [Fact]
    public void Every_currency_used_has_a_rate_and_the_corridor_currencies_are_all_there()
    {
        string[] corridorCurrencies = ["USD", "EUR", "KZT", "AZN", "GEL", "TRY", "CNY"];
        foreach (var c in corridorCurrencies) Assert.True(Network.Currencies.RatesToQuote.ContainsKey(c), c);
        Assert.Equal(1m, Network.Currencies.RatesToQuote["USD"]);
        var used = Network.Tariffs.Values.Select(t => t.Currency).Concat(Network.Transshipments.Select(t => t.Currency)).ToHashSet();
        Assert.Superset(corridorCurrencies.ToHashSet(), used);
        Assert.Subset(corridorCurrencies.ToHashSet(), used);
    }
}
