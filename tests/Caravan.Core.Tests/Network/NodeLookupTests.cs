using Caravan.Network;
using Caravan.Planning;
using NodaTime;

namespace Caravan.Core.Tests.Network;

public class NodeLookupTests
{
    private static Node MakeNode(string id, string name, params string[] aliases) => new()
    {
        Id = id,
        Name = name,
        Aliases = aliases,
        Country = id[..2],
        Latitude = 0,
        Longitude = 0,
        TimeZoneId = "UTC",
        TimeZone = DateTimeZone.Utc,
        Kind = NodeKind.RailTerminal,
        Dwell = Distribution.Zero,
        Source = "test",
    };

    private static NetworkModel MakeNetwork(params Node[] nodes) => new()
    {
        Name = "lookup-test",
        Version = "1",
        Origin = "test",
        Nodes = nodes,
        Links = [],
        Services = [],
        Transshipments = [],
        Tariffs = new Dictionary<string, Tariff>(),
        Currencies = new CurrencyTable
        {
            QuoteCurrency = "USD", Date = new DateOnly(2025, 11, 3),
            RatesToQuote = new Dictionary<string, decimal> { ["USD"] = 1 }, Source = "test",
        },
        Emissions = new EmissionTable
        {
            Version = "test", Source = "test",
            VehicleClasses = new Dictionary<string, VehicleClass>(),
            HubOperations = new Dictionary<string, HubOperation>(),
        },
    };

    private static readonly NetworkModel Corridor = MakeNetwork(
        MakeNode("CNXAN", "Xi'an", "Xian", "Xi'an International Port"),
        MakeNode("KZDOS", "Dostyk", "Alashankou"),
        MakeNode("KZAKT", "Aktau", "Aqtau"),
        MakeNode("GEAKH", "Akhalkalaki"),
        MakeNode("AZALT", "Alat (Port of Baku)", "Baku", "Port of Baku"),
        MakeNode("AZBCT", "Baku Cargo Terminal"),
        MakeNode("TRIST", "İstanbul", "Istanbul", "Halkalı"),
        MakeNode("TRKRS", "Kars"),
        MakeNode("GEPTI", "Poti"));

    private readonly NodeLookup _lookup = new(Corridor);

    [Theory]
    [InlineData("KZAKT", "KZAKT")]       // exact id
    [InlineData("kzakt", "KZAKT")]       // id, any case
    [InlineData("aktau", "KZAKT")]       // name
    [InlineData("Aqtau", "KZAKT")]       // alias
    [InlineData("xian", "CNXAN")]
    [InlineData("Xi'an", "CNXAN")]
    [InlineData("XI’AN", "CNXAN")]       // typographic apostrophe, upper case
    [InlineData("Xi‘an", "CNXAN")]
    [InlineData("  xi an ", "CNXAN")]    // spaces do not matter
    [InlineData("İSTANBUL", "TRIST")]    // Turkish dotted capital I
    [InlineData("istanbul", "TRIST")]
    [InlineData("halkali", "TRIST")]     // dotless ı folds to i
    [InlineData("dost", "KZDOS")]        // unique prefix
    [InlineData("alashan", "KZDOS")]     // unique prefix of an alias
    [InlineData("port of baku", "AZALT")]
    public void Resolves_what_people_type(string query, string expectedId)
    {
        Assert.Equal(expectedId, _lookup.Resolve(query, "--from").Id);
        Assert.True(_lookup.TryResolve(query, out var node));
        Assert.Equal(expectedId, node.Id);
    }

    [Fact]
    public void An_exact_alias_beats_a_longer_name_it_is_a_prefix_of()
    {
        // "baku" is an alias of AZALT and a prefix of "Baku Cargo Terminal": the exact match wins.
        Assert.Equal("AZALT", _lookup.Resolve("Baku", "--to").Id);
    }

    [Fact]
    public void An_ambiguous_prefix_lists_the_candidates()
    {
        // "ak" starts Aktau and Akhalkalaki, and nothing is called exactly "ak".
        var ex = Assert.Throws<PlanRequestException>(() => _lookup.Resolve("ak", "--to"));
        Assert.Equal("--to", ex.Field);
        Assert.Equal("ak", ex.Value);
        Assert.Contains("Aktau (KZAKT)", ex.Expected);
        Assert.Contains("Akhalkalaki (GEAKH)", ex.Expected);
        Assert.False(_lookup.TryResolve("ak", out _));
    }

    [Fact]
    public void An_unknown_name_suggests_the_closest_first()
    {
        // "aktaw" is one substitution from "aktau" and at least two edits from every other key.
        var ex = Assert.Throws<PlanRequestException>(() => _lookup.Resolve("Aktaw", "--from"));
        Assert.Equal("--from", ex.Field);
        Assert.Equal("Aktaw", ex.Value);
        Assert.StartsWith("a node id or name; did you mean: Aktau (KZAKT)", ex.Expected);
        Assert.Contains("--from: found 'Aktaw', expected a node id or name", ex.Message);
    }

    [Fact]
    public void A_misspelt_city_suggests_it()
    {
        // "instanbul" → "istanbul" is one deletion.
        var ex = Assert.Throws<PlanRequestException>(() => _lookup.Resolve("Instanbul", "--to"));
        Assert.StartsWith("a node id or name; did you mean: İstanbul (TRIST)", ex.Expected);
    }

    [Fact]
    public void Suggestions_are_at_most_five_distinct_nodes()
    {
        var close = _lookup.Suggest("zzzz");
        Assert.Equal(5, close.Count);
        Assert.Equal(5, close.Distinct().Count());
    }

    [Fact]
    public void Nothing_to_match_resolves_to_nothing()
    {
        Assert.False(_lookup.TryResolve("'’ -", out _));
        Assert.Throws<PlanRequestException>(() => _lookup.Resolve("", "--from"));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)] // k→s, e→i, +g: the textbook example
    [InlineData("", "abc", 3)]
    [InlineData("aktau", "aktau", 0)]
    [InlineData("aktaw", "aktau", 1)]
    public void Edit_distance_counts_single_character_edits(string a, string b, int expected) =>
        Assert.Equal(expected, Caravan.Spelling.EditDistance.Between(a, b));

    [Theory]
    [InlineData("Şahdağ", "sahdag")]
    [InlineData("Qəbələ", "qebele")]
    [InlineData("Kürük", "kuruk")]
    [InlineData("Alat (Port of Baku)", "alatportofbaku")]
    public void Folding_drops_accents_case_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, NodeLookup.Fold(text));
}
