using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace Caravan.Network;

/// <summary>What the cross-reference checks need of a node, read even when other fields of it are wrong.</summary>
/// <remarks><see cref="GaugesKnown"/> is false when the gauge list had errors, so gauge checks against it would only echo them.</remarks>
internal sealed record NodeEntry(int Index, string? Id, bool Planned, IReadOnlyList<int> Gauges, bool GaugesKnown, Node? Model);

/// <summary>Reads the <c>nodes</c> section.</summary>
internal static partial class NodesReader
{
    private static readonly string[] Properties =
        ["id", "name", "aliases", "country", "lat", "lon", "timeZone", "kind", "gauges", "dwellHours", "blockTrainDwellHours",
         "handlingCapacity", "dangerousGoodsClasses", "planned", "source"];

    private const string CountryExpected = "an ISO 3166-1 alpha-2 country code such as \"KZ\"";
    private const string ZoneExpected = "an IANA time zone such as \"Asia/Almaty\"";

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static IReadOnlyList<NodeEntry>? Read(ObjectReader root)
    {
        var items = root.Objects("nodes", true, "a list of nodes", "a node object");
        if (items is null) return null;
        var nodes = items.Select(item => ReadNode(item.Item, item.Index)).ToList();
        SectionChecks.UniqueIds(root.Context, nodes.Select(n => (n.Id, $"nodes[{n.Index}].id")), "node id");
        CheckNamesUnique(root.Context, items);
        return nodes;
    }

    private static NodeEntry ReadNode(ObjectReader n, int index)
    {
        var ctx = n.Context;
        int errorsBefore = ctx.ErrorCount;
        n.AllowOnly(Properties);

        string? id = n.String("id");
        string? name = n.String("name");
        var aliases = n.Strings("aliases", false, "a list of other names", "a non-empty name") ?? [];
        string? country = n.String("country", expected: CountryExpected);
        if (country is not null && !(CountryPattern().IsMatch(country) && CountryCodes.IsAssigned(country)))
            ctx.Error(n.PathOf("country"), ReadContext.Quote(country), CountryExpected);
        double? lat = n.Number("lat", "a latitude in degrees, -90 to 90", v => v is >= -90 and <= 90);
        double? lon = n.Number("lon", "a longitude in degrees, -180 to 180", v => v is >= -180 and <= 180);
        string? zoneId = n.String("timeZone", expected: ZoneExpected);
        DateTimeZone? zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zoneId is not null && zone is null)
            ctx.Error(n.PathOf("timeZone"), ReadContext.Quote(zoneId), ZoneExpected);
        NodeKind? kind = n.Enum<NodeKind>("kind");
        int errorsBeforeGauges = ctx.ErrorCount;
        var gauges = ReadGauges(n);
        bool gaugesKnown = ctx.ErrorCount == errorsBeforeGauges;
        // A railTerminal without a gauge could never be reached by rail; invalid gauge values are reported on their own.
        bool gaugesWritten = n.TryGet("gauges", false, "", out var gaugeList);
        if (kind == NodeKind.RailTerminal && (!gaugesWritten || gaugeList.ValueKind == JsonValueKind.Array && gaugeList.GetArrayLength() == 0))
            ctx.Error(n.PathOf("gauges"), gaugesWritten ? ReadContext.Show(gaugeList) : null, "at least one track gauge for a railTerminal");
        var dwell = n.Distribution("dwellHours");
        var blockTrainDwell = n.Distribution("blockTrainDwellHours", required: false);
        var capacity = CapacityReader.ReadAnnual(n, "handlingCapacity");
        var dangerousGoods = n.DangerousGoodsClasses();
        bool planned = n.Bool("planned", false);
        string? source = n.Source();

        Node? model = ctx.ErrorCount > errorsBefore ? null : new Node
        {
            Id = id!, Name = name!, Aliases = aliases, Country = country!, Latitude = lat!.Value, Longitude = lon!.Value,
            TimeZoneId = zoneId!, TimeZone = zone!, Kind = kind!.Value, Gauges = gauges, Dwell = dwell!, BlockTrainDwell = blockTrainDwell,
            HandlingCapacity = capacity, DangerousGoodsClasses = dangerousGoods, Planned = planned, Source = source!,
        };
        return new NodeEntry(index, id, planned, gauges, gaugesKnown, model);
    }

    private static List<int> ReadGauges(ObjectReader n)
    {
        string expected = $"a track gauge in mm, one of {FormatNames.RealGaugesText}";
        var items = n.Array("gauges", false, $"a list of track gauges in mm, each one of {FormatNames.RealGaugesText}");
        var gauges = new List<int>();
        foreach (var (value, path) in items ?? [])
            if (n.ReadInt(value, path, expected, FormatNames.RealGauges.Contains) is { } g && !gauges.Contains(g)) gauges.Add(g);
        return gauges;
    }

    /// <summary>
    /// Users find a node by typing its name or an alias, so no two nodes may answer to the same one (ignoring case).
    /// </summary>
    private static void CheckNamesUnique(ReadContext ctx, IReadOnlyList<(ObjectReader Item, int Index)> items)
    {
        var owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (n, index) in items)
        {
            var namesOfThisNode = new List<(string Name, string Path)>();
            if (n.TryGet("name", false, "", out var name) && name.ValueKind == JsonValueKind.String)
                namesOfThisNode.Add((name.GetString()!, n.PathOf("name")));
            var aliases = n.TryGet("aliases", false, "", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList()
                : [];
            for (int i = 0; i < aliases.Count; i++)
                if (aliases[i].ValueKind == JsonValueKind.String)
                    namesOfThisNode.Add((aliases[i].GetString()!, ReadContext.Item(n.PathOf("aliases"), i)));

            foreach (var (text, path) in namesOfThisNode)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (owner.TryGetValue(text, out int other) && other != index)
                    ctx.Error(path, ReadContext.Quote(text), $"a name or alias no other node uses (nodes[{other}] answers to it already)");
                else owner.TryAdd(text, index);
            }
        }
    }
}
