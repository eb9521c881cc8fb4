namespace Caravan.Network;

/// <summary>What the cross-reference checks need of a tariff: its currency and the services its rules name.</summary>
internal sealed record TariffEntry(
    int Index, string? Carrier, string? Currency, IReadOnlyList<(string Service, string Path)> RuleServices, Tariff? Model);

/// <summary>Reads the <c>tariffs</c> section: one tariff per carrier.</summary>
internal static class TariffsReader
{
    /// <summary>A surcharge of more than ten times the freight is certainly a typo (e.g. 5000 for 50 %).</summary>
    public const decimal MaxPercentOfFreight = 1000m;

    public static IReadOnlyList<TariffEntry>? Read(ObjectReader root)
    {
        var items = root.Objects("tariffs", true, "a list of tariffs, one per carrier", "a tariff object");
        if (items is null) return null;
        var tariffs = items.Select(item => ReadTariff(item.Item, item.Index)).ToList();
        SectionChecks.UniqueIds(root.Context, tariffs.Select(t => (t.Carrier, $"tariffs[{t.Index}].carrier")), "carrier (one tariff per carrier)");
        return tariffs;
    }

    private static TariffEntry ReadTariff(ObjectReader t, int index)
    {
        var ctx = t.Context;
        int errorsBefore = ctx.ErrorCount;
        t.AllowOnly("carrier", "currency", "rules", "volumeDiscounts", "source");

        string? carrier = t.String("carrier", expected: "a carrier name, as services write it");
        string? currency = t.String("currency", expected: "a currency code from currencies.ratesToQuote");
        var ruleServices = new List<(string, string)>();
        var rules = new List<TariffRule>();
        foreach (var (value, path) in t.Array("rules", true, "a non-empty list of tariff rules", allowEmpty: false) ?? [])
            if (ctx.Object(value, path, "a tariff rule object") is { } r && ReadRule(r, ruleServices) is { } rule) rules.Add(rule);
        var discounts = new List<VolumeDiscount>();
        foreach (var (value, path) in t.Array("volumeDiscounts", false, "a list of volume discounts") ?? [])
            if (ctx.Object(value, path, "a volume discount, e.g. {\"minUnits\": 10, \"percent\": 5}") is { } d && ReadDiscount(d) is { } discount)
                discounts.Add(discount);
        string? source = t.Source();

        Tariff? model = ctx.ErrorCount > errorsBefore ? null : new Tariff
        {
            Carrier = carrier!, Currency = currency!, Rules = rules, VolumeDiscounts = discounts, Source = source!,
        };
        return new TariffEntry(index, carrier, currency, ruleServices, model);
    }

    private static TariffRule? ReadRule(ObjectReader r, List<(string, string)> ruleServices)
    {
        int errorsBefore = r.Context.ErrorCount;
        r.AllowOnly("label", "category", "basis", "amount", "condition", "services", "cargoKinds");
        string? label = r.String("label", expected: "a label the shipper reads, e.g. \"Port dues Alat\"");
        ChargeCategory? category = r.Enum<ChargeCategory>("category");
        TariffBasis? basis = r.Enum<TariffBasis>("basis");
        decimal? amount = basis == TariffBasis.PercentOfFreight
            ? r.Decimal("amount", $"a percentage of freight 0 to {MaxPercentOfFreight:0}", v => v is >= 0 and <= MaxPercentOfFreight)
            : r.Decimal("amount", "an amount ≥ 0 in the tariff's currency", v => v >= 0);
        ChargeCondition condition = r.Enum<ChargeCondition>("condition", required: false) ?? ChargeCondition.Always;
        var services = r.Strings("services", false, "a non-empty list of service ids", "a service id", allowEmpty: false);
        if (services is not null)
        {
            // Keep each id's own path for the cross-reference check; the array may hold invalid items between them.
            var items = r.Array("services", false, "") ?? [];
            foreach (var (value, path) in items)
                if (value.ValueKind == System.Text.Json.JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                    ruleServices.Add((value.GetString()!, path));
        }
        var cargoKinds = r.EnumSet<CargoKind>("cargoKinds", false, allowEmpty: false);

        if (r.Context.ErrorCount > errorsBefore) return null;
        return new TariffRule
        {
            Label = label!, Category = category!.Value, Basis = basis!.Value, Amount = amount!.Value, Condition = condition,
            Services = services?.ToHashSet(StringComparer.Ordinal), CargoKinds = cargoKinds,
        };
    }

    private static VolumeDiscount? ReadDiscount(ObjectReader d)
    {
        d.AllowOnly("minUnits", "percent");
        double? minUnits = d.Number("minUnits", "units (containers, wagons or tonnes) > 0", v => v > 0);
        decimal? percent = d.Decimal("percent", "a discount in percent, 0 to 100", v => v is >= 0 and <= 100);
        return minUnits is { } m && percent is { } p ? new VolumeDiscount(m, p) : null;
    }
}
