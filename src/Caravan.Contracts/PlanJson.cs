using System.Text.Json.Serialization;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Requests;

namespace Caravan.Contracts;

/// <summary>The document `caravan plan --json` writes (docs/cli-json.md, "plan").</summary>
public sealed record PlanJson(
    NetworkRefJson Network,
    RequestJson Request,
    string QuoteCurrency,
    ExchangeRatesJson ExchangeRates,
    IReadOnlyList<ItineraryJson> Itineraries)
{
    /// <summary>Which shape this document has (docs/cli-json.md): raised when a field changes meaning or goes.</summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 1;

    public static PlanJson Of(PlanResult result, NetworkModel network) => new(
        NetworkRefJson.Of(network),
        RequestJson.Of(result.Request, network),
        result.QuoteCurrency,
        ExchangeRatesJson.Of(network.Currencies),
        [.. result.Itineraries.Select((it, i) => ItineraryJson.Of(i + 1, it, result.Request, network))]);
}

public sealed record ItineraryJson(
    int Option,
    IReadOnlyList<string> Route,
    TimeJson Departure,
    TimeJson Arrival,
    double DurationHours,
    ArrivalPercentilesJson ArrivalPercentiles,
    double? OnTimeProbability,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal TotalCost,
    EmissionsJson Emissions,
    IReadOnlyList<LegJson> Legs,
    IReadOnlyList<ChargeJson> Charges)
{
    public static ItineraryJson Of(int option, Itinerary it, PlanRequest request, NetworkModel network)
    {
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        return new(
            option,
            [.. DocumentValues.RouteNodes(it).Select(n => n.Id)],
            TimeJson.At(it.Departure, from),
            TimeJson.At(it.Arrival, to),
            Math.Round(it.Duration.TotalHours, 2),
            ArrivalPercentilesJson.Of(it, to),
            it.OnTimeProbability is { } p ? Math.Round(p, 4) : null,
            it.TotalCost,
            EmissionsJson.Of(it.Emissions),
            [.. it.Legs.Select(LegJson.Of)],
            [.. it.Charges.Select(ChargeJson.Of)]);
    }
}

/// <summary>Arrival percentiles at the destination, and the same as days after the cargo was ready (door to door).</summary>
public sealed record ArrivalPercentilesJson(TimeJson P10, TimeJson P50, TimeJson P90, double P10Days, double P50Days, double P90Days, int Samples)
{
    public static ArrivalPercentilesJson Of(Itinerary it, Node to)
    {
        var d = it.ArrivalDistribution;
        double Days(NodaTime.Instant at) => Math.Round((at - it.ReadyTime).TotalDays, 2);
        return new(TimeJson.At(d.P10, to), TimeJson.At(d.P50, to), TimeJson.At(d.P90, to), Days(d.P10), Days(d.P50), Days(d.P90), d.Samples);
    }
}

public sealed record TransshipmentJson(string Id, TransportMode FromMode, TransportMode ToMode, int? FromGauge, int? ToGauge, double Hours);

public sealed record LegJson(
    ServiceRefJson Service,
    NodeRefJson From,
    NodeRefJson To,
    IReadOnlyList<string> Links,
    double DistanceKm,
    TimeJson ArrivedAtBoardingNode,
    double DwellHours,
    TransshipmentJson? Transshipment,
    double WaitHours,
    TimeJson Departure,
    TimeJson Arrival,
    int DeparturesUsed,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Cost,
    IReadOnlyList<ChargeJson> Charges,
    EmissionsJson Emissions,
    EmissionsJson TransshipmentEmissions)
{
    public static LegJson Of(ItineraryLeg leg) => new(
        ServiceRefJson.Of(leg.Service),
        NodeRefJson.Of(leg.From),
        NodeRefJson.Of(leg.To),
        [.. leg.Links.Select(l => l.Link.Id)],
        Math.Round(leg.DistanceKm, 1),
        TimeJson.At(leg.ArrivedAtBoardingNode, leg.From),
        Math.Round(leg.Dwell.TotalHours, 2),
        leg.Transshipment is { } t
            ? new TransshipmentJson(t.Id, t.FromMode, t.ToMode, t.FromGauge, t.ToGauge, Math.Round(leg.TransshipmentTime.TotalHours, 2))
            : null,
        Math.Round(leg.Wait.TotalHours, 2),
        TimeJson.At(leg.Departure, leg.From),
        TimeJson.At(leg.Arrival, leg.To),
        leg.DeparturesUsed,
        leg.Charges.Sum(c => c.AmountInQuote),
        [.. leg.Charges.Select(ChargeJson.Of)],
        EmissionsJson.Of(leg.Emissions),
        EmissionsJson.Of(leg.TransshipmentEmissions));
}
