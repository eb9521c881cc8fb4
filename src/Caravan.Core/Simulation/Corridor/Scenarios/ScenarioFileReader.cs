using System.Text.Json;
using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// Reads one scenario file (format in docs/scenarios.md), reporting every problem with its path; it checks values
/// and shapes, while references to the network (node and service ids) are checked when the model is built.
/// </summary>
internal static class ScenarioFileReader
{
    public const int FormatVersion = 1;
    private const string DaysExpected = "a number of days > 0";
    private const string ScaleExpected = "a factor ≥ 0";

    private static readonly string[] TopLevel =
    [
        "formatVersion", "name", "description", "extends", "network", "warmupDays", "horizonDays", "includePlanned", "avoidCountries",
        "demandScale", "seasonality", "originBacklogLimitDays", "demand", "nodes", "services", "ferries", "locomotives",
        "weather", "notes",
    ];

    public static (ScenarioFile? File, IReadOnlyList<ScenarioError> Errors) Read(string json, string file)
    {
        var ctx = new ReadContext(file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, [new ScenarioError(file, "", null, $"valid JSON{where}: {e.Message.Split('.')[0]}")]);
        }
        using (doc)
        {
            var root = ctx.Object(doc.RootElement, "", "a scenario object");
            if (root is null) return (null, ctx.Errors.Select(ScenarioError.From).ToList());
            var result = ReadRoot(root, file);
            var errors = ctx.Errors.Select(ScenarioError.From).ToList();
            return (errors.Count == 0 ? result : null, errors);
        }
    }

    private static ScenarioFile ReadRoot(ObjectReader r, string file)
    {
        r.AllowOnly(TopLevel);
        r.Int("formatVersion", $"{FormatVersion}", v => v == FormatVersion);
        var s = new ScenarioFile
        {
            File = file,
            Name = r.String("name", expected: "the scenario's name, e.g. \"baseline-2024\""),
            Description = r.String("description", required: false),
            Extends = r.String("extends", required: false, expected: "the name of the scenario this one changes"),
            Network = r.String("network", required: false, expected: "the path of a network file, relative to this scenario file"),
            WarmupDays = r.Number("warmupDays", "a number of days ≥ 0", v => v >= 0, required: false),
            HorizonDays = r.Number("horizonDays", DaysExpected, v => v > 0, required: false),
            IncludePlanned = r.Has("includePlanned") ? r.Bool("includePlanned", false) : null,
            AvoidCountries = Countries(r, "avoidCountries"),
            DemandScale = r.Number("demandScale", ScaleExpected, v => v >= 0, required: false),
            Seasonality = Months(r, "seasonality", "12 monthly demand factors, January to December, each ≥ 0 and averaging 1"),
            OriginBacklogLimitDays = r.Number("originBacklogLimitDays", DaysExpected, v => v > 0, required: false),
        };
        if (s.Seasonality is { } months && Math.Abs(months.Average() - 1) > 0.01)
            r.Context.Error(r.PathOf("seasonality"), string.Join(", ", months), "12 factors averaging 1 (now " + months.Average().ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + ")");

        ReadDemand(r, s);
        ReadMap(r, "nodes", "node capacities by node id", (o, key) => s.Nodes[key] = ReadNode(o, file));
        ReadMap(r, "services", "service changes by service id", (o, key) => s.Services[key] = ReadService(o, file));
        ReadMap(r, "ferries", "ferry fleets by sail-when-full service id", (o, key) => s.Ferries[key] = ReadFerry(o, file));
        ReadMap(r, "locomotives", "locomotive pools by operator name", (o, key) => s.Locomotives[key] = ReadPool(o, file));
        if (r.Element.TryGetProperty("weather", out var w) && w.ValueKind == JsonValueKind.Null) s.WeatherCleared = true;
        else if (r.Object("weather", false, "storm closures: {ports, stormsPerMonth, durationHours, source}") is { } wo) s.Weather = ReadWeather(wo, file);
        return s;
    }

    private static void ReadDemand(ObjectReader r, ScenarioFile s)
    {
        var items = r.Objects("demand", false, "a list of demand streams", "a demand stream {id, from, to, cargo, teuPerYear or tonnesPerYear, source}");
        if (items is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (o, _) in items)
        {
            string? id = o.String("id", expected: "a stream id, unique in the file");
            if (id is not null && !seen.Add(id)) o.Context.Error(o.PathOf("id"), ReadContext.Quote(id), "a stream id not used before in this file");
            if (o.Bool("remove", false))
            {
                o.AllowOnly("id", "remove");
                if (id is not null) s.RemovedDemand.Add(id);
                continue;
            }
            o.AllowOnly("id", "from", "to", "cargo", "teuPerYear", "tonnesPerYear", "seasonality", "consignmentUnits", "route",
                "fastestShare", "blockTrainShare", "routing", "valueOfTimeUsdPerDay", "avoidCountries", "avoidNodes", "source", "remove");
            string? from = o.String("from", expected: "an origin node id");
            string? to = o.String("to", expected: "a destination node id");
            CargoKind? cargo = o.Enum<CargoKind>("cargo");
            double? teu = o.Number("teuPerYear", "TEU per year > 0", v => v > 0, required: false);
            double? tonnes = o.Number("tonnesPerYear", "tonnes per year > 0", v => v > 0, required: false);
            if (cargo == CargoKind.Container && !o.Has("teuPerYear") && !o.Has("tonnesPerYear"))
                o.Context.Error(o.PathOf("teuPerYear"), null, "the yearly volume of a container stream: teuPerYear (or tonnesPerYear)");
            if (cargo is not null and not CargoKind.Container && teu is not null)
                o.Context.Error(o.PathOf("teuPerYear"), teu.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "tonnesPerYear for a stream that is not containers");
            if (cargo is not null and not CargoKind.Container && !o.Has("tonnesPerYear") && !o.Has("teuPerYear"))
                o.Context.Error(o.PathOf("tonnesPerYear"), null, "the yearly volume in tonnes > 0");
            if (teu is not null && tonnes is not null)
                o.Context.Error(o.PathOf("tonnesPerYear"), tonnes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "one volume only: teuPerYear or tonnesPerYear");
            var seasonality = Months(o, "seasonality", "12 monthly factors, January to December, each ≥ 0");
            int units = o.Int("consignmentUnits", "a whole number of units (wagon loads) per consignment, 1 to 10000", v => v is >= 1 and <= 10000, required: false) ?? 1;
            RouteChoice route = RouteChoice.Cheapest;
            if (o.String("route", required: false, expected: "cheapest or fastest") is { } rt)
            {
                if (rt == "fastest") route = RouteChoice.Fastest;
                else if (rt != "cheapest") o.Context.Error(o.PathOf("route"), ReadContext.Quote(rt), "cheapest or fastest");
            }
            double share = o.Number("fastestShare", "a share between 0 and 1", v => v is >= 0 and <= 1, required: false) ?? 0;
            double blockTrainShare = o.Number("blockTrainShare", "a share between 0 and 1", v => v is >= 0 and <= 1, required: false) ?? 0;
            if (share + blockTrainShare > 1 + 1e-9)
                o.Context.Error(o.PathOf("blockTrainShare"), blockTrainShare.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"a share that leaves room for fastestShare ({share.ToString(System.Globalization.CultureInfo.InvariantCulture)}): the two add up to at most 1");
            Routing routing = Routing.Adaptive;
            if (o.String("routing", required: false, expected: "adaptive or fixed") is { } rg)
            {
                if (rg == "fixed") routing = Routing.Fixed;
                else if (rg != "adaptive") o.Context.Error(o.PathOf("routing"), ReadContext.Quote(rg), "adaptive or fixed");
            }
            double? valueOfTime = o.Number("valueOfTimeUsdPerDay", "USD per unit and day, 0 to 100,000", v => v is >= 0 and <= 100_000, required: false);
            string? source = o.Source();
            if (id is null || from is null || to is null || cargo is null || source is null) continue;
            s.Demand.Add(new DemandStream
            {
                Id = id, From = from, To = to, Cargo = cargo.Value, TeuPerYear = teu, TonnesPerYear = tonnes,
                Seasonality = seasonality, ConsignmentUnits = units, Route = route, FastestShare = share, BlockTrainShare = blockTrainShare,
                Routing = routing, ValueOfTimeUsdPerDay = valueOfTime,
                AvoidCountries = Countries(o, "avoidCountries"),
                AvoidNodes = o.Strings("avoidNodes", false, "a list of node ids", "a node id") ?? [],
                Source = source, File = s.File, Path = o.Path,
            });
        }
    }

    private static NodeOverride ReadNode(ObjectReader o, string file)
    {
        o.AllowOnly("teuPerYear", "tonnesPerYear", "capacityScale", "source");
        return new NodeOverride
        {
            TeuPerYear = o.Number("teuPerYear", "TEU per year > 0", v => v > 0, required: false),
            TonnesPerYear = o.Number("tonnesPerYear", "tonnes per year > 0", v => v > 0, required: false),
            CapacityScale = o.Number("capacityScale", "a factor > 0", v => v > 0, required: false) ?? 1,
            Source = o.Source() ?? "", File = file, Path = o.Path,
        };
    }

    private static ServiceOverride ReadService(ObjectReader o, string file)
    {
        o.AllowOnly("capacityScale", "capacityPerDeparture", "everyHours", "disabled", "source");
        DepartureCapacity? capacity = null;
        if (o.Object("capacityPerDeparture", false, "{teu, wagons, tonnes}") is { } c)
        {
            c.AllowOnly("teu", "wagons", "tonnes");
            capacity = new DepartureCapacity(
                c.Number("teu", "TEU > 0", v => v > 0, required: false),
                c.Number("wagons", "wagons > 0", v => v > 0, required: false),
                c.Number("tonnes", "tonnes > 0", v => v > 0, required: false));
            if (capacity.Teu is null && capacity.Wagons is null && capacity.Tonnes is null)
                o.Context.Error(c.Path, "{}", "at least one of teu, wagons, tonnes");
        }
        return new ServiceOverride
        {
            CapacityScale = o.Number("capacityScale", "a factor > 0 (2 = twice the trains per departure slot)", v => v > 0, required: false) ?? 1,
            CapacityPerDeparture = capacity,
            EveryHours = o.Number("everyHours", "hours between departures > 0", v => v > 0, required: false),
            Disabled = o.Bool("disabled", false),
            Source = o.Source() ?? "", File = file, Path = o.Path,
        };
    }

    private static FerryFleet ReadFerry(ObjectReader o, string file)
    {
        o.AllowOnly("vessels", "maxWaitHours", "turnaroundHours", "source");
        return new FerryFleet
        {
            Vessels = o.Int("vessels", "a whole number of vessels, 1 to 1000", v => v is >= 1 and <= 1000, required: false),
            MaxWaitHours = o.Number("maxWaitHours", "hours > 0", v => v > 0, required: false),
            TurnaroundHours = o.Number("turnaroundHours", "hours ≥ 0", v => v >= 0, required: false),
            Source = o.Source() ?? "", File = file, Path = o.Path,
        };
    }

    private static LocomotivePool ReadPool(ObjectReader o, string file)
    {
        o.AllowOnly("locomotives", "turnaroundHours", "source");
        return new LocomotivePool
        {
            Locomotives = o.Int("locomotives", "a whole number of locomotives, 1 to 100000", v => v is >= 1 and <= 100000) ?? 1,
            TurnaroundHours = o.Number("turnaroundHours", "hours ≥ 0", v => v >= 0, required: false) ?? 12,
            Source = o.Source() ?? "", File = file, Path = o.Path,
        };
    }

    private static Weather? ReadWeather(ObjectReader o, string file)
    {
        o.AllowOnly("ports", "stormsPerMonth", "durationHours", "source");
        var ports = o.Strings("ports", true, "a non-empty list of port node ids", "a node id", allowEmpty: false);
        IReadOnlyList<double>? storms = null;
        if (o.TryGet("stormsPerMonth", true, "storms per month: a number ≥ 0 or 12 numbers", out var v))
        {
            if (v.ValueKind == JsonValueKind.Number)
                storms = o.ReadNumber(v, o.PathOf("stormsPerMonth"), "a number ≥ 0", x => x >= 0) is { } x1 ? Enumerable.Repeat(x1, 12).ToList() : null;
            else
                storms = Months(o, "stormsPerMonth", "12 numbers ≥ 0 (storms expected in each month) or one number");
        }
        var duration = o.Distribution("durationHours");
        string? source = o.Source();
        return ports is null || storms is null || duration is null || source is null ? null
            : new Weather { Ports = ports, StormsPerMonth = storms, Duration = duration, Source = source, File = file, Path = o.Path };
    }

    private static void ReadMap(ObjectReader r, string name, string expected, Action<ObjectReader, string> read)
    {
        var map = r.Object(name, false, $"an object of {expected}");
        if (map is null) return;
        foreach (var property in map.Element.EnumerateObject())
            if (r.Context.Object(property.Value, map.PathOf(property.Name), $"an object ({expected})") is { } o) read(o, property.Name);
    }

    private static IReadOnlyList<string>? Countries(ObjectReader r, string name) =>
        r.Strings(name, false, "a list of ISO 3166-1 alpha-2 country codes", "a two-letter country code");

    private static IReadOnlyList<double>? Months(ObjectReader r, string name, string expected)
    {
        var items = r.Array(name, false, expected);
        if (items is null) return null;
        if (items.Count != 12)
        {
            r.Context.Error(r.PathOf(name), $"{items.Count} values", expected);
            return null;
        }
        var values = items.Select(i => r.ReadNumber(i.Value, i.Path, "a factor ≥ 0", x => x >= 0)).ToList();
        return values.All(x => x is not null) ? values.Select(x => x!.Value).ToList() : null;
    }
}
