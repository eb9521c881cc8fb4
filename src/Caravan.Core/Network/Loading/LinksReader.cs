namespace Caravan.Network;

/// <summary>What the cross-reference checks and leg resolution need of a link.</summary>
internal sealed record LinkEntry(
    int Index, string? Id, string? From, string? To, TransportMode? Mode, int? Gauge, bool Bidirectional, bool Planned, Link? Model);

/// <summary>Reads the <c>links</c> section.</summary>
internal static class LinksReader
{
    /// <summary>Longer than any overland or sea leg on Earth would need between two adjacent nodes.</summary>
    public const double MaxDistanceKm = 25_000;

    private static readonly string[] Properties =
        ["id", "from", "to", "mode", "distanceKm", "runningHours", "gauge", "cargoKinds", "dangerousGoodsClasses",
         "capacity", "bidirectional", "planned", "source"];

    public static IReadOnlyList<LinkEntry>? Read(ObjectReader root)
    {
        var items = root.Objects("links", true, "a list of links", "a link object");
        if (items is null) return null;
        var links = items.Select(item => ReadLink(item.Item, item.Index)).ToList();
        SectionChecks.UniqueIds(root.Context, links.Select(l => (l.Id, $"links[{l.Index}].id")), "link id");
        return links;
    }

    private static LinkEntry ReadLink(ObjectReader l, int index)
    {
        var ctx = l.Context;
        int errorsBefore = ctx.ErrorCount;
        l.AllowOnly(Properties);

        string? id = l.String("id");
        string? from = l.String("from", expected: "a node id");
        string? to = l.String("to", expected: "a node id");
        if (from is not null && from == to)
            ctx.Error(l.PathOf("to"), ReadContext.Quote(to), $"a node other than \"from\" ({from})");
        TransportMode? mode = l.Enum<TransportMode>("mode");
        double? distance = l.Number("distanceKm", $"a distance in km > 0 and ≤ {MaxDistanceKm:0}", v => v is > 0 and <= MaxDistanceKm);
        var running = l.Distribution("runningHours");
        int? gauge = ReadGauge(l, mode);
        var cargoKinds = l.EnumSet<CargoKind>("cargoKinds", true, allowEmpty: false);
        // Absent means no dangerous goods at all: the safe reading of a link nobody has checked.
        var dangerousGoods = l.DangerousGoodsClasses() ?? new HashSet<int>();
        var capacity = CapacityReader.ReadAnnual(l, "capacity");
        bool bidirectional = l.Bool("bidirectional", true);
        bool planned = l.Bool("planned", false);
        string? source = l.Source();

        Link? model = ctx.ErrorCount > errorsBefore ? null : new Link
        {
            Id = id!, From = from!, To = to!, Mode = mode!.Value, DistanceKm = distance!.Value, RunningTime = running!,
            Gauge = gauge, CargoKinds = cargoKinds!, DangerousGoodsClasses = dangerousGoods, Capacity = capacity,
            Bidirectional = bidirectional, Planned = planned, Source = source!,
        };
        return new LinkEntry(index, id, from, to, mode, gauge, bidirectional, planned, model);
    }

    /// <summary>A rail link needs its gauge (it decides where wagons must change); no other mode has one.</summary>
    private static int? ReadGauge(ObjectReader l, TransportMode? mode)
    {
        string expected = $"a track gauge in mm for a rail link, one of {FormatNames.RealGaugesText}";
        if (mode is null) return l.Int("gauge", expected, FormatNames.RealGauges.Contains, required: false);
        if (mode == TransportMode.Rail) return l.Int("gauge", expected, FormatNames.RealGauges.Contains);
        if (l.TryGet("gauge", false, "", out var found))
            l.Context.Error(l.PathOf("gauge"), found, $"no gauge on a {FormatNames.CamelCase(mode.Value)} link");
        return null;
    }
}
