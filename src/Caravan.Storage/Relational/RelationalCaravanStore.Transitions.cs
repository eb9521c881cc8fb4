using System.Data.Common;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public Task<TransitionResult> ConfirmBookingAsync(string id, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        StoreInput.Actor(actor);
        return WriteAsync<TransitionResult>(async (connection, transaction) =>
        {
            var status = await LockStatusAsync(connection, transaction, id, ct);
            if (status is null) return Outcome<TransitionResult>.Keep(new TransitionResult.NotFound());
            if (status != BookingStatus.Held)
                return Outcome<TransitionResult>.Discard(new TransitionResult.Conflict(
                    await LoadOneAsync(connection, transaction, id, ct), $"the booking is {StatusText(status.Value)}; only a held booking can be confirmed"));

            var now = Now();
            await SetStatusAsync(connection, transaction, id, BookingStatus.Confirmed, now, ct);
            await AddEventAsync(connection, transaction, id, actor, "confirmed", null, now, ct);
            return Outcome<TransitionResult>.Keep(new TransitionResult.Done(await LoadOneAsync(connection, transaction, id, ct)));
        }, ct);
    }

    /// <summary>Cancels and gives back exactly what the legs hold (read from the stored legs, so nothing can drift).</summary>
    public Task<TransitionResult> CancelBookingAsync(string id, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        StoreInput.Actor(actor);
        return WriteAsync<TransitionResult>(async (connection, transaction) =>
        {
            var status = await LockStatusAsync(connection, transaction, id, ct);
            if (status is null) return Outcome<TransitionResult>.Keep(new TransitionResult.NotFound());
            if (status == BookingStatus.Cancelled)
                return Outcome<TransitionResult>.Discard(new TransitionResult.Conflict(
                    await LoadOneAsync(connection, transaction, id, ct), "the booking is already cancelled"));

            var now = Now();
            await SetStatusAsync(connection, transaction, id, BookingStatus.Cancelled, now, ct);
            foreach (var (departureId, quantity) in await HeldByDepartureAsync(connection, transaction, id, ct))
                await ReleaseAsync(connection, transaction, departureId, quantity, now, ct);
            await AddEventAsync(connection, transaction, id, actor, "cancelled", $"was {StatusText(status.Value)}", now, ct);
            return Outcome<TransitionResult>.Keep(new TransitionResult.Done(await LoadOneAsync(connection, transaction, id, ct)));
        }, ct);
    }

    /// <summary>The status, locking the booking row on PostgreSQL so that concurrent transitions of it take turns.</summary>
    private async Task<BookingStatus?> LockStatusAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken ct)
    {
        await using var select = connection.Command(transaction, "SELECT status FROM bookings WHERE id = @id" + Dialect.ForUpdate);
        var status = await select.With("@id", id).ExecuteScalarAsync(ct);
        return status is string text ? ParseStatus(text) : null;
    }

    private async Task SetStatusAsync(DbConnection connection, DbTransaction transaction, string id, BookingStatus status, NodaTime.Instant now, CancellationToken ct)
    {
        await using var update = connection.Command(transaction, "UPDATE bookings SET status = @status, updated_at = @now WHERE id = @id");
        await update.With("@id", id).With("@status", StatusText(status)).With(Dialect, "@now", now).ExecuteNonQueryAsync(ct);
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
