namespace Caravan.Network;

/// <summary>What the cross-reference checks need of a transshipment rule.</summary>
internal sealed record TransshipmentEntry(
    int Index, string? Id, string? Node, int? FromGauge, int? ToGauge, string? Currency, string? HubOperation, Transshipment? Model);

/// <summary>Reads the <c>transshipments</c> section (optional: a network without changes of mode or gauge needs none).</summary>
internal static class TransshipmentsReader
{
    private static readonly string[] Properties =
        ["id", "node", "fromMode", "toMode", "fromGauge", "toGauge", "hours", "cost", "hubOperation", "source"];

    public static IReadOnlyList<TransshipmentEntry>? Read(ObjectReader root)
    {
        var items = root.Objects("transshipments", false, "a list of transshipment rules", "a transshipment object");
        if (items is null) return root.Has("transshipments") ? null : [];
        var rules = items.Select(item => Read(item.Item, item.Index)).ToList();
        SectionChecks.UniqueIds(root.Context, rules.Select(t => (t.Id, $"transshipments[{t.Index}].id")), "transshipment id");
        return rules;
    }

    private static TransshipmentEntry Read(ObjectReader t, int index)
    {
        var ctx = t.Context;
        int errorsBefore = ctx.ErrorCount;
        t.AllowOnly(Properties);

        string? id = t.String("id");
        string? node = t.String("node", expected: "a node id");
        TransportMode? fromMode = t.Enum<TransportMode>("fromMode");
        TransportMode? toMode = t.Enum<TransportMode>("toMode");
        int? fromGauge = ReadGauge(t, "fromGauge", fromMode);
        int? toGauge = ReadGauge(t, "toGauge", toMode);
        var time = t.Distribution("hours");
        var (cost, currency) = ReadCost(t);
        string? hubOperation = t.String("hubOperation", required: false, expected: "a hub operation id from emissions.hubOperations");
        string? source = t.Source();

        Transshipment? model = ctx.ErrorCount > errorsBefore ? null : new Transshipment
        {
            Id = id!, Node = node!, FromMode = fromMode!.Value, ToMode = toMode!.Value, FromGauge = fromGauge, ToGauge = toGauge,
            Time = time!, Cost = cost!, Currency = currency!, HubOperation = hubOperation, Source = source!,
        };
        return new TransshipmentEntry(index, id, node, fromGauge, toGauge, currency, hubOperation, model);
    }

    /// <summary>A gauge narrows a rule to rail vehicles of that gauge; on any other mode it would never match.</summary>
    private static int? ReadGauge(ObjectReader t, string name, TransportMode? mode)
    {
        if (mode is { } m && m != TransportMode.Rail)
        {
            if (t.TryGet(name, false, "", out var found))
                t.Context.Error(t.PathOf(name), found, $"no gauge when the mode is {FormatNames.CamelCase(m)}");
            return null;
        }
        return t.Int(name, $"a track gauge in mm, one of {FormatNames.RealGaugesText}", FormatNames.RealGauges.Contains, required: false);
    }

    private static (TransshipmentCost? Cost, string? Currency) ReadCost(ObjectReader t)
    {
        var c = t.Object("cost", true, "a cost, e.g. {\"currency\": \"USD\", \"perTeu\": 60}");
        if (c is null) return (null, null);
        c.AllowOnly("currency", "perShipment", "perTeu", "perTonne", "perWagon");
        string? currency = c.String("currency", expected: "a currency code from currencies.ratesToQuote");
        // Parts left out cost nothing: most rules charge by one or two units only.
        decimal? Part(string name) => c.Decimal(name, "an amount ≥ 0", v => v >= 0, required: false) ?? (c.Has(name) ? null : 0m);
        decimal? perShipment = Part("perShipment"), perTeu = Part("perTeu"), perTonne = Part("perTonne"), perWagon = Part("perWagon");
        return perShipment is { } a && perTeu is { } b && perTonne is { } d && perWagon is { } e
            ? (new TransshipmentCost(a, b, d, e), currency)
            : (null, currency);
    }
}
