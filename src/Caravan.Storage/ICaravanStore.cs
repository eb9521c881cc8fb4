using NodaTime;

namespace Caravan.Storage;

/// <summary>
/// Everything the service keeps: organisations and their API keys, departures with their capacity, bookings and
/// their history. Two implementations share one contract and one test suite: SQLite (embedded, the default) and
/// PostgreSQL (production; several server processes may share one database). Every method is atomic: it either
/// happens entirely or not at all, and nothing acknowledged is lost on a crash.
/// </summary>
public interface ICaravanStore : IAsyncDisposable
{
    /// <summary>Applies the pending versioned schema migrations; safe to call from several processes at once.</summary>
    Task MigrateAsync(CancellationToken ct = default);

    Task<Organisation> CreateOrganisationAsync(NewOrganisation organisation, Actor actor, CancellationToken ct = default);
    Task<Organisation?> FindOrganisationAsync(string id, CancellationToken ct = default);
    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken ct = default);

    /// <summary>Creates a key; the secret is returned once and only its hash is stored.</summary>
    Task<(ApiKey Key, string Secret)> CreateApiKeyAsync(string organisationId, Actor actor, CancellationToken ct = default);
    /// <summary>
    /// Revokes a key. Revoking a revoked key keeps the first revocation and says <see cref="RevokeResult.Revoked"/>;
    /// the last active key of all admin organisations is never revoked (<see cref="RevokeResult.LastAdminKey"/>): with
    /// it gone nobody could make keys any more.
    /// </summary>
    Task<RevokeResult> RevokeApiKeyAsync(string keyId, Actor actor, CancellationToken ct = default);
    /// <summary>The organisation and key behind a secret, or null for an unknown or revoked one.</summary>
    Task<(Organisation Organisation, ApiKey Key)?> AuthenticateAsync(string secret, CancellationToken ct = default);

    /// <summary>
    /// Capacity and what is held on one departure. A departure the store has not seen yet exists implicitly with the
    /// default capacity the caller gives (from the network), and is created on first write.
    /// </summary>
    Task<DepartureState> GetDepartureAsync(DepartureRef departure, Capacity defaultCapacity, CancellationToken ct = default);
    /// <summary>
    /// Voyages of sail-when-full vessels (of one service, or of all) that load or may sail inside [from, to): those
    /// that open before <paramref name="to"/> and sail at the latest at or after <paramref name="from"/>, in opening order.
    /// </summary>
    Task<IReadOnlyList<DepartureState>> ListVoyagesAsync(string? serviceId, Instant from, Instant to, int limit, CancellationToken ct = default);
    /// <summary>An operator sets (publishes) the capacity of one of its departures; fails if that is below what is already held.</summary>
    Task<SetCapacityResult> SetDepartureCapacityAsync(DepartureRef departure, Capacity capacity, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// Holds capacity on every leg's departure and stores the booking, all legs or none. With an idempotency key
    /// already used by the same organisation, returns the booking created then (and nothing else changes).
    /// </summary>
    Task<CreateBookingResult> CreateBookingAsync(NewBooking booking, Actor actor, CancellationToken ct = default);
    Task<Booking?> FindBookingAsync(string id, CancellationToken ct = default);
    Task<BookingPage> ListBookingsAsync(BookingQuery query, CancellationToken ct = default);
    /// <summary>
    /// Held → Confirmed. Null when there is no such booking; a conflict result when it is not held. A hold past its
    /// <see cref="Booking.HoldExpiresAt"/> is expired in this same transaction (as <see cref="ExpireDueHoldsAsync"/>
    /// would) and the answer is a conflict with the expired booking: the sweeper's timing never decides the outcome.
    /// </summary>
    Task<TransitionResult> ConfirmBookingAsync(string id, Actor actor, CancellationToken ct = default);
    /// <summary>Held or Confirmed → Cancelled, releasing the capacity of every leg. A hold past its expiry is expired instead (a conflict).</summary>
    Task<TransitionResult> CancelBookingAsync(string id, Actor actor, CancellationToken ct = default);
    /// <summary>
    /// Confirms as above, but only if <paramref name="authorise"/> allows it for the booking as stored: the check runs
    /// inside the transaction, on the locked booking, so what it saw is what changes (and it costs no extra read).
    /// </summary>
    Task<TransitionResult> ConfirmBookingAsync(string id, Actor actor, Func<Booking, TransitionCheck> authorise, CancellationToken ct = default);
    /// <summary>Cancels as above, but only if <paramref name="authorise"/> allows it for the booking as stored.</summary>
    Task<TransitionResult> CancelBookingAsync(string id, Actor actor, Func<Booking, TransitionCheck> authorise, CancellationToken ct = default);
    Task<IReadOnlyList<BookingEvent>> GetBookingHistoryAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Held → Expired for up to <paramref name="batchSize"/> (1 to 1,000) bookings whose hold expired by now, soonest
    /// due first, releasing their capacity as a cancel does and recording "expired" by the system. One transaction;
    /// several processes may sweep at once (PostgreSQL: each skips the bookings another has locked; SQLite: writers take
    /// turns). Returns how many expired: a full batch means more may be due.
    /// </summary>
    Task<int> ExpireDueHoldsAsync(int batchSize, CancellationToken ct = default);
}

public enum OrganisationRole { Shipper, Operator, Admin }

/// <summary>
/// An organisation. An operator lists the carriers or operators (as named in the network's services) whose
/// services it runs: it manages their capacity and sees the bookings on them.
/// </summary>
public sealed record Organisation(string Id, string Name, OrganisationRole Role, IReadOnlyList<string> Carriers, Instant CreatedAt);

public sealed record NewOrganisation(string Name, OrganisationRole Role, IReadOnlyList<string> Carriers);

public enum RevokeResult { Revoked, NotFound, LastAdminKey }

public sealed record ApiKey(string Id, string OrganisationId, string Prefix, Instant CreatedAt, Instant? RevokedAt);

/// <summary>Who did something, for the history: an organisation and the key it used (or "system").</summary>
public sealed record Actor(string OrganisationId, string KeyId)
{
    public static Actor System { get; } = new("system", "system");
}

/// <summary>One departure of a service: the service id and its scheduled (or, for a sail-when-full vessel, planned) UTC time.</summary>
public sealed record DepartureRef(string ServiceId, Instant Time)
{
    /// <summary>"SERVICE@2026-12-01T06:00:00Z", the id used in URLs.</summary>
    public string Id => $"{ServiceId}@{NodaTime.Text.InstantPattern.General.Format(Time)}";
}

/// <summary>Capacity in TEU, wagons and tonnes; a null unit does not bind.</summary>
public sealed record Capacity(double? Teu, double? Wagons, double? Tonnes);

public sealed record DepartureState(DepartureRef Departure, Capacity Capacity, Capacity Held)
{
    /// <summary>What can still be booked, per unit (null where the unit does not bind).</summary>
    public Capacity Remaining => new(Capacity.Teu - Held.Teu, Capacity.Wagons - Held.Wagons, Capacity.Tonnes - Held.Tonnes);

    /// <summary>Set when the departure is a voyage of a sail-when-full vessel; null for a scheduled departure.</summary>
    public VoyageState? Voyage { get; init; }
}

/// <summary>
/// A voyage of a sail-when-full vessel: it loads from <see cref="OpensAt"/> (the time in its departure id) and sails
/// when full, as soon as the last cargo aboard is ready, or else at <see cref="LatestDeparture"/> (opening plus the
/// service's maximum wait). <see cref="PlannedDeparture"/> is whichever applies now: cancellations can reopen a full voyage.
/// </summary>
public sealed record VoyageState(Instant OpensAt, Instant LatestDeparture, Instant PlannedDeparture, bool Full)
{
    /// <summary>
    /// Full when less than one unit (TEU, wagon or tonne) of some binding capacity remains: nothing more that a
    /// booking counts in that unit fits, so the vessel no longer waits for cargo.
    /// </summary>
    public static bool IsFull(Capacity capacity, Capacity held) =>
        Below(capacity.Teu, held.Teu) || Below(capacity.Wagons, held.Wagons) || Below(capacity.Tonnes, held.Tonnes);

    private static bool Below(double? capacity, double? held) => capacity is { } c && c - (held ?? 0) < 1;
}

/// <summary>
/// How a leg on a sail-when-full service is held: not on a departure the caller names but on a voyage the store
/// chooses (<see cref="BookingLeg.Voyage"/>).
/// </summary>
public sealed record VoyageTerms(Duration MaxWait);

public abstract record SetCapacityResult
{
    public sealed record Updated(DepartureState State) : SetCapacityResult;
    public sealed record BelowHeld(DepartureState State) : SetCapacityResult;
}

/// <summary>
/// Held (capacity held, until <see cref="Booking.HoldExpiresAt"/> if set) → Confirmed or Cancelled or Expired (a hold
/// not confirmed in time; its capacity is released as by a cancel). Confirmed → Cancelled.
/// </summary>
public enum BookingStatus { Held, Confirmed, Cancelled, Expired }

/// <summary>One leg to hold: a departure, where the cargo boards and alights, how much it takes, and the default capacity.</summary>
/// <remarks>
/// A null unit of <see cref="Quantity"/> takes nothing of that unit. Quantities are kept exactly to a millionth of a
/// unit (they are stored as integer millionths so that holding and releasing never drift).
/// </remarks>
public sealed record BookingLeg(DepartureRef Departure, string From, string To, Capacity Quantity, Capacity DefaultCapacity)
{
    /// <summary>
    /// The service's carrier as named in the network (Service.Carrier), recorded with the leg because the store cannot
    /// map service ids to carriers; <see cref="BookingQuery.Carriers"/> matches it (or <see cref="Operator"/>).
    /// Null: the leg matches no carrier filter.
    /// </summary>
    public string? Carrier { get; init; }

    /// <summary>The service's operator as named in the network (Service.Operator); also matched by <see cref="BookingQuery.Carriers"/>.</summary>
    public string? Operator { get; init; }

    /// <summary>
    /// Set on a new leg of a sail-when-full service: its <see cref="Departure"/> time is then when the cargo is ready at
    /// <see cref="From"/>, and the store holds it on the voyage that sails soonest among those loading at that time with
    /// room for it, or on a new voyage that opens then (a vessel never carries more than its capacity).
    /// </summary>
    public VoyageTerms? Voyage { get; init; }

    /// <summary>On a stored voyage leg: when the cargo is ready to load; its <see cref="Departure"/> is then the voyage. Null on scheduled legs.</summary>
    public Instant? ReadyAt { get; init; }
}

public sealed record NewBooking(
    string OrganisationId,
    string? IdempotencyKey,
    /// <summary>Hash of the request body: the same key with a different body is a conflict, not a replay.</summary>
    string RequestHash,
    string CargoDescription,
    decimal QuotedPrice,
    string Currency,
    IReadOnlyList<BookingLeg> Legs,
    string? Reference)
{
    /// <summary>How long the hold lasts before it expires, from creation; null: it does not expire.</summary>
    public Duration? HoldFor { get; init; }

    /// <summary>
    /// At most this many TEU (summed over the legs, as departures count what is held) in the organisation's held
    /// bookings once this one is added; null: no cap. Checked race-free in the booking's transaction.
    /// </summary>
    public double? MaxHeldTeu { get; init; }

    /// <summary>
    /// Store the booking confirmed at once (history: created, then confirmed, at the same time) in the same transaction
    /// that holds its capacity: one durable write instead of two for a client that books and confirms anyway.
    /// </summary>
    public bool Confirm { get; init; }
}

public sealed record Booking(
    string Id,
    string OrganisationId,
    BookingStatus Status,
    string CargoDescription,
    decimal QuotedPrice,
    string Currency,
    IReadOnlyList<BookingLeg> Legs,
    string? Reference,
    Instant CreatedAt,
    Instant UpdatedAt)
{
    /// <summary>
    /// When the hold expires (or expired); null when it does not. A held booking read after this time reads as
    /// <see cref="BookingStatus.Expired"/> even before the sweeper records it.
    /// </summary>
    public Instant? HoldExpiresAt { get; init; }
}

public abstract record CreateBookingResult
{
    public sealed record Created(Booking Booking) : CreateBookingResult;
    /// <summary>The idempotency key was used before with the same body: the booking then created.</summary>
    public sealed record Replayed(Booking Booking) : CreateBookingResult;
    /// <summary>A leg does not fit: nothing was held.</summary>
    public sealed record InsufficientCapacity(int LegIndex, DepartureState State) : CreateBookingResult;
    /// <summary>The idempotency key was used before with a different body.</summary>
    public sealed record IdempotencyConflict(string ExistingBookingId) : CreateBookingResult;
    /// <summary>The organisation would hold more than <see cref="NewBooking.MaxHeldTeu"/>: nothing was held.</summary>
    public sealed record HeldTeuCapExceeded(double Cap, double AlreadyHeld, double Requested) : CreateBookingResult;
}

/// <summary>A caller's verdict on a booking it wants to change: go ahead, pretend it does not exist, or refuse.</summary>
public enum TransitionCheck { Allow, NotFound, Forbidden }

public abstract record TransitionResult
{
    public sealed record Done(Booking Booking) : TransitionResult;
    public sealed record NotFound : TransitionResult;
    /// <summary>The caller's check (<see cref="TransitionCheck.Forbidden"/>) refused the change: nothing changed.</summary>
    public sealed record Forbidden(Booking Booking) : TransitionResult;
    public sealed record Conflict(Booking Booking, string Reason) : TransitionResult;
}

/// <summary>
/// Filters and paging for a list of bookings; a null filter does not restrict. Bookings come in id order (ids grow with
/// creation time); <see cref="After"/> is the last id of the previous page (<see cref="BookingPage.Next"/>).
/// <see cref="Carriers"/> keeps bookings with at least one leg whose <see cref="BookingLeg.Carrier"/> or
/// <see cref="BookingLeg.Operator"/> is in the list (an empty list matches nothing); <see cref="ServiceId"/> keeps
/// bookings with at least one leg on that service. <see cref="Limit"/> is 1 to 500.
/// </summary>
public sealed record BookingQuery(
    string? OrganisationId = null,
    IReadOnlyList<string>? Carriers = null,
    BookingStatus? Status = null,
    string? ServiceId = null,
    int Limit = 50,
    string? After = null);

public sealed record BookingPage(IReadOnlyList<Booking> Items, string? Next);

/// <summary>One entry in a booking's history: who did what, when.</summary>
public sealed record BookingEvent(long Sequence, string BookingId, string OrganisationId, string KeyId, string Action, string? Detail, Instant At);
