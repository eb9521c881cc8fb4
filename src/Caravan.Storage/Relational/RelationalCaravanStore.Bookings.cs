using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    /// <summary>
    /// One transaction: claim the idempotency key, hold every departure (in departure id order, so two bookings over
    /// the same departures lock them in the same order and cannot deadlock), then store the booking, its legs and its
    /// first history entry. A departure that does not fit rolls everything back.
    /// </summary>
    public async Task<CreateBookingResult> CreateBookingAsync(NewBooking booking, Actor actor, CancellationToken ct = default)
    {
        var legs = StoreInput.Booking(booking);
        StoreInput.Actor(actor);
        var holds = HoldsByDeparture(legs);
        return await WriteAsync<CreateBookingResult>(async (connection, transaction) =>
        {
            var now = Now();
            var id = Identifiers.NewBookingId(now);

            if (booking.IdempotencyKey is { } key)
            {
                var earlier = await ClaimIdempotencyKeyAsync(connection, transaction, booking, key, id, now, ct);
                if (earlier is not null) return Outcome<CreateBookingResult>.Discard(earlier);
            }

            foreach (var hold in holds)
            {
                await EnsureDepartureAsync(connection, transaction, hold.Departure, hold.DefaultCapacity, actor, now, ct);
                if (!await TryHoldAsync(connection, transaction, hold.Departure, hold.Total, now, ct))
                {
                    var state = (await ReadDepartureAsync(connection, transaction, hold.Departure, ct))!;
                    return Outcome<CreateBookingResult>.Discard(new CreateBookingResult.InsufficientCapacity(hold.FirstLegIndex, state));
                }
            }

            await InsertBookingAsync(connection, transaction, id, booking, legs, now, ct);
            await AddEventAsync(connection, transaction, id, actor, "created", null, now, ct);
            var created = (await LoadBookingsAsync(connection, transaction, [id], ct)).Single();
            return Outcome<CreateBookingResult>.Keep(new CreateBookingResult.Created(created));
        }, ct);
    }

    private sealed record Hold(DepartureRef Departure, int FirstLegIndex, MicroCapacity DefaultCapacity, MicroCapacity Total);

    /// <summary>Legs on the same departure add up to one hold; the holds come in ordinal departure id order (the lock order).</summary>
    private static IReadOnlyList<Hold> HoldsByDeparture(IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs) =>
        legs.Select((leg, index) => (leg, index))
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

    private async Task InsertBookingAsync(DbConnection connection, DbTransaction transaction, string id, NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, Instant now, CancellationToken ct)
    {
        await using (var insert = connection.Command(transaction, """
            INSERT INTO bookings (id, organisation_id, status, cargo_description, quoted_price, currency, reference, created_at, updated_at)
            VALUES (@id, @org, 'held', @cargo, @price, @currency, @reference, @now, @now)
            """))
        {
            await insert.With("@id", id).With("@org", booking.OrganisationId).With("@cargo", booking.CargoDescription)
                .With("@price", booking.QuotedPrice).With("@currency", booking.Currency).With("@reference", booking.Reference)
                .With(Dialect, "@now", now).ExecuteNonQueryAsync(ct);
        }
        for (var index = 0; index < legs.Count; index++)
        {
            var (leg, quantity, defaultCapacity) = legs[index];
            await using var insert = connection.Command(transaction, """
                INSERT INTO booking_legs (booking_id, leg_index, departure_id, service_id, departs_at, from_node, to_node,
                                          quantity_teu_micro, quantity_wagons_micro, quantity_tonnes_micro,
                                          default_teu_micro, default_wagons_micro, default_tonnes_micro, carrier, operator)
                VALUES (@booking, @index, @departure, @service, @departs, @from, @to,
                        @q_teu, @q_wagons, @q_tonnes, @d_teu, @d_wagons, @d_tonnes, @carrier, @operator)
                """);
            await insert.With("@booking", id).With("@index", index).With("@departure", leg.Departure.Id)
                .With("@service", leg.Departure.ServiceId).With(Dialect, "@departs", leg.Departure.Time)
                .With("@from", leg.From).With("@to", leg.To).WithMicro("@q", quantity).WithMicro("@d", defaultCapacity)
                .With("@carrier", leg.Carrier).With("@operator", leg.Operator).ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Appends to the history with the next sequence number; callers hold the booking row (or the write lock).</summary>
    private async Task AddEventAsync(DbConnection connection, DbTransaction transaction, string bookingId, Actor actor,
        string action, string? detail, Instant now, CancellationToken ct)
    {
        await using var insert = connection.Command(transaction, """
            INSERT INTO booking_events (booking_id, sequence, actor_org, actor_key, action, detail, at)
            SELECT @booking, COALESCE(MAX(sequence), 0) + 1, @actor_org, @actor_key, @action, @detail, @now
            FROM booking_events WHERE booking_id = @booking
            """);
        await insert.With("@booking", bookingId).WithActor(actor).With("@action", action).With("@detail", detail)
            .With(Dialect, "@now", now).ExecuteNonQueryAsync(ct);
    }
}
