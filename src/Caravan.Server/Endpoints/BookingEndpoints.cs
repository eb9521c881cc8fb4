using System.Globalization;
using System.Security.Claims;
using Caravan.Server.Auth;
using Caravan.Server.Bookings;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Server.Schedules;
using Caravan.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Server.Endpoints;

/// <summary>
/// Bookings: hold capacity on every leg of an itinerary at once, then confirm or cancel. A shipper sees and changes
/// its own bookings only (anyone else's is "not found"); an operator sees the bookings on its services but changes
/// none (403); an admin sees and changes all.
/// </summary>
internal static class BookingEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxIdempotencyKeyLength = 200;

    public static void MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings").WithTags("Bookings")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", Create).WithName("createBooking")
            .WithSummary("Hold capacity for an itinerary (shippers)")
            .WithDescription("Legs as POST /plan returned them: service, departure at the boarding stop, from, to. The server checks them " +
                             "against the network, prices them, and holds the cargo's quantity on every leg's departure, all or none. " +
                             "Send an `Idempotency-Key` header to retry safely: the same key and body return the booking made the first time " +
                             "(201 with `Idempotent-Replayed: true`); the same key with another body is 422. The hold expires at `holdExpiresAt` " +
                             "unless confirmed by then. With a cap on held TEU configured, a booking that would take the organisation over it is 409. " +
                             "With `\"confirm\": true` the booking is confirmed in the same transaction (status `confirmed`): one request instead of a create and a confirm.")
            .RequireAuthorization(Policies.Booker)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("listBookings")
            .WithSummary("Bookings the caller may see, oldest first, a page at a time")
            .WithDescription("A shipper's own, those on an operator's services, or all for an admin. Page with `limit` and `after` " +
                             "(the `next` of the previous page); filter with `status` and `service`.")
            .ProducesValidationProblem();
        group.MapGet("/{id}", Get).WithName("getBooking")
            .WithSummary("One booking")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/confirm", Confirm).WithName("confirmBooking")
            .WithSummary("Confirm a held booking (its shipper or an admin)")
            .WithDescription("Before its `holdExpiresAt`: after it, the booking has expired, its capacity is released, and confirming is 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/cancel", Cancel).WithName("cancelBooking")
            .WithSummary("Cancel a held or confirmed booking, releasing its capacity (its shipper or an admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/history", History).WithName("getBookingHistory")
            .WithSummary("Who did what to a booking, and when")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Created<BookingJson>, ProblemHttpResult>> Create(
        BookingBody body, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, HttpResponse response,
        BookingRequestReader reader, ICaravanStore store, ServerOptions options, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || !idempotencyKey.All(c => c is >= '!' and <= '~')))
            throw RequestProblemException.Field(IdempotencyHeader, idempotencyKey.Length > 40 ? idempotencyKey[..40] + "…" : idempotencyKey,
                $"1 to {MaxIdempotencyKeyLength} visible ASCII characters (a UUID is usual)");
        var caller = Caller.From(user);
        var booking = reader.Read(body, caller.OrganisationId, idempotencyKey) with
        {
            HoldFor = options.HoldDuration,
            MaxHeldTeu = options.MaxHeldTeuPerOrganisation,
        };

        switch (await store.CreateBookingAsync(booking, caller.Actor, ct))
        {
            case CreateBookingResult.Created c:
                return TypedResults.Created($"/bookings/{c.Booking.Id}", BookingJson.Of(c.Booking));
            case CreateBookingResult.Replayed r:
                response.Headers[ReplayedHeader] = "true";
                return TypedResults.Created($"/bookings/{r.Booking.Id}", BookingJson.Of(r.Booking));
            case CreateBookingResult.InsufficientCapacity i:
                string wanted = DepartureEndpoints.Describe(booking.Legs[i.LegIndex].Quantity);
                string left = DepartureEndpoints.Describe(i.State.Remaining);
                string message = FieldErrors.Message(wanted, $"at most what {i.State.Departure.Id} has left ({(left.Length == 0 ? "unlimited" : left)})");
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not enough capacity",
                    detail: $"legs[{i.LegIndex}]: {message}. Nothing was held.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [$"legs[{i.LegIndex}]"] = [message] } });
            case CreateBookingResult.IdempotencyConflict conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                    detail: $"This {IdempotencyHeader} was used for booking {conflict.ExistingBookingId} with a different body; use a new key for a new booking.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["expected a key not used before with another body"] } });
            case CreateBookingResult.HeldTeuCapExceeded cap:
                string capMessage = FieldErrors.Message(
                    $"{Number(cap.Requested)} TEU more, with {Number(cap.AlreadyHeld)} TEU already held",
                    $"at most {Number(cap.Cap)} TEU held at once by one organisation (the server's cap on held TEU); confirm or cancel held bookings first");
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Held TEU cap reached",
                    detail: $"cargo: {capMessage}. Nothing was held.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = new Dictionary<string, string[]> { ["cargo"] = [capMessage] },
                        ["maxHeldTeu"] = cap.Cap,
                    });
            case var other:
                throw new InvalidOperationException($"Unexpected result {other}.");
        }
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <param name="limit">Page size, 1 to 500 (default 50).</param>
    /// <param name="after">The `next` of the previous page.</param>
    /// <param name="status">held, confirmed, cancelled or expired.</param>
    /// <param name="service">Only bookings with a leg on this service id.</param>
    internal static async Task<Ok<BookingPageJson>> List(
        int? limit, string? after, string? status, string? service, ClaimsPrincipal user, ICaravanStore store, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > 500) errors.Add("limit", limit.Value.ToString(CultureInfo.InvariantCulture), "a page size from 1 to 500");
        BookingStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<BookingStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsDigit(status[0])) wanted = s;
            else errors.Add("status", status, "held, confirmed, cancelled or expired");
        }
        errors.ThrowIfAny();

        var caller = Caller.From(user);
        var query = caller.Role switch
        {
            OrganisationRole.Shipper => new BookingQuery(OrganisationId: caller.OrganisationId),
            OrganisationRole.Operator => new BookingQuery(Carriers: [.. caller.Carriers]),
            _ => new BookingQuery(),
        } with { Status = wanted, ServiceId = service, Limit = limit ?? 50, After = after };
        var page = await store.ListBookingsAsync(query, ct);
        return TypedResults.Ok(new BookingPageJson([.. page.Items.Select(BookingJson.Of)], page.Next));
    }

    internal static async Task<Results<Ok<BookingJson>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct)
    {
        var booking = await store.FindBookingAsync(id, ct);
        if (booking is null || !CanSee(Caller.From(user), booking, timetable)) return NotFound(id);
        return TypedResults.Ok(BookingJson.Of(booking));
    }

    internal static Task<Results<Ok<BookingJson>, ProblemHttpResult>> Confirm(
        string id, ClaimsPrincipal user, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct) =>
        Transition(id, user, timetable, (caller, authorise) => store.ConfirmBookingAsync(id, caller.Actor, authorise, ct));

    internal static Task<Results<Ok<BookingJson>, ProblemHttpResult>> Cancel(
        string id, ClaimsPrincipal user, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct) =>
        Transition(id, user, timetable, (caller, authorise) => store.CancelBookingAsync(id, caller.Actor, authorise, ct));

    internal static async Task<Results<Ok<IReadOnlyList<BookingEventJson>>, ProblemHttpResult>> History(
        string id, ClaimsPrincipal user, ServiceTimetable timetable, ICaravanStore store, CancellationToken ct)
    {
        var booking = await store.FindBookingAsync(id, ct);
        if (booking is null || !CanSee(Caller.From(user), booking, timetable)) return NotFound(id);
        var events = await store.GetBookingHistoryAsync(id, ct);
        return TypedResults.Ok<IReadOnlyList<BookingEventJson>>([.. events.Select(BookingEventJson.Of)]);
    }

    /// <summary>
    /// Who may see and change the booking is decided by the store's transaction on the booking as it locked it, so
    /// the check and the change see the same row and no separate read is needed.
    /// </summary>
    private static async Task<Results<Ok<BookingJson>, ProblemHttpResult>> Transition(
        string id, ClaimsPrincipal user, ServiceTimetable timetable, Func<Caller, Func<Booking, TransitionCheck>, Task<TransitionResult>> change)
    {
        var caller = Caller.From(user);
        TransitionCheck Authorise(Booking booking) =>
            !CanSee(caller, booking, timetable) ? TransitionCheck.NotFound
            : !CanChange(caller, booking) ? TransitionCheck.Forbidden
            : TransitionCheck.Allow;
        return await change(caller, Authorise) switch
        {
            TransitionResult.Done d => TypedResults.Ok(BookingJson.Of(d.Booking)),
            TransitionResult.NotFound => NotFound(id),
            TransitionResult.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only the shipper that made a booking (or an admin) may confirm or cancel it."),
            TransitionResult.Conflict { Booking.Status: BookingStatus.Expired } c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The hold expired", detail: $"Booking {id} is expired: {c.Reason}"),
            TransitionResult.Conflict c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this status",
                detail: $"Booking {id} is {c.Booking.Status.ToString().ToLowerInvariant()}: {c.Reason}"),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>Admins see everything, shippers their own bookings, operators those with a leg on a service they run.</summary>
    private static bool CanSee(Caller caller, Booking booking, ServiceTimetable timetable) => caller.Role switch
    {
        OrganisationRole.Admin => true,
        OrganisationRole.Shipper => booking.OrganisationId == caller.OrganisationId,
        _ => booking.Legs.Any(l => timetable.Find(l.Departure.ServiceId) is { } s && caller.Runs(s)),
    };

    private static bool CanChange(Caller caller, Booking booking) =>
        caller.IsAdmin || (caller.Role == OrganisationRole.Shipper && booking.OrganisationId == caller.OrganisationId);

    /// <summary>The same answer whether the booking does not exist or belongs to someone else: ids are not confirmed to outsiders.</summary>
    private static ProblemHttpResult NotFound(string id) => DepartureEndpoints.NotFound($"No booking {id} that you may see.");
}
