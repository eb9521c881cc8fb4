using System.Text.Json.Serialization;
using Caravan.Network;
using Caravan.Planning;

namespace Caravan.Contracts;

/// <summary>The document `caravan quote --json` writes (docs/cli-json.md, "quote").</summary>
public sealed record QuoteJson(
    NetworkRefJson Network,
    RequestJson Request,
    int Option,
    int OptionCount,
    bool Cheapest,
    IReadOnlyList<string> Route,
    TimeJson Departure,
    TimeJson Arrival,
    string QuoteCurrency,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    ExchangeRatesJson ExchangeRates,
    IReadOnlyList<QuoteLegJson> Legs,
    IReadOnlyList<ChargeJson> ItineraryCharges,
    IReadOnlyList<CarrierTotalJson> ByCarrier,
    IReadOnlyList<CategoryTotalJson> ByCategory)
{
    /// <summary>Which shape this document has (docs/cli-json.md): raised when a field changes meaning or goes.</summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 1;

    public static QuoteJson Of(ItineraryQuote q, PlanResult result, NetworkModel network) => new(
        NetworkRefJson.Of(network),
        RequestJson.Of(result.Request, network),
        q.Option,
        q.OptionCount,
        q.Cheapest,
        [.. DocumentValues.RouteNodes(q.Itinerary).Select(n => n.Id)],
        TimeJson.At(q.Itinerary.Departure, network.GetNode(result.Request.From)),
        TimeJson.At(q.Itinerary.Arrival, network.GetNode(result.Request.To)),
        result.QuoteCurrency,
        q.Total,
        ExchangeRatesJson.Of(network.Currencies),
        [.. q.Legs.Select(l => new QuoteLegJson(
            l.Number, ServiceRefJson.Of(l.Leg.Service), NodeRefJson.Of(l.Leg.From), NodeRefJson.Of(l.Leg.To),
            l.Total, [.. l.Charges.Select(ChargeJson.Of)]))],
        [.. q.ItineraryCharges.Select(ChargeJson.Of)],
        [.. q.ByCarrier.Select(kv => new CarrierTotalJson(kv.Key, kv.Value))],
        [.. q.ByCategory.Select(kv => new CategoryTotalJson(kv.Key, kv.Value))]);
}

public sealed record QuoteLegJson(
    int Leg, ServiceRefJson Service, NodeRefJson From, NodeRefJson To,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total,
    IReadOnlyList<ChargeJson> Charges);

public sealed record CarrierTotalJson(string Carrier, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount);

public sealed record CategoryTotalJson(ChargeCategory Category, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount);
