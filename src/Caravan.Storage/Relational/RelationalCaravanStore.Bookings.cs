using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    /// <summary>
    /// The common case in one round trip (plus COMMIT): one command of several statements claims the idempotency key,
    /// creates-and-holds every departure (<see cref="UpsertHoldSql"/>) and inserts the booking, its legs and its first
    /// history entry. Each claim and hold changes exactly one row when it succeeds, so the total of rows changed tells
    /// whether all did; if not, the caller rolls everything back. Only for holds that fit the default capacity (so
    /// that inserting a missing departure already holding them cannot break its CHECKs); nothing in it can fail for
    /// any other reason: the departures of the legs exist once the holds ran, the booking id is new.
    /// </summary>
    private async Task<bool> TryCreateInOneCommandAsync(DbConnection connection, DbTransaction transaction, string id, NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, IReadOnlyList<Hold> holds,
        Actor actor, Instant now, CancellationToken ct)
    {
        var sql = new System.Text.StringBuilder();
        await using var command = connection.Command(transaction, "");
        var expected = AppendOneCommand(sql, command, id, booking, legs, holds, actor, now);
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(ct) == expected;
    }

    /// <summary>The statements of <see cref="TryCreateInOneCommandAsync"/> and their parameters; returns the rows they change when all succeed.</summary>
    private int AppendOneCommand(System.Text.StringBuilder sql, DbCommand command, string id, NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, IReadOnlyList<Hold> holds,
        Actor actor, Instant now)
    {
        var expected = 0;
        if (booking.IdempotencyKey is { } key)
        {
            sql.AppendLine("""
                INSERT INTO idempotency (organisation_id, idempotency_key, booking_id, request_hash, created_at)
                VALUES (@org, @key, @id, @hash, @now)
                ON CONFLICT (organisation_id, idempotency_key) DO NOTHING;
                """);
            command.With("@key", key).With("@hash", booking.RequestHash);
            expected++;
        }
        for (var i = 0; i < holds.Count; i++)
        {
            var p = "@h" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.AppendLine(UpsertHoldSql(p) + ";");
            command.With(p + "_id", holds[i].Departure.Id).With(p + "_service", holds[i].Departure.ServiceId)
                .With(Dialect, p + "_departs", holds[i].Departure.Time).With(Dialect, p + "_latest", (Instant?)null)
                .WithMicro(p + "_cap", holds[i].DefaultCapacity)
                .WithMicro(p + "_q", holds[i].Total);
            expected++;
        }
        return expected + AppendBookingInserts(sql, command, id, booking, legs, actor, now);
    }

    /// <summary>
    /// One transaction: claim the idempotency key, hold every departure (in departure id order, so two bookings over
    /// the same departures lock them in the same order and cannot deadlock), then store the booking, its legs and its
    /// first history entry. A departure that does not fit rolls everything back. First tried as one command
    /// (<see cref="TryCreateInOneCommandAsync"/>); only when that falls short does it run statement by statement.
    /// </summary>
    public async Task<CreateBookingResult> CreateBookingAsync(NewBooking booking, Actor actor, CancellationToken ct = default)
    {
        var legs = StoreInput.Booking(booking);
        StoreInput.Actor(actor);
        var holds = HoldsByDeparture(legs);
        var onVoyages = legs.Select((leg, index) => (leg.Leg, index)).Where(x => x.Leg.Voyage is not null)
            .OrderBy(x => x.Leg.Departure.ServiceId, StringComparer.Ordinal).ThenBy(x => x.Leg.Departure.Time)
            .Select(x => x.index).ToArray();
        // A cap on held TEU needs the organisation's row locked and its holds summed first: the step-by-step way.
        if (onVoyages.Length == 0 && booking.MaxHeldTeu is null && holds.All(h => Fits(h.Total, h.DefaultCapacity)))
        {
            var created = await CreateInOneCommandGroupedAsync(booking, legs, holds, actor, ct);
            if (created is not null) return created;
            // A replayed or reused idempotency key, or a departure that is full: rolled back; the step-by-step
            // transaction below finds out which and answers it.
        }
        return await WriteAsync<CreateBookingResult>(async (connection, transaction) =>
        {
            var now = Now();
            var id = Identifiers.NewBookingId(now);

            if (booking.IdempotencyKey is { } key)
            {
                var earlier = await ClaimIdempotencyKeyAsync(connection, transaction, booking, key, id, now, ct);
                if (earlier is not null) return Outcome<CreateBookingResult>.Discard(earlier);
            }

            if (booking.MaxHeldTeu is { } cap)
            {
                var requested = legs.Sum(l => l.Quantity.Teu ?? 0);
                var alreadyHeld = await LockAndSumHeldTeuAsync(connection, transaction, booking.OrganisationId, now, ct);
                if (alreadyHeld + requested > MicroUnits.FromUnits(cap, "booking.MaxHeldTeu"))
                    return Outcome<CreateBookingResult>.Discard(new CreateBookingResult.HeldTeuCapExceeded(
                        cap, MicroUnits.ToUnits(alreadyHeld)!.Value, MicroUnits.ToUnits(requested)!.Value));
            }

            foreach (var hold in holds)
            {
                if (!await TryEnsureAndHoldAsync(connection, transaction, hold, actor, now, ct))
                {
                    var state = (await ReadDepartureAsync(connection, transaction, hold.Departure, ct))!;
                    return Outcome<CreateBookingResult>.Discard(new CreateBookingResult.InsufficientCapacity(hold.FirstLegIndex, state));
                }
            }

            // Voyage legs after the scheduled ones, in service order, so that concurrent bookings lock rows in one order.
            // A copy: this transaction may be retried, and each try must start from the legs as asked.
            var written = legs.ToArray();
            foreach (var index in onVoyages)
            {
                var (leg, quantity, defaultCapacity) = legs[index];
                var voyage = await HoldOnVoyageAsync(connection, transaction, leg, leg.Voyage!, quantity, defaultCapacity, actor, now, ct);
                if (voyage is null)
                    return Outcome<CreateBookingResult>.Discard(new CreateBookingResult.InsufficientCapacity(index,
                        new DepartureState(leg.Departure, defaultCapacity.ToCapacity(), new Capacity(0, 0, 0))));
                written[index] = (leg with { Departure = voyage, ReadyAt = SqlDialect.Truncate(leg.Departure.Time), Voyage = null }, quantity, defaultCapacity);
            }

            // The booking is built from the values written (as they read back: times truncated, quantities in
            // millionths) instead of being read back, which would cost two more round trips.
            await using (var insert = connection.Command(transaction, ""))
            {
                var sql = new System.Text.StringBuilder();
                AppendBookingInserts(sql, insert, id, booking, written, actor, now);
                insert.CommandText = sql.ToString();
                await insert.ExecuteNonQueryAsync(ct);
            }
            return Outcome<CreateBookingResult>.Keep(new CreateBookingResult.Created(AsWritten(id, booking, written, now)));
        }, ct);
    }

    /// <summary>
    /// The TEU the organisation's live holds take (summed over legs; holds past their expiry do not count), after
    /// locking the organisation's row on PostgreSQL: concurrent bookings of one organisation under a cap take turns
    /// here, and each sums what the previous ones committed (READ COMMITTED: the SUM's snapshot is taken after the
    /// lock is granted). Confirm, cancel and expiry only lower the sum, so they need not take the lock. SQLite: the
    /// write lock already serialises writers. Only runs when a cap is configured.
    /// </summary>
    private async Task<long> LockAndSumHeldTeuAsync(DbConnection connection, DbTransaction transaction, string organisationId,
        Instant now, CancellationToken ct)
    {
        await using var select = connection.Command(transaction, $"""
            SELECT id FROM organisations WHERE id = @org{Dialect.ForUpdate};
            SELECT CAST(COALESCE(SUM(l.quantity_teu_micro), 0) AS BIGINT)
            FROM bookings b JOIN booking_legs l ON l.booking_id = b.id
            WHERE b.organisation_id = @org AND b.status = 'held' AND (b.hold_expires_at IS NULL OR b.hold_expires_at > @now);
            """);
        await using var reader = await select.With("@org", organisationId).With(Dialect, "@now", now).ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    private sealed record Hold(DepartureRef Departure, int FirstLegIndex, MicroCapacity DefaultCapacity, MicroCapacity Total);

    /// <summary>Legs on the same departure add up to one hold; the holds come in ordinal departure id order (the lock order).</summary>
    private static IReadOnlyList<Hold> HoldsByDeparture(IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs) =>
        legs.Select((leg, index) => (leg, index))
            .Where(x => x.leg.Leg.Voyage is null)
            .GroupBy(x => x.leg.Leg.Departure.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Hold(g.First().leg.Leg.Departure, g.First().index, g.First().leg.DefaultCapacity,
                g.Aggregate(new MicroCapacity(0, 0, 0), (total, x) => total.Plus(x.leg.Quantity))))
            .ToArray();

    /// <summary>
    /// Inserts the key's row, or finds the booking an earlier request with the key made: a replay with the same
    /// request hash, a conflict with another. A concurrent request holding the key makes the insert wait until it
    /// commits (then this one finds its booking) or rolls back (then this one takes the key).
    /// </summary>
    private async Task<CreateBookingResult?> ClaimIdempotencyKeyAsync(DbConnection connection, DbTransaction transaction,
        NewBooking booking, string key, string bookingId, Instant now, CancellationToken ct)
    {
        await using (var claim = connection.Command(transaction, """
            INSERT INTO idempotency (organisation_id, idempotency_key, booking_id, request_hash, created_at)
            VALUES (@org, @key, @booking, @hash, @now)
            ON CONFLICT (organisation_id, idempotency_key) DO NOTHING
            """))
        {
            if (await claim.With("@org", booking.OrganisationId).With("@key", key).With("@booking", bookingId)
                    .With("@hash", booking.RequestHash).With(Dialect, "@now", now).ExecuteNonQueryAsync(ct) == 1)
                return null;
        }

        string earlierId, earlierHash;
        await using (var select = connection.Command(transaction,
            "SELECT booking_id, request_hash FROM idempotency WHERE organisation_id = @org AND idempotency_key = @key"))
        {
            await using var reader = await select.With("@org", booking.OrganisationId).With("@key", key).ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
                throw new InvalidOperationException($"Idempotency key '{key}' conflicted but its row is not visible.");
            (earlierId, earlierHash) = (reader.GetString(0), reader.GetString(1));
        }
        if (!string.Equals(earlierHash, booking.RequestHash, StringComparison.Ordinal))
            return new CreateBookingResult.IdempotencyConflict(earlierId);
        return new CreateBookingResult.Replayed((await LoadBookingsAsync(connection, transaction, [earlierId], ct)).Single());
    }

    /// <summary>
    /// Adds the quantity to what the departure holds if, and only if, every unit still fits: the check and the write
    /// are one UPDATE. On PostgreSQL the UPDATE locks the row, and a concurrent one waits and then re-checks its WHERE
    /// against the row as committed; on SQLite the transaction already has the database's only write lock.
    /// </summary>
    private async Task<bool> TryHoldAsync(DbConnection connection, DbTransaction transaction, DepartureRef departure,
        MicroCapacity quantity, Instant now, CancellationToken ct)
    {
        await using var update = connection.Command(transaction, """
            UPDATE departures
            SET held_teu_micro = held_teu_micro + @q_teu,
                held_wagons_micro = held_wagons_micro + @q_wagons,
                held_tonnes_micro = held_tonnes_micro + @q_tonnes,
                updated_at = @now
            WHERE id = @id
              AND (capacity_teu_micro IS NULL OR held_teu_micro + @q_teu <= capacity_teu_micro)
              AND (capacity_wagons_micro IS NULL OR held_wagons_micro + @q_wagons <= capacity_wagons_micro)
              AND (capacity_tonnes_micro IS NULL OR held_tonnes_micro + @q_tonnes <= capacity_tonnes_micro)
            """);
        return await update.With("@id", departure.Id).WithMicro("@q", quantity).With(Dialect, "@now", now).ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Creates the departure if missing and holds the quantity on it, in one statement when the quantity fits the
    /// default capacity: the row is inserted already holding it, or, if the row exists, the conditional UPDATE of the
    /// upsert adds it only if every unit still fits (PostgreSQL locks the row and re-checks the WHERE against the
    /// committed row; SQLite holds the only write lock). A quantity beyond the default capacity cannot be inserted
    /// (the CHECKs would refuse it) but may fit a published capacity, so it takes the two-statement way.
    /// </summary>
    private async Task<bool> TryEnsureAndHoldAsync(DbConnection connection, DbTransaction transaction, Hold hold, Actor actor,
        Instant now, CancellationToken ct)
    {
        if (!Fits(hold.Total, hold.DefaultCapacity))
        {
            await EnsureDepartureAsync(connection, transaction, hold.Departure, hold.DefaultCapacity, actor, now, ct);
            return await TryHoldAsync(connection, transaction, hold.Departure, hold.Total, now, ct);
        }
        var p = "@h";
        await using var upsert = connection.Command(transaction, UpsertHoldSql(p));
        return await upsert.With(p + "_id", hold.Departure.Id).With(p + "_service", hold.Departure.ServiceId)
            .With(Dialect, p + "_departs", hold.Departure.Time).With(Dialect, p + "_latest", (Instant?)null)
            .WithMicro(p + "_cap", hold.DefaultCapacity).WithMicro(p + "_q", hold.Total)
            .With(Dialect, "@now", now).WithActor(actor).ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Inserts the departure already holding the quantity, or adds the quantity to the existing row if every unit
    /// still fits; changes one row when the hold succeeded, none when it did not. Parameters: <paramref name="p"/>
    /// followed by _id, _service, _departs, _latest (a voyage's latest departure, or null), _cap_* (the default capacity)
    /// and _q_* (the quantity); @now and the actor.
    /// </summary>
    private static string UpsertHoldSql(string p) => $"""
        INSERT INTO departures (id, service_id, departs_at, latest_departure, capacity_teu_micro, capacity_wagons_micro, capacity_tonnes_micro,
                                held_teu_micro, held_wagons_micro, held_tonnes_micro, created_at, updated_at, updated_by_org, updated_by_key)
        VALUES ({p}_id, {p}_service, {p}_departs, {p}_latest, {p}_cap_teu, {p}_cap_wagons, {p}_cap_tonnes, {p}_q_teu, {p}_q_wagons, {p}_q_tonnes,
                @now, @now, @actor_org, @actor_key)
        ON CONFLICT (id) DO UPDATE
        SET held_teu_micro = departures.held_teu_micro + {p}_q_teu,
            held_wagons_micro = departures.held_wagons_micro + {p}_q_wagons,
            held_tonnes_micro = departures.held_tonnes_micro + {p}_q_tonnes,
            updated_at = @now
        WHERE (departures.capacity_teu_micro IS NULL OR departures.held_teu_micro + {p}_q_teu <= departures.capacity_teu_micro)
          AND (departures.capacity_wagons_micro IS NULL OR departures.held_wagons_micro + {p}_q_wagons <= departures.capacity_wagons_micro)
          AND (departures.capacity_tonnes_micro IS NULL OR departures.held_tonnes_micro + {p}_q_tonnes <= departures.capacity_tonnes_micro)
        """;

    private static bool Fits(MicroCapacity quantity, MicroCapacity capacity) =>
        (capacity.Teu is not { } teu || (quantity.Teu ?? 0) <= teu) &&
        (capacity.Wagons is not { } wagons || (quantity.Wagons ?? 0) <= wagons) &&
        (capacity.Tonnes is not { } tonnes || (quantity.Tonnes ?? 0) <= tonnes);

    /// <summary>
    /// Appends the inserts of the booking row, its first history entry (sequence 1: the booking is new) and its legs
    /// to a command of several statements (one round trip whatever the number of legs); returns the rows they insert.
    /// </summary>
    private int AppendBookingInserts(System.Text.StringBuilder sql, DbCommand command, string id, NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, Actor actor, Instant now)
    {
        sql.AppendLine("""
            INSERT INTO bookings (id, organisation_id, status, cargo_description, quoted_price, currency, reference, created_at, updated_at, hold_expires_at)
            VALUES (@id, @org, @status, @cargo, @price, @currency, @reference, @now, @now, @expires);
            INSERT INTO booking_events (booking_id, sequence, actor_org, actor_key, action, detail, at)
            VALUES (@id, 1, @actor_org, @actor_key, 'created', NULL, @now);
            """);
        command.With("@id", id).With("@org", booking.OrganisationId).With("@status", InitialStatus(booking)).With("@cargo", booking.CargoDescription)
            .With("@price", booking.QuotedPrice).With("@currency", booking.Currency).With("@reference", booking.Reference)
            .With(Dialect, "@now", now).With(Dialect, "@expires", HoldExpiry(booking, now)).WithActor(actor);
        for (var index = 0; index < legs.Count; index++)
        {
            var (leg, quantity, defaultCapacity) = legs[index];
            var n = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.AppendLine($"""
                INSERT INTO booking_legs (booking_id, leg_index, departure_id, service_id, departs_at, from_node, to_node,
                                          quantity_teu_micro, quantity_wagons_micro, quantity_tonnes_micro,
                                          default_teu_micro, default_wagons_micro, default_tonnes_micro, carrier, operator, ready_at)
                VALUES (@id, @index{n}, @departure{n}, @service{n}, @departs{n}, @from{n}, @to{n},
                        @q{n}_teu, @q{n}_wagons, @q{n}_tonnes, @d{n}_teu, @d{n}_wagons, @d{n}_tonnes, @carrier{n}, @operator{n}, @ready{n});
                """);
            command.With("@index" + n, index).With("@departure" + n, leg.Departure.Id)
                .With("@service" + n, leg.Departure.ServiceId).With(Dialect, "@departs" + n, leg.Departure.Time)
                .With("@from" + n, leg.From).With("@to" + n, leg.To).WithMicro("@q" + n, quantity).WithMicro("@d" + n, defaultCapacity)
                .With("@carrier" + n, leg.Carrier).With("@operator" + n, leg.Operator).With(Dialect, "@ready" + n, leg.ReadyAt);
        }
        return 2 + legs.Count + AppendConfirmedEvent(sql, booking);
    }

    /// <summary>The booking just inserted, exactly as <see cref="LoadBookingsAsync"/> would read it back.</summary>
    private static Booking AsWritten(string id, NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, Instant now) =>
        new(id, booking.OrganisationId, booking.Confirm ? BookingStatus.Confirmed : BookingStatus.Held, booking.CargoDescription, booking.QuotedPrice, booking.Currency,
            legs.Select(l => new BookingLeg(new DepartureRef(l.Leg.Departure.ServiceId, SqlDialect.Truncate(l.Leg.Departure.Time)),
                l.Leg.From, l.Leg.To, l.Quantity.ToCapacity(), l.DefaultCapacity.ToCapacity())
            {
                Carrier = l.Leg.Carrier,
                Operator = l.Leg.Operator,
                ReadyAt = l.Leg.ReadyAt,
            }).ToArray(),
            booking.Reference, now, now) { HoldExpiresAt = HoldExpiry(booking, now) };

    /// <summary>Computed with the booking's own time and written by its INSERT: no extra statement. A booking confirmed at once holds nothing that could expire.</summary>
    private static Instant? HoldExpiry(NewBooking booking, Instant now) =>
        !booking.Confirm && booking.HoldFor is { } holdFor ? SqlDialect.Truncate(now + holdFor) : null;
}
