using System.Globalization;
using System.Security.Claims;
using Caravan.Network;
using Caravan.Server.Auth;
using Caravan.Server.Bookings;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Server.Requests;
using Caravan.Server.Schedules;
using Caravan.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;

namespace Caravan.Server.Endpoints;

/// <summary>
/// GET /departures: scheduled departures in a window with capacity, held and remaining (the service calendar says
/// when, the store how full); PUT /departures/{id}/capacity: the operator of the service publishes its capacity.
/// </summary>
internal static class DepartureEndpoints
{
    public static readonly Duration DefaultWindow = Duration.FromDays(7);
    public static readonly Duration MaxWindow = Duration.FromDays(62);
    public const int MaxDepartures = 1000;
    /// <summary>Larger capacities are typos: the largest vessels carry about 24,000 TEU.</summary>
    public const double MaxCapacity = 1_000_000;

    public static void MapDepartureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/departures").WithTags("Departures")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/", List).WithName("listDepartures")
            .WithSummary("Departures in a time window with capacity, held and remaining")
            .WithDescription("Scheduled (timetable and interval) departures, and the voyages of sail-when-full vessels that load " +
                             "or may sail in the window (they carry `voyage`; GET /voyages lists only them). " +
                             $"`from` defaults to now, `to` to 7 days later; at most {MaxWindow.Days} days and {MaxDepartures} departures.");
        group.MapPut("/{id}/capacity", SetCapacity).WithName("setDepartureCapacity")
            .WithSummary("Publish the capacity of one departure (the operator of its service only)")
            .WithDescription("The id is SERVICE@UTC-TIME as GET /departures lists it. A unit left null does not bind. " +
                             "409 when the new capacity is below what bookings already hold.")
            .RequireAuthorization(Policies.OperatorOnly)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <param name="service">Only this service (id); default: every scheduled service.</param>
    /// <param name="from">Window start: ISO 8601 with an offset or Z (default now).</param>
    /// <param name="to">Window end, exclusive (default 7 days after from).</param>
    internal static async Task<Ok<DepartureListJson>> List(
        string? service, string? from, string? to,
        NetworkModel network, ServiceTimetable timetable, ICaravanStore store, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Service? only = null;
        if (service is not null && (only = timetable.Find(service)) is null)
            errors.Add("service", service, "a service id of the network (GET /network/services lists them)");
        var (start, end) = Window(from, to, clock, errors);

        var wanted = (only is null ? network.Services : [only]).Where(ServiceTimetable.HasCalendar);
        var departures = wanted
            .SelectMany(s => timetable.Departures(s, start, end).Select(t => (Service: s, Time: t)))
            .ToList();
        var voyages = only is null || !ServiceTimetable.HasCalendar(only)
            ? await store.ListVoyagesAsync(only?.Id, start, end, MaxDepartures + 1, ct)
            : [];
        if (departures.Count + voyages.Count > MaxDepartures)
            throw RequestProblemException.Field("to", to ?? Utc.Format(end), $"a window with at most {MaxDepartures} departures ({departures.Count + voyages.Count} here): narrow it or name a service");

        var list = new List<(Instant Time, string Id, DepartureJson Json)>(departures.Count + voyages.Count);
        foreach (var (s, time) in departures)
        {
            var state = await store.GetDepartureAsync(new DepartureRef(s.Id, time), BookingRequestReader.DefaultCapacity(s), ct);
            list.Add((time, state.Departure.Id, DepartureJson.Of(state, s, network.GetNode(s.Stops[0]))));
        }
        foreach (var voyage in voyages)
            if (timetable.Find(voyage.Departure.ServiceId) is { } s) // a voyage of a service no longer in the network is not shown
                list.Add((voyage.Departure.Time, voyage.Departure.Id, DepartureJson.Of(voyage, s, network.GetNode(s.Stops[0]))));
        return TypedResults.Ok(new DepartureListJson(Utc.Format(start), Utc.Format(end),
            [.. list.OrderBy(d => d.Time).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Json)]));
    }

    /// <summary>
    /// The [from, to) window of a listing (GET /departures, GET /voyages): from defaults to now, to to 7 days later, at
    /// most <see cref="MaxWindow"/>. Throws the problem with every field at fault, <paramref name="errors"/> included.
    /// </summary>
    internal static (Instant Start, Instant End) Window(string? from, string? to, IClock clock, FieldErrors errors)
    {
        Instant start = from is null ? clock.GetCurrentInstant() : errors.Try(() => TimeReader.Read(from, DateTimeZone.Utc, "from"));
        Instant end = to is null ? start + DefaultWindow : errors.Try(() => TimeReader.Read(to, DateTimeZone.Utc, "to"));
        errors.ThrowIfAny();
        if (end <= start || end - start > MaxWindow)
            throw RequestProblemException.Field("to", to ?? Utc.Format(end), $"a time after from and at most {MaxWindow.Days} days after it");
        return (start, end);
    }

    internal static async Task<Results<Ok<DepartureJson>, ProblemHttpResult>> SetCapacity(
        string id, CapacityBody body, ClaimsPrincipal user,
        NetworkModel network, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct)
    {
        if (Parse(id, timetable) is not { } departure)
            return NotFound($"No departure {id}: expected SERVICE@TIME with a service id and one of its departure times as GET /departures lists them.");
        var service = timetable.Find(departure.ServiceId)!;
        // A sail-when-full vessel's voyages exist once a booking opens them: there is no calendar to name others by.
        if (!ServiceTimetable.HasCalendar(service) &&
            (await store.GetDepartureAsync(departure, BookingRequestReader.DefaultCapacity(service), ct)).Voyage is null)
            return NotFound($"No voyage {id}: {service.Id} sails when full, and GET /voyages?service={service.Id} lists its voyages.");
        var caller = Caller.From(user);
        if (!caller.Runs(service))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"Only the operator of {service.Id} ({service.Operator}, carrier {service.Carrier}) may set its capacity.");

        var errors = new FieldErrors();
        Check(body.Teu, "teu", errors);
        Check(body.Wagons, "wagons", errors);
        Check(body.Tonnes, "tonnes", errors);
        errors.ThrowIfAny();

        var capacity = new Capacity(body.Teu, body.Wagons, body.Tonnes);
        var firstStop = network.GetNode(service.Stops[0]);
        return await store.SetDepartureCapacityAsync(departure, capacity, caller.Actor, ct) switch
        {
            SetCapacityResult.Updated u => TypedResults.Ok(DepartureJson.Of(u.State, service, firstStop)),
            SetCapacityResult.BelowHeld b => BelowHeld(b.State, capacity),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>"SERVICE@2026-12-01T06:00:00Z" of a known service at one of its departures (any time for a sail-when-full one).</summary>
    internal static DepartureRef? Parse(string id, ServiceTimetable timetable)
    {
        int at = id.LastIndexOf('@');
        if (at <= 0) return null;
        var service = timetable.Find(id[..at]);
        if (service is null || InstantPattern.General.Parse(id[(at + 1)..]) is not { Success: true } time) return null;
        // As for every time a request names: near the ends of the calendar the timetable search overflows (a 500 for year 9999).
        if (time.Value < TimeReader.Earliest || time.Value >= TimeReader.Latest) return null;
        if (ServiceTimetable.HasCalendar(service) && !timetable.IsDeparture(service, time.Value)) return null;
        return new DepartureRef(service.Id, time.Value);
    }

    private static void Check(double? value, string field, FieldErrors errors)
    {
        if (value is { } x && (!double.IsFinite(x) || x < 0 || x > MaxCapacity))
            errors.Add(field, x.ToString(CultureInfo.InvariantCulture), $"a capacity from 0 to {MaxCapacity.ToString("N0", CultureInfo.InvariantCulture)}, or null for a unit that does not bind");
    }

    private static ProblemHttpResult BelowHeld(DepartureState state, Capacity asked)
    {
        var errors = new Dictionary<string, object?>();
        void Unit(string name, double? wanted, double? held)
        {
            if (wanted is { } w && held is { } h && w < h) errors[name] = new[] { FieldErrors.Message(w.ToString(CultureInfo.InvariantCulture), $"at least the {h.ToString(CultureInfo.InvariantCulture)} already held") };
        }
        Unit("teu", asked.Teu, state.Held.Teu);
        Unit("wagons", asked.Wagons, state.Held.Wagons);
        Unit("tonnes", asked.Tonnes, state.Held.Tonnes);
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Capacity below what is held",
            detail: $"Bookings already hold {Describe(state.Held)} on {state.Departure.Id}; cancel some first or publish at least that.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    internal static string Describe(Capacity c) =>
        string.Join(", ", new[] { (c.Teu, "TEU"), (c.Wagons, "wagons"), (c.Tonnes, "t") }
            .Where(u => u.Item1 is not null).Select(u => $"{u.Item1!.Value.ToString("0.###", CultureInfo.InvariantCulture)} {u.Item2}"));

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
