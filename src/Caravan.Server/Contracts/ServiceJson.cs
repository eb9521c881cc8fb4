using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Caravan.Contracts;
using Caravan.Network;
using Caravan.Storage;
using NodaTime;
using NodaTime.Text;

namespace Caravan.Server.Contracts;

// The documents of the service's own resources (bookings, departures, organisations, keys), in the conventions of
// the CLI's JSON: camelCase, enums as camelCase strings, times as ISO 8601 UTC strings, money with two decimals.

internal static class Utc
{
    private static readonly InstantPattern Pattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    public static string Format(Instant instant) => Pattern.Format(instant);
}

/// <summary>GET /network: the network's identity and size, without the lists (those are /network/nodes and /network/services).</summary>
internal sealed record NetworkSummaryJson(
    string Name, string Version, string? Description, string Origin, NetworkCountsJson Counts, ExchangeRatesJson ExchangeRates, string EmissionsVersion)
{
    public static NetworkSummaryJson Of(NetworkModel n) =>
        new(n.Name, n.Version, n.Description, n.Origin, NetworkCountsJson.Of(n), ExchangeRatesJson.Of(n.Currencies), n.Emissions.Version);
}

/// <summary>Capacity, held or remaining quantity per unit; null where the unit does not bind.</summary>
internal sealed record QuantityJson(double? Teu, double? Wagons, double? Tonnes)
{
    public static QuantityJson Of(Capacity c) => new(c.Teu, c.Wagons, c.Tonnes);
}

/// <summary>
/// A departure with its capacity. For a voyage of a sail-when-full vessel, <see cref="Departure"/> is when it opens
/// for loading and <see cref="Voyage"/> says when it sails; null on a scheduled departure.
/// </summary>
internal sealed record DepartureJson(
    string Id, ServiceRefJson Service, TimeJson Departure, QuantityJson Capacity, QuantityJson Held, QuantityJson Remaining,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VoyageJson? Voyage = null)
{
    public static DepartureJson Of(DepartureState s, Service service, Node firstStop) => new(
        s.Departure.Id, ServiceRefJson.Of(service), TimeJson.At(s.Departure.Time, firstStop),
        QuantityJson.Of(s.Capacity), QuantityJson.Of(s.Held), QuantityJson.Of(s.Remaining),
        s.Voyage is { } v ? VoyageJson.Of(v, firstStop) : null);
}

/// <summary>
/// When a voyage sails: when full, as soon as the last cargo aboard is ready (<see cref="Full"/>), otherwise at its
/// latest departure, its opening plus the service's maximum wait. <see cref="PlannedDeparture"/> is whichever applies now.
/// </summary>
internal sealed record VoyageJson(TimeJson OpensAt, TimeJson LatestDeparture, TimeJson PlannedDeparture, bool Full)
{
    public static VoyageJson Of(VoyageState v, Node port) =>
        new(TimeJson.At(v.OpensAt, port), TimeJson.At(v.LatestDeparture, port), TimeJson.At(v.PlannedDeparture, port), v.Full);
}

internal sealed record DepartureListJson([property: DataType(DataType.DateTime)] string From, [property: DataType(DataType.DateTime)] string To, IReadOnlyList<DepartureJson> Departures);

/// <summary>
/// One leg as held. On a sail-when-full service, <see cref="Departure"/> is the voyage the cargo was put on (GET
/// /voyages/{id} says when it sails), <see cref="DepartureTime"/> its opening and <see cref="ReadyAt"/> when the cargo is
/// ready to load, as booked; <see cref="ReadyAt"/> is left out on scheduled legs.
/// </summary>
internal sealed record BookingLegJson(
    string Departure, string Service, [property: DataType(DataType.DateTime)] string DepartureTime, string From, string To, QuantityJson Quantity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), DataType(DataType.DateTime)] string? ReadyAt = null);

internal sealed record BookingJson(
    string Id,
    string OrganisationId,
    BookingStatus Status,
    string Cargo,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal QuotedPrice,
    string Currency,
    string? Reference,
    IReadOnlyList<BookingLegJson> Legs,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string UpdatedAt,
    [property: DataType(DataType.DateTime)] string? HoldExpiresAt)
{
    public static BookingJson Of(Booking b) => new(
        b.Id, b.OrganisationId, b.Status, b.CargoDescription, b.QuotedPrice, b.Currency, b.Reference,
        [.. b.Legs.Select(l => new BookingLegJson(l.Departure.Id, l.Departure.ServiceId, Utc.Format(l.Departure.Time), l.From, l.To,
            QuantityJson.Of(l.Quantity), l.ReadyAt is { } ready ? Utc.Format(ready) : null))],
        Utc.Format(b.CreatedAt), Utc.Format(b.UpdatedAt), b.HoldExpiresAt is { } expires ? Utc.Format(expires) : null);
}

/// <summary>A page of bookings; <see cref="Next"/> is the "after" of the next page, null on the last.</summary>
internal sealed record BookingPageJson(IReadOnlyList<BookingJson> Items, string? Next);

internal sealed record BookingEventJson(long Sequence, string Action, string OrganisationId, string KeyId, string? Detail, [property: DataType(DataType.DateTime)] string At)
{
    public static BookingEventJson Of(BookingEvent e) => new(e.Sequence, e.Action, e.OrganisationId, e.KeyId, e.Detail, Utc.Format(e.At));
}

internal sealed record OrganisationJson(string Id, string Name, OrganisationRole Role, IReadOnlyList<string> Carriers, [property: DataType(DataType.DateTime)] string CreatedAt)
{
    public static OrganisationJson Of(Organisation o) => new(o.Id, o.Name, o.Role, o.Carriers, Utc.Format(o.CreatedAt));
}

/// <summary>A key; <see cref="Secret"/> only in the answer that creates it (the store keeps a hash).</summary>
internal sealed record ApiKeyJson(string Id, string OrganisationId, string Prefix, [property: DataType(DataType.DateTime)] string CreatedAt, string? Secret)
{
    public static ApiKeyJson Of(ApiKey k, string? secret) => new(k.Id, k.OrganisationId, k.Prefix, Utc.Format(k.CreatedAt), secret);
}
