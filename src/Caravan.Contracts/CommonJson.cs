using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using Caravan.Tariffs;
using NodaTime;
using NodaTime.Text;
using Caravan.Planning.Requests;

namespace Caravan.Contracts;

// The shapes shared by the plan, quote and network documents. docs/cli-json.md describes every field.
// `caravan plan/quote/network show --json` and the HTTP API both write these types (the CLI references this project
// to host `caravan serve`), so the two answer in one shape by construction.

/// <summary>An instant as local time at a node (with its offset) and as UTC.</summary>
public sealed record TimeJson([property: DataType(DataType.DateTime)] string Local, [property: DataType(DataType.DateTime)] string Utc, string TimeZone)
{
    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", null);
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    public static TimeJson At(Instant instant, Node node) =>
        new(LocalPattern.Format(instant.InZone(node.TimeZone)), UtcPattern.Format(instant), node.TimeZoneId);
}

public sealed record NodeRefJson(string Id, string Name, string Country, string TimeZone)
{
    public static NodeRefJson Of(Node node) => new(node.Id, node.Name, node.Country, node.TimeZoneId);
}

public sealed record NetworkRefJson(string Name, string Version, string Origin)
{
    public static NetworkRefJson Of(NetworkModel network) => new(network.Name, network.Version, network.Origin);
}

/// <summary>Grams of CO2e (ISO 14083 / GLEC: well-to-wheel and tank-to-wheel) and tonne-km.</summary>
public sealed record EmissionsJson(double TransportActivityTkm, double Co2eWtwGrams, double Co2eTtwGrams)
{
    public static EmissionsJson Of(EmissionResult e) =>
        new(Math.Round(e.TransportActivityTkm, 1), Math.Round(e.Co2eWTW), Math.Round(e.Co2eTTW));
}

public sealed record ChargeJson(
    string Carrier,
    ChargeCategory Category,
    string Label,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount,
    string Currency,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal AmountInQuote)
{
    public static ChargeJson Of(Charge c) => new(c.Carrier, c.Category, c.Label, c.Amount, c.Currency, c.AmountInQuote);
}

public sealed record ExchangeRatesJson(string QuoteCurrency, [property: DataType(DataType.Date)] string Date, string Source, IReadOnlyDictionary<string, decimal> RatesToQuote)
{
    public static ExchangeRatesJson Of(CurrencyTable table) =>
        new(table.QuoteCurrency, table.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), table.Source, table.RatesToQuote);
}

public sealed record CargoJson(
    CargoKind Kind, string Description, int Containers20, int Containers40, double Teu, int Wagons,
    double GrossTonnes, int? DangerousGoodsClass, bool Reefer, bool Oversize)
{
    public static CargoJson Of(Cargo c) => new(
        c.Kind, c.ToString(), c.Containers20, c.Containers40, c.Teu, (int)c.Wagons, c.GrossTonnes,
        c.DangerousGoodsClass, c.Reefer, c.Oversize);
}

public sealed record ConstraintsJson(IReadOnlyList<string> AvoidCountries, IReadOnlyList<string> AvoidNodes, IReadOnlyList<TransportMode> AvoidModes, bool IncludePlanned)
{
    public static ConstraintsJson Of(PlanConstraints c) => new(
        [.. c.AvoidCountries.Order(StringComparer.Ordinal)], [.. c.AvoidNodes.Order(StringComparer.Ordinal)], [.. c.AvoidModes.Order()], c.IncludePlanned);
}

/// <summary>The request as the planner received it, names resolved.</summary>
public sealed record RequestJson(
    NodeRefJson From, NodeRefJson To, CargoJson Cargo, TimeJson Ready, TimeJson? Deadline,
    ConstraintsJson Constraints, int Samples, ulong Seed)
{
    public static RequestJson Of(PlanRequest r, NetworkModel network)
    {
        var from = network.GetNode(r.From);
        var to = network.GetNode(r.To);
        return new(
            NodeRefJson.Of(from), NodeRefJson.Of(to), CargoJson.Of(r.Cargo),
            TimeJson.At(r.ReadyTime, from), r.Deadline is { } d ? TimeJson.At(d, to) : null,
            ConstraintsJson.Of(r.Constraints), r.Samples, r.Seed);
    }
}

public sealed record ServiceRefJson(string Id, string Name, string Operator, string Carrier, TransportMode Mode)
{
    public static ServiceRefJson Of(Service s) => new(s.Id, s.Name, s.Operator, s.Carrier, s.Mode);
}
