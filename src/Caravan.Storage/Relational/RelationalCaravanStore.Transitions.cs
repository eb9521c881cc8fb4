using System.Data.Common;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public Task<TransitionResult> ConfirmBookingAsync(string id, Actor actor, CancellationToken ct = default) =>
        ConfirmBookingAsync(id, actor, _ => TransitionCheck.Allow, ct);

    public Task<TransitionResult> CancelBookingAsync(string id, Actor actor, CancellationToken ct = default) =>
        CancelBookingAsync(id, actor, _ => TransitionCheck.Allow, ct);

    /// <summary>
    /// One transaction: the booking with its legs is read and locked in one statement, the caller's check runs on it,
    /// then the new status and the history entry are written in one command; the booking returned is the one read
    /// with the new status, not read again.
    /// </summary>
    public Task<TransitionResult> ConfirmBookingAsync(string id, Actor actor, Func<Booking, TransitionCheck> authorise, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(authorise);
        StoreInput.Actor(actor);
        return WriteAsync<TransitionResult>(async (connection, transaction) =>
        {
            var booking = await LockBookingAsync(connection, transaction, id, ct);
            if (Refused(booking, authorise) is { } refused) return Outcome<TransitionResult>.Discard(refused);
            var now = Now();
            if (await ExpireIfDueAsync(connection, transaction, booking!, now, ct) is { } expired)
                return Outcome<TransitionResult>.Keep(expired);
            if (booking!.Status != BookingStatus.Held)
                return Outcome<TransitionResult>.Discard(new TransitionResult.Conflict(
                    booking, $"the booking is {StatusText(booking.Status)}; only a held booking can be confirmed"));

            await SetStatusAsync(connection, transaction, id, BookingStatus.Confirmed, actor, "confirmed", null, now, ct);
            return Outcome<TransitionResult>.Keep(new TransitionResult.Done(booking with { Status = BookingStatus.Confirmed, UpdatedAt = now }));
        }, ct);
    }

    /// <summary>Cancels and gives back exactly what the legs hold (read from the stored legs, so nothing can drift).</summary>
    public Task<TransitionResult> CancelBookingAsync(string id, Actor actor, Func<Booking, TransitionCheck> authorise, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(authorise);
        StoreInput.Actor(actor);
        return WriteAsync<TransitionResult>(async (connection, transaction) =>
        {
            var booking = await LockBookingAsync(connection, transaction, id, ct);
            if (Refused(booking, authorise) is { } refused) return Outcome<TransitionResult>.Discard(refused);
            var now = Now();
            if (await ExpireIfDueAsync(connection, transaction, booking!, now, ct) is { } expired)
                return Outcome<TransitionResult>.Keep(expired);
            if (booking!.Status == BookingStatus.Cancelled)
                return Outcome<TransitionResult>.Discard(new TransitionResult.Conflict(booking, "the booking is already cancelled"));
            if (booking.Status == BookingStatus.Expired)
                return Outcome<TransitionResult>.Discard(new TransitionResult.Conflict(booking, ExpiredReason(booking)));

            await SetStatusAsync(connection, transaction, id, BookingStatus.Cancelled, actor, "cancelled", $"was {StatusText(booking.Status)}", now, ct);
            foreach (var (departureId, quantity) in await HeldByDepartureAsync(connection, transaction, id, ct))
                await ReleaseAsync(connection, transaction, departureId, quantity, now, ct);
            return Outcome<TransitionResult>.Keep(new TransitionResult.Done(booking with { Status = BookingStatus.Cancelled, UpdatedAt = now }));
        }, ct);
    }

    /// <summary>
    /// A held booking past its expiry is expired here, in the caller's transaction on the locked row, exactly as the
    /// sweeper would; the answer is a conflict saying so (and the expiry is committed). Null when it is not due.
    /// </summary>
    private async Task<TransitionResult?> ExpireIfDueAsync(DbConnection connection, DbTransaction transaction, Booking booking,
        NodaTime.Instant now, CancellationToken ct)
    {
        if (!IsDue(booking.Status, booking.HoldExpiresAt, now)) return null;
        await ExpireAsync(connection, transaction, [booking.Id], now, ct);
        var expired = booking with { Status = BookingStatus.Expired, UpdatedAt = now };
        return new TransitionResult.Conflict(expired, ExpiredReason(expired));
    }

    private static string ExpiredReason(Booking booking) =>
        $"the hold expired at {NodaTime.Text.InstantPattern.General.Format(booking.HoldExpiresAt ?? booking.UpdatedAt)} and its capacity was released; book again";

    private static TransitionResult? Refused(Booking? booking, Func<Booking, TransitionCheck> authorise) =>
        booking is null ? new TransitionResult.NotFound() : authorise(booking) switch
        {
            TransitionCheck.Allow => null,
            TransitionCheck.NotFound => new TransitionResult.NotFound(),
            TransitionCheck.Forbidden => new TransitionResult.Forbidden(booking),
            var other => throw new ArgumentOutOfRangeException(nameof(authorise), other, null),
        };

    /// <summary>
    /// The booking and its legs in one statement (one row per leg), locking the booking row on PostgreSQL so that
    /// concurrent transitions of it take turns (SQLite: the transaction already has the write lock).
    /// </summary>
    private async Task<Booking?> LockBookingAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken ct)
    {
        await using var select = connection.Command(transaction, """
            SELECT b.organisation_id, b.status, b.cargo_description, b.quoted_price, b.currency, b.reference, b.created_at, b.updated_at,
                   l.service_id, l.departs_at, l.from_node, l.to_node,
                   l.quantity_teu_micro, l.quantity_wagons_micro, l.quantity_tonnes_micro,
                   l.default_teu_micro, l.default_wagons_micro, l.default_tonnes_micro, l.carrier, l.operator, b.hold_expires_at, l.ready_at
            FROM bookings b LEFT JOIN booking_legs l ON l.booking_id = b.id
            WHERE b.id = @id ORDER BY l.leg_index
            """ + Dialect.ForUpdateOf("b"));
        await using var reader = await select.With("@id", id).ExecuteReaderAsync(ct);
        Booking? booking = null;
        var legs = new List<BookingLeg>();
        while (await reader.ReadAsync(ct))
        {
            booking ??= new Booking(id, reader.GetString(0), ParseStatus(reader.GetString(1)), reader.GetString(2),
                reader.GetDecimal(3), reader.GetString(4), legs, reader.NullableString(5),
                Dialect.ReadInstant(reader, 6), Dialect.ReadInstant(reader, 7)) { HoldExpiresAt = reader.NullableInstant(Dialect, 20) };
            if (reader.IsDBNull(8)) continue;
            legs.Add(new BookingLeg(
                new DepartureRef(reader.GetString(8), Dialect.ReadInstant(reader, 9)), reader.GetString(10), reader.GetString(11),
                reader.Micro(12).ToCapacity(), reader.Micro(15).ToCapacity())
            {
                Carrier = reader.NullableString(18),
                Operator = reader.NullableString(19),
                ReadyAt = reader.NullableInstant(Dialect, 21),
            });
        }
        return booking;
    }

    /// <summary>The new status and its history entry, one command (the booking row is locked, so the sequence is safe).</summary>
    private async Task SetStatusAsync(DbConnection connection, DbTransaction transaction, string id, BookingStatus status, Actor actor,
        string action, string? detail, NodaTime.Instant now, CancellationToken ct)
    {
        await using var update = connection.Command(transaction, """
            UPDATE bookings SET status = @status, updated_at = @now WHERE id = @id;
            INSERT INTO booking_events (booking_id, sequence, actor_org, actor_key, action, detail, at)
            SELECT @id, COALESCE(MAX(sequence), 0) + 1, @actor_org, @actor_key, @action, @detail, @now
            FROM booking_events WHERE booking_id = @id;
            """);
        await update.With("@id", id).With("@status", StatusText(status)).With(Dialect, "@now", now).WithActor(actor)
            .With("@action", action).With("@detail", detail).ExecuteNonQueryAsync(ct);
    }

    /// <summary>What the booking holds per departure, in ordinal departure id order (the lock order).</summary>
    private static async Task<IReadOnlyList<(string DepartureId, MicroCapacity Quantity)>> HeldByDepartureAsync(
        DbConnection connection, DbTransaction transaction, string bookingId, CancellationToken ct)
    {
        var held = new List<(string, MicroCapacity)>();
        await using (var select = connection.Command(transaction, """
            SELECT departure_id,
                   CAST(SUM(COALESCE(quantity_teu_micro, 0)) AS BIGINT),
                   CAST(SUM(COALESCE(quantity_wagons_micro, 0)) AS BIGINT),
                   CAST(SUM(COALESCE(quantity_tonnes_micro, 0)) AS BIGINT)
            FROM booking_legs WHERE booking_id = @booking GROUP BY departure_id
            """))
        {
            await using var reader = await select.With("@booking", bookingId).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) held.Add((reader.GetString(0), reader.Micro(1)));
        }
        return held.OrderBy(h => h.Item1, StringComparer.Ordinal).ToArray();
    }

    private async Task ReleaseAsync(DbConnection connection, DbTransaction transaction, string departureId,
        MicroCapacity quantity, NodaTime.Instant now, CancellationToken ct)
    {
        await using var update = connection.Command(transaction, """
            UPDATE departures
            SET held_teu_micro = held_teu_micro - @q_teu,
                held_wagons_micro = held_wagons_micro - @q_wagons,
                held_tonnes_micro = held_tonnes_micro - @q_tonnes,
                updated_at = @now
            WHERE id = @id
            """);
        if (await update.With("@id", departureId).WithMicro("@q", quantity).With(Dialect, "@now", now).ExecuteNonQueryAsync(ct) != 1)
            throw new InvalidDataException($"Departure '{departureId}' of a booking is missing.");
    }
}
