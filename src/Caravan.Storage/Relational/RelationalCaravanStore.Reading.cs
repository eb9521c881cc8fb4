using System.Data.Common;
using System.Text;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public Task<Booking?> FindBookingAsync(string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(async connection => (await LoadBookingsAsync(connection, null, [id], ct)).SingleOrDefault(), ct);
    }

    public Task<IReadOnlyList<BookingEvent>> GetBookingHistoryAsync(string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync<IReadOnlyList<BookingEvent>>(async connection =>
        {
            await using var select = connection.Command(null, """
                SELECT sequence, actor_org, actor_key, action, detail, at FROM booking_events
                WHERE booking_id = @id ORDER BY sequence
                """);
            await using var reader = await select.With("@id", id).ExecuteReaderAsync(ct);
            var events = new List<BookingEvent>();
            while (await reader.ReadAsync(ct))
                events.Add(new BookingEvent(reader.GetInt64(0), id, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.NullableString(4), Dialect.ReadInstant(reader, 5)));
            return events;
        }, ct);
    }

    /// <summary>
    /// Keyset paging: the next page starts after the last id seen, so a page is found through the primary key index
    /// however deep it is, and bookings created meanwhile never shift what a later page shows.
    /// </summary>
    public Task<BookingPage> ListBookingsAsync(BookingQuery query, CancellationToken ct = default)
    {
        StoreInput.Query(query);
        return ReadAsync(async connection =>
        {
            var sql = new StringBuilder("SELECT id FROM bookings b WHERE 1 = 1");
            await using var select = connection.Command(null, "");
            if (query.OrganisationId is not null) { sql.Append(" AND b.organisation_id = @org"); select.With("@org", query.OrganisationId); }
            if (query.Status is { } status)
            {
                // By the status users see: a hold past its expiry is expired even before the sweeper records it.
                if (status is BookingStatus.Held or BookingStatus.Expired)
                {
                    sql.Append(status == BookingStatus.Held
                        ? " AND b.status = 'held' AND (b.hold_expires_at IS NULL OR b.hold_expires_at > @now)"
                        : " AND (b.status = 'expired' OR (b.status = 'held' AND b.hold_expires_at <= @now))");
                    select.With(Dialect, "@now", Now());
                }
                else { sql.Append(" AND b.status = @status"); select.With("@status", StatusText(status)); }
            }
            if (query.After is not null) { sql.Append(" AND b.id > @after"); select.With("@after", query.After); }
            if (query.ServiceId is not null)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM booking_legs l WHERE l.booking_id = b.id AND l.service_id = @service)");
                select.With("@service", query.ServiceId);
            }
            if (query.Carriers is { } carriers)
            {
                if (carriers.Count == 0) return new BookingPage([], null);
                var names = string.Join(", ", carriers.Select((_, i) => "@carrier" + i));
                sql.Append($" AND EXISTS (SELECT 1 FROM booking_legs l WHERE l.booking_id = b.id AND (l.carrier IN ({names}) OR l.operator IN ({names})))");
                for (var i = 0; i < carriers.Count; i++) select.With("@carrier" + i, carriers[i]);
            }
            // One more than asked tells whether there is a next page.
            sql.Append(" ORDER BY b.id LIMIT @limit");
            select.With("@limit", query.Limit + 1);
            select.CommandText = sql.ToString();

            var ids = new List<string>();
            await using (var reader = await select.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
            var more = ids.Count > query.Limit;
            if (more) ids.RemoveAt(ids.Count - 1);
            var items = await LoadBookingsAsync(connection, null, ids, ct);
            return new BookingPage(items, more ? ids[^1] : null);
        }, ct);
    }

    /// <summary>
    /// The bookings with these ids, in the order given (missing ids are left out). Legs never change after the booking
    /// is written with them, so reading the two tables in two statements is consistent even outside a transaction.
    /// </summary>
    private async Task<IReadOnlyList<Booking>> LoadBookingsAsync(DbConnection connection, DbTransaction? transaction,
        IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var now = Now();
        var names = string.Join(", ", ids.Select((_, i) => "@id" + i));

        var legs = ids.ToDictionary(id => id, _ => new List<BookingLeg>(), StringComparer.Ordinal);
        await using (var select = connection.Command(transaction, $"""
            SELECT booking_id, service_id, departs_at, from_node, to_node,
                   quantity_teu_micro, quantity_wagons_micro, quantity_tonnes_micro,
                   default_teu_micro, default_wagons_micro, default_tonnes_micro, carrier, operator, ready_at
            FROM booking_legs WHERE booking_id IN ({names}) ORDER BY booking_id, leg_index
            """))
        {
            for (var i = 0; i < ids.Count; i++) select.With("@id" + i, ids[i]);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                legs[reader.GetString(0)].Add(new BookingLeg(
                    new DepartureRef(reader.GetString(1), Dialect.ReadInstant(reader, 2)), reader.GetString(3), reader.GetString(4),
                    reader.Micro(5).ToCapacity(), reader.Micro(8).ToCapacity())
                {
                    Carrier = reader.NullableString(11),
                    Operator = reader.NullableString(12),
                    ReadyAt = reader.NullableInstant(Dialect, 13),
                });
        }

        var bookings = new Dictionary<string, Booking>(StringComparer.Ordinal);
        await using (var select = connection.Command(transaction, $"""
            SELECT id, organisation_id, status, cargo_description, quoted_price, currency, reference, created_at, updated_at, hold_expires_at
            FROM bookings WHERE id IN ({names})
            """))
        {
            for (var i = 0; i < ids.Count; i++) select.With("@id" + i, ids[i]);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                var expires = reader.NullableInstant(Dialect, 9);
                bookings[id] = new Booking(id, reader.GetString(1), SeenStatus(ParseStatus(reader.GetString(2)), expires, now), reader.GetString(3),
                    reader.GetDecimal(4), reader.GetString(5), legs[id], reader.NullableString(6),
                    Dialect.ReadInstant(reader, 7), Dialect.ReadInstant(reader, 8)) { HoldExpiresAt = expires };
            }
        }
        return ids.Where(bookings.ContainsKey).Select(id => bookings[id]).ToArray();
    }

    /// <summary>A hold is over at its expiry time, whether or not the sweeper has recorded it yet.</summary>
    private static bool IsDue(BookingStatus stored, NodaTime.Instant? holdExpiresAt, NodaTime.Instant now) =>
        stored == BookingStatus.Held && holdExpiresAt is { } expires && expires <= now;

    /// <summary>The status as users see it: <see cref="BookingStatus.Expired"/> for a hold past its expiry.</summary>
    private static BookingStatus SeenStatus(BookingStatus stored, NodaTime.Instant? holdExpiresAt, NodaTime.Instant now) =>
        IsDue(stored, holdExpiresAt, now) ? BookingStatus.Expired : stored;

    private static string StatusText(BookingStatus status) => status switch
    {
        BookingStatus.Held => "held",
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static BookingStatus ParseStatus(string text) => text switch
    {
        "held" => BookingStatus.Held,
        "confirmed" => BookingStatus.Confirmed,
        "cancelled" => BookingStatus.Cancelled,
        "expired" => BookingStatus.Expired,
        _ => throw new InvalidDataException($"Unknown booking status '{text}' in the database."),
    };
}
