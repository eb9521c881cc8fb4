namespace Caravan.Network;

/// <summary>What the cross-reference checks need of a service. Its model's legs are resolved after all links are read.</summary>
internal sealed record ServiceEntry(
    int Index, string? Id, string? Carrier, TransportMode? Mode, IReadOnlyList<string?> Stops, string? VehicleClass,
    bool Planned, Service? Model);

/// <summary>Reads the <c>services</c> section.</summary>
internal static class ServicesReader
{
    private static readonly string[] Properties =
        ["id", "name", "operator", "carrier", "mode", "stops", "departures", "capacityPerDeparture", "vehicleClass",
         "cargoKinds", "dangerousGoodsClasses", "loadFactor", "emptyRunning", "product", "planned", "source"];

    public static IReadOnlyList<ServiceEntry>? Read(ObjectReader root)
    {
        var items = root.Objects("services", true, "a list of services", "a service object");
        if (items is null) return null;
        var services = items.Select(item => ReadService(item.Item, item.Index)).ToList();
        SectionChecks.UniqueIds(root.Context, services.Select(s => (s.Id, $"services[{s.Index}].id")), "service id");
        return services;
    }

    private static ServiceEntry ReadService(ObjectReader s, int index)
    {
        var ctx = s.Context;
        int errorsBefore = ctx.ErrorCount;
        s.AllowOnly(Properties);

        string? id = s.String("id");
        string? name = s.String("name");
        string? @operator = s.String("operator", expected: "who runs the vehicles, e.g. \"ASCO\"");
        string? carrier = s.String("carrier", expected: "the carrier whose tariff applies, e.g. \"KTZ\"");
        TransportMode? mode = s.Enum<TransportMode>("mode");
        var stops = ReadStops(s);
        var departures = DeparturesReader.Read(s);
        var capacity = ReadCapacity(s);
        string? vehicleClass = s.String("vehicleClass", expected: "an emission vehicle class id");
        var cargoKinds = s.EnumSet<CargoKind>("cargoKinds", false, allowEmpty: false);
        var dangerousGoods = s.DangerousGoodsClasses();
        double? loadFactor = s.Number("loadFactor", "a load factor > 0 and ≤ 1", v => v is > 0 and <= 1, required: false);
        double? emptyRunning = s.Number("emptyRunning", "an empty-running share 0 to 2", v => v is >= 0 and <= 2, required: false);
        ServiceProduct product = s.Enum<ServiceProduct>("product", required: false) ?? ServiceProduct.Standard;
        bool planned = s.Bool("planned", false);
        string? source = s.Source();

        Service? model = ctx.ErrorCount > errorsBefore ? null : new Service
        {
            Id = id!, Name = name!, Operator = @operator!, Carrier = carrier!, Mode = mode!.Value,
            Stops = stops.Select(x => x!).ToList(), Legs = [], Departures = departures!, CapacityPerDeparture = capacity!,
            VehicleClass = vehicleClass!, CargoKinds = cargoKinds, DangerousGoodsClasses = dangerousGoods,
            LoadFactor = loadFactor, EmptyRunning = emptyRunning, Product = product, Planned = planned, Source = source!,
        };
        return new ServiceEntry(index, id, carrier, mode, stops, vehicleClass, planned, model);
    }

    /// <summary>Stop ids in running order; an item that is not a string stays in the list as null to keep indexes.</summary>
    private static IReadOnlyList<string?> ReadStops(ObjectReader s)
    {
        const string expected = "at least 2 stops: node ids in running order";
        var items = s.Array("stops", true, expected);
        if (items is null) return [];
        if (items.Count < 2 && s.TryGet("stops", true, expected, out var found)) s.Context.Error(s.PathOf("stops"), found, expected);
        return items.Select(i => s.ReadString(i.Value, i.Path, "a node id")).ToList();
    }

    private static DepartureCapacity? ReadCapacity(ObjectReader s)
    {
        const string expected = "a capacity per departure in at least one unit, e.g. {\"teu\": 110, \"wagons\": 55}";
        var c = s.Object("capacityPerDeparture", true, expected);
        if (c is null) return null;
        c.AllowOnly("teu", "wagons", "tonnes");
        double? teu = c.Number("teu", "TEU per departure > 0", v => v > 0, required: false);
        double? wagons = c.Number("wagons", "wagons per departure > 0", v => v > 0, required: false);
        double? tonnes = c.Number("tonnes", "tonnes per departure > 0", v => v > 0, required: false);
        // A unit written but invalid is reported on its own; only a capacity with no unit at all is reported here.
        if (!c.Has("teu") && !c.Has("wagons") && !c.Has("tonnes"))
            s.Context.Error(c.Path, c.Element, expected);
        return teu is null && wagons is null && tonnes is null ? null : new DepartureCapacity(teu, wagons, tonnes);
    }
}
