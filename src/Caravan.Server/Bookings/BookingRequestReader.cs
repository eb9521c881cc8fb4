using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caravan.Network;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Server.Requests;
using Caravan.Server.Schedules;
using Caravan.Shipments;
using Caravan.Storage;
using Caravan.Tariffs;
using NodaTime;

namespace Caravan.Server.Bookings;

/// <summary>
/// Checks a POST /bookings body against the network, as the planner would have built the itinerary, and turns it
/// into what the store holds: per leg the departure (service and first-stop time), the stops, the quantity the cargo
/// takes and the service's default capacity; and the price, computed here with the carriers' tariffs rather than
/// taken from the client. Every field at fault is named ("legs[1].departure").
/// </summary>
internal sealed class BookingRequestReader(NetworkModel network, NodeLookup lookup, ServiceTimetable timetable, IClock clock)
{
    public const int MaxLegs = 30;
    public const int MaxReferenceLength = 100;

    private readonly TariffCalculator _tariffs = new(network);
    private readonly PlanRequestReader _nodes = new(network, lookup, clock);

    public NewBooking Read(BookingBody body, string organisationId, string? idempotencyKey)
    {
        var errors = new FieldErrors();
        var cargo = CargoReader.Read(body.Cargo, "cargo", errors);
        if (body.Reference is { Length: > MaxReferenceLength } reference)
            errors.Add("reference", reference[..20] + "…", $"at most {MaxReferenceLength} characters");
        if (body.Legs is not { Count: > 0 and <= MaxLegs } bodyLegs)
        {
            errors.Add("legs", body.Legs is null ? null : $"{body.Legs.Count} legs", $"from 1 to {MaxLegs} legs, each {{service, departure, from, to}}");
            errors.ThrowIfAny();
            throw new InvalidOperationException("unreachable");
        }

        var legs = new List<CheckedLeg>();
        for (int i = 0; i < bodyLegs.Count; i++)
            if (ReadLeg(bodyLegs[i], i, errors) is { } leg) legs.Add(leg);
        errors.ThrowIfAny();
        CheckChain(legs, errors);
        errors.ThrowIfAny();

        var charges = new List<Charge>();
        for (int i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (!CarriesCargo(leg.Service, leg.BoardIndex, leg.AlightIndex, cargo!))
                errors.Add($"legs[{i}].service", leg.Service.Id, $"a service that carries this cargo ({cargo}) between {leg.From.Id} and {leg.To.Id}");
            else if (!_tariffs.TryPriceRide(leg.Service, leg.DistanceKm, cargo!, out var ride))
                errors.Add($"legs[{i}].service", leg.Service.Id, $"a service whose tariff prices this cargo ({cargo})");
            else charges.AddRange(ride);
            if (i > 0 && leg.Transshipment is { } t) charges.AddRange(_tariffs.PriceTransshipment(t, cargo!));
        }
        errors.ThrowIfAny();

        return new NewBooking(
            organisationId,
            idempotencyKey,
            RequestHash(body),
            cargo!.ToString(),
            QuoteSummary.Total(charges),
            _tariffs.QuoteCurrency,
            [.. legs.Select(l => new BookingLeg(new DepartureRef(l.Service.Id, l.FirstStopDeparture), l.From.Id, l.To.Id,
                Quantity(cargo, l.Service.CapacityPerDeparture), DefaultCapacity(l.Service))
            {
                // The store keeps them so that an operator's listing needs no network.
                Carrier = l.Service.Carrier,
                Operator = l.Service.Operator,
                // A vessel that sails when full has no departure to name: the leg's time is when the cargo is ready
                // at the port, and the store puts it on a voyage with room.
                Voyage = l.Service.Departures is SailWhenFullPattern s ? new VoyageTerms(Duration.FromHours(s.MaxWaitHours)) : null,
            })],
            body.Reference)
        {
            Confirm = body.Confirm == true,
        };
    }

    /// <summary>
    /// What the cargo takes of one departure, per unit, by the convention of <see cref="Cargo.LoadInDepartures"/>:
    /// containers count in TEU where the service states TEU and in wagons otherwise; other cargo in wagons; all in tonnes.
    /// </summary>
    public static Capacity Quantity(Cargo cargo, DepartureCapacity capacity)
    {
        bool countTeu = cargo.Kind == CargoKind.Container && capacity.Teu is not null;
        return new Capacity(cargo.Teu, countTeu ? 0 : cargo.Wagons, cargo.GrossTonnes);
    }

    public static Capacity DefaultCapacity(Service service) =>
        new(service.CapacityPerDeparture.Teu, service.CapacityPerDeparture.Wagons, service.CapacityPerDeparture.Tonnes);

    /// <summary>SHA-256 of the body as parsed and written back: the same request, however spaced, has the same hash.</summary>
    public static string RequestHash(BookingBody body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));

    private CheckedLeg? ReadLeg(BookingLegBody? leg, int i, FieldErrors errors)
    {
        string at = $"legs[{i}]";
        if (leg is null) { errors.Add(at, null, "an object {service, departure, from, to}"); return null; }
        var service = leg.Service is { } id ? timetable.Find(id) : null;
        if (service is null) errors.Add($"{at}.service", leg.Service, "a service id of the network (GET /network/services lists them)");
        var from = _nodes.ResolveNode(leg.From, $"{at}.from", errors);
        var to = _nodes.ResolveNode(leg.To, $"{at}.to", errors);
        if (service is null || from is null || to is null) return null;

        int board = IndexOf(service.Stops, from.Id), alight = IndexOf(service.Stops, to.Id);
        string stops = string.Join(", ", service.Stops);
        if (board < 0 || board == service.Stops.Count - 1)
            errors.Add($"{at}.from", leg.From, $"a stop where {service.Id} takes on cargo ({stops}, not the last)");
        else if (alight <= board)
            errors.Add($"{at}.to", leg.To, $"a stop of {service.Id} after {from.Id} ({stops})");
        if (string.IsNullOrWhiteSpace(leg.Departure)) errors.Add($"{at}.departure", leg.Departure, TimeReader.Expected);
        if (errors.HasAnyUnder(at)) return null;

        var departure = errors.Try(() => (Instant?)TimeReader.Read(leg.Departure!, from.TimeZone, $"{at}.departure"));
        if (departure is not { } boarding) return null;
        var first = boarding - timetable.Offset(service, board);
        if (boarding < clock.GetCurrentInstant())
            errors.Add($"{at}.departure", leg.Departure, "a departure in the future");
        else if (ServiceTimetable.HasCalendar(service) && !timetable.IsDeparture(service, first))
        {
            var next = timetable.Departures(service, first, first + Duration.FromDays(31)).Take(3)
                .Select(d => Utc.Format(d + timetable.Offset(service, board)));
            errors.Add($"{at}.departure", leg.Departure,
                $"a departure of {service.Id} from {from.Id} (the next ones: {string.Join(", ", next)})");
        }

        double km = service.Legs.Skip(board).Take(alight - board).Sum(l => l.Link.DistanceKm);
        return new CheckedLeg(i, service, from, to, board, alight, first, boarding, first + timetable.Offset(service, alight), km, null);
    }

    /// <summary>Consecutive legs meet at a node, depart after the previous arrival, and change vehicle only where a transshipment rule allows it.</summary>
    private void CheckChain(List<CheckedLeg> legs, FieldErrors errors)
    {
        for (int k = 1; k < legs.Count; k++)
        {
            var (previous, leg) = (legs[k - 1], legs[k]);
            string at = $"legs[{leg.Index}]";
            if (leg.From.Id != previous.To.Id)
            {
                errors.Add($"{at}.from", leg.From.Id, $"{previous.To.Id}, where legs[{previous.Index}] alights");
                continue;
            }
            if (leg.Boarding < previous.Arrival)
                errors.Add($"{at}.departure", Utc.Format(leg.Boarding), $"a departure at or after the arrival of legs[{previous.Index}] at {leg.From.Id} ({Utc.Format(previous.Arrival)})");
            var arriving = State(previous.Service, previous.Service.Legs[previous.AlightIndex - 1].Link);
            var leaving = State(leg.Service, leg.Service.Legs[leg.BoardIndex].Link);
            if (arriving == leaving) continue;
            var rule = network.Transshipments.FirstOrDefault(r =>
                r.Node == leg.From.Id && r.FromMode == arriving.Mode && r.ToMode == leaving.Mode
                && (r.FromGauge is null || r.FromGauge == arriving.Gauge) && (r.ToGauge is null || r.ToGauge == leaving.Gauge));
            if (rule is null)
                errors.Add($"{at}.service", leg.Service.Id, $"a service the cargo can change to at {leg.From.Id} from {previous.Service.Id} (no transshipment from {Describe(arriving)} to {Describe(leaving)} there)");
            else legs[k] = leg with { Transshipment = rule };
        }
    }

    /// <summary>The vehicle state the planner compares to decide on a transshipment: mode and, for rail, gauge.</summary>
    private static (TransportMode Mode, int Gauge) State(Service service, Link link) => (service.Mode, link.Gauge ?? 0);

    private static string Describe((TransportMode Mode, int Gauge) s) =>
        s.Gauge > 0 ? $"{s.Mode.ToString().ToLowerInvariant()} {s.Gauge.ToString(CultureInfo.InvariantCulture)} mm" : s.Mode.ToString().ToLowerInvariant();

    /// <summary>The service and every link ridden accept the cargo's kind and dangerous-goods class.</summary>
    private static bool CarriesCargo(Service service, int board, int alight, Cargo cargo)
    {
        if (service.CargoKinds is { } kinds && !kinds.Contains(cargo.Kind)) return false;
        if (cargo.DangerousGoodsClass is { } dg && service.DangerousGoodsClasses is { } classes && !classes.Contains(dg)) return false;
        foreach (var traversal in service.Legs.Skip(board).Take(alight - board))
        {
            if (!traversal.Link.CargoKinds.Contains(cargo.Kind)) return false;
            if (cargo.DangerousGoodsClass is { } c && !traversal.Link.DangerousGoodsClasses.Contains(c)) return false;
        }
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> stops, string id)
    {
        for (int i = 0; i < stops.Count; i++) if (stops[i] == id) return i;
        return -1;
    }

    private sealed record CheckedLeg(
        int Index, Service Service, Node From, Node To, int BoardIndex, int AlightIndex,
        Instant FirstStopDeparture, Instant Boarding, Instant Arrival, double DistanceKm, Transshipment? Transshipment);
}
