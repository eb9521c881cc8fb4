using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

/// <summary>
/// Holds that expire. Each booking stores when its hold expires (set by its INSERT); a hold past that time reads as
/// expired at once, and confirm and cancel expire it in their own transaction. The sweeper records the expiry of the
/// others (status, history, capacity released) in small batches, from any number of server processes at once.
/// </summary>
public abstract partial class RelationalCaravanStore
{
    public const int MaxExpiryBatch = 1_000;

    public Task<int> ExpireDueHoldsAsync(int batchSize, CancellationToken ct = default)
    {
        if (batchSize is < 1 or > MaxExpiryBatch)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be 1 to {MaxExpiryBatch}.");
        return WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
            // PostgreSQL: FOR UPDATE SKIP LOCKED, so sweepers in several processes take disjoint batches and never wait on
            // a booking a confirm or cancel is changing; a booking changed and committed meanwhile is re-checked against
            // the WHERE and left out if no longer held. SQLite: the write transaction already excludes every other writer.
            var due = new List<string>();
            await using (var select = connection.Command(transaction, $"""
                SELECT id FROM bookings
                WHERE status = 'held' AND hold_expires_at <= @now
                ORDER BY hold_expires_at, id
                LIMIT {batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Dialect.ForUpdateSkipLocked}
                """))
            {
                await using var reader = await select.With(Dialect, "@now", now).ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) due.Add(reader.GetString(0));
            }
            if (due.Count == 0) return Outcome<int>.Discard(0);
            await ExpireAsync(connection, transaction, due, now, ct);
            return Outcome<int>.Keep(due.Count);
        }, ct);
    }

    /// <summary>
    /// Held → Expired for bookings whose rows this transaction has locked: the status and a history entry by the
    /// system ("expired") in one command, then what their legs hold is released per departure, in ordinal id order
    /// (the lock order of every writer), summed over the batch so a departure is updated once.
    /// </summary>
    private async Task ExpireAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids, Instant now, CancellationToken ct)
    {
        var names = string.Join(", ", ids.Select((_, i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using (var update = connection.Command(transaction, $"""
            UPDATE bookings SET status = 'expired', updated_at = @now WHERE id IN ({names}) AND status = 'held';
            INSERT INTO booking_events (booking_id, sequence, actor_org, actor_key, action, detail, at)
            SELECT booking_id, MAX(sequence) + 1, @actor_org, @actor_key, 'expired', 'was held', @now
            FROM booking_events WHERE booking_id IN ({names}) GROUP BY booking_id;
            """))
        {
            for (var i = 0; i < ids.Count; i++) update.With("@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[i]);
            await update.With(Dialect, "@now", now).WithActor(Actor.System).ExecuteNonQueryAsync(ct);
        }

        var released = new List<(string DepartureId, MicroCapacity Quantity)>();
        await using (var select = connection.Command(transaction, $"""
            SELECT departure_id,
                   CAST(SUM(COALESCE(quantity_teu_micro, 0)) AS BIGINT),
                   CAST(SUM(COALESCE(quantity_wagons_micro, 0)) AS BIGINT),
                   CAST(SUM(COALESCE(quantity_tonnes_micro, 0)) AS BIGINT)
            FROM booking_legs WHERE booking_id IN ({names}) GROUP BY departure_id
            """))
        {
            for (var i = 0; i < ids.Count; i++) select.With("@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[i]);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) released.Add((reader.GetString(0), reader.Micro(1)));
        }
        foreach (var (departureId, quantity) in released.OrderBy(r => r.DepartureId, StringComparer.Ordinal))
            await ReleaseAsync(connection, transaction, departureId, quantity, now, ct);
    }
}
