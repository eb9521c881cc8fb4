using Caravan.Network;
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

namespace Caravan.Server.Endpoints;

/// <summary>
/// GET /voyages and GET /voyages/{id}: the voyages of sail-when-full vessels (the Caspian ferries) with their
/// capacity, what is held, what remains, and when they sail. A voyage opens when a booking finds no voyage loading
/// with room for its cargo, and sails when full or at its maximum wait.
/// </summary>
internal static class VoyageEndpoints
{
    public static void MapVoyageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/voyages").WithTags("Departures")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/", List).WithName("listVoyages")
            .WithSummary("Voyages of sail-when-full vessels in a time window, with capacity, held, remaining and when they sail")
            .WithDescription("Voyages that load or may sail in [from, to): opened before `to`, sailing at the latest at or after `from`. " +
                             $"`from` defaults to now, `to` to 7 days later; at most {DepartureEndpoints.MaxWindow.Days} days and " +
                             $"{DepartureEndpoints.MaxDepartures} voyages.");
        group.MapGet("/{id}", Get).WithName("getVoyage")
            .WithSummary("One voyage by its id (SERVICE@OPENING-TIME, as a booking's leg names it)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <param name="service">Only this sail-when-full service (id); default: all of them.</param>
    /// <param name="from">Window start: ISO 8601 with an offset or Z (default now).</param>
    /// <param name="to">Window end, exclusive (default 7 days after from).</param>
    internal static async Task<Ok<DepartureListJson>> List(
        string? service, string? from, string? to,
        NetworkModel network, ServiceTimetable timetable, ICaravanStore store, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (service is not null && (timetable.Find(service) is not { } found || ServiceTimetable.HasCalendar(found)))
            errors.Add("service", service, "a service that sails when full (" +
                string.Join(", ", network.Services.Where(s => !ServiceTimetable.HasCalendar(s)).Select(s => s.Id)) + ")");
        var (start, end) = DepartureEndpoints.Window(from, to, clock, errors);

        var voyages = await store.ListVoyagesAsync(service, start, end, DepartureEndpoints.MaxDepartures + 1, ct);
        if (voyages.Count > DepartureEndpoints.MaxDepartures)
            throw RequestProblemException.Field("to", to ?? Utc.Format(end), $"a window with at most {DepartureEndpoints.MaxDepartures} voyages: narrow it or name a service");
        return TypedResults.Ok(new DepartureListJson(Utc.Format(start), Utc.Format(end),
            [.. voyages.Where(v => timetable.Find(v.Departure.ServiceId) is not null).Select(v => Json(v, timetable, network))]));
    }

    internal static async Task<Results<Ok<DepartureJson>, ProblemHttpResult>> Get(
        string id, NetworkModel network, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct)
    {
        if (DepartureEndpoints.Parse(id, timetable) is { } voyage && timetable.Find(voyage.ServiceId) is { } service &&
            !ServiceTimetable.HasCalendar(service) &&
            await store.GetDepartureAsync(voyage, BookingRequestReader.DefaultCapacity(service), ct) is { Voyage: not null } state)
            return TypedResults.Ok(Json(state, timetable, network));
        return DepartureEndpoints.NotFound($"No voyage {id}: expected SERVICE@TIME of a sail-when-full service as a booking's leg or GET /voyages names it.");
    }

    private static DepartureJson Json(DepartureState voyage, ServiceTimetable timetable, NetworkModel network)
    {
        var service = timetable.Find(voyage.Departure.ServiceId)!;
        return DepartureJson.Of(voyage, service, network.GetNode(service.Stops[0]));
    }
}
