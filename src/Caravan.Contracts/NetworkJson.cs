using System.Text.Json.Serialization;
using Caravan.Network;

namespace Caravan.Contracts;

/// <summary>The document `caravan network show --json` writes (docs/cli-json.md, "network show").</summary>
public sealed record NetworkJson(
    string Name,
    string Version,
    string? Description,
    string Origin,
    NetworkCountsJson Counts,
    ExchangeRatesJson ExchangeRates,
    string EmissionsVersion,
    IReadOnlyList<NetworkNodeJson> Nodes,
    IReadOnlyList<NetworkLinkJson> Links,
    IReadOnlyList<NetworkServiceJson> Services)
{
    /// <summary>Which shape this document has (docs/cli-json.md): raised when a field changes meaning or goes.</summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 1;

    public static NetworkJson Of(NetworkModel n) => new(
        n.Name, n.Version, n.Description, n.Origin,
        NetworkCountsJson.Of(n),
        ExchangeRatesJson.Of(n.Currencies),
        n.Emissions.Version,
        [.. n.Nodes.Select(x => new NetworkNodeJson(x.Id, x.Name, x.Aliases, x.Country, x.Kind, x.TimeZoneId, x.Latitude, x.Longitude, x.Gauges, x.Planned))],
        [.. n.Links.Select(l => new NetworkLinkJson(l.Id, l.From, l.To, l.Mode, l.DistanceKm, l.Gauge, l.Bidirectional, l.Planned))],
        [.. n.Services.Select(s => new NetworkServiceJson(
            s.Id, s.Name, s.Operator, s.Carrier, s.Mode, s.Stops, DocumentValues.DeparturePattern(s.Departures),
            new CapacityJson(s.CapacityPerDeparture.Teu, s.CapacityPerDeparture.Wagons, s.CapacityPerDeparture.Tonnes), s.Planned))]);
}

public sealed record NetworkCountsJson(int Nodes, int Links, int Services, int Transshipments, int Tariffs, int Countries)
{
    public static NetworkCountsJson Of(NetworkModel n) => new(
        n.Nodes.Count, n.Links.Count, n.Services.Count, n.Transshipments.Count, n.Tariffs.Count,
        n.Nodes.Select(x => x.Country).Distinct().Count());
}

public sealed record NetworkNodeJson(
    string Id, string Name, IReadOnlyList<string> Aliases, string Country, NodeKind Kind, string TimeZone,
    double Lat, double Lon, IReadOnlyList<int> Gauges, bool Planned);

public sealed record NetworkLinkJson(string Id, string From, string To, TransportMode Mode, double DistanceKm, int? Gauge, bool Bidirectional, bool Planned);

public sealed record CapacityJson(double? Teu, double? Wagons, double? Tonnes);

public sealed record NetworkServiceJson(
    string Id, string Name, string Operator, string Carrier, TransportMode Mode, IReadOnlyList<string> Stops,
    string Departures, CapacityJson CapacityPerDeparture, bool Planned);
