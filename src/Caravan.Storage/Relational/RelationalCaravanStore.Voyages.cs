using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

/// <summary>
/// Voyages of sail-when-full vessels. A voyage is a departure row with a latest departure: its capacity, holds and
/// CHECKs are those of any departure, so the no-overbooking guarantee is the same conditional UPDATE. What differs is
/// who picks the row: the caller names a scheduled departure, but for a voyage it names when the cargo is ready and
/// the store picks the voyage.
/// </summary>
public abstract partial class RelationalCaravanStore
{
    /// <summary>
    /// Opening a new voyage exactly when the cargo is ready can meet a voyage another booking opened at that same
    /// second and filled (voyage ids are to the second): the next vessel then opens a second later, and so on, this
    /// many times at most. A voyage opening that little after the cargo is ready counts as loading when it is ready.
    /// </summary>
    private const int MaxVoyageOpenings = 60;

    /// <summary>How long after the cargo is ready a voyage may open and still count as loading then.</summary>
    internal static readonly Duration VoyageOpeningGrace = Duration.FromSeconds(MaxVoyageOpenings);

    /// <summary>
    /// Holds the leg on the voyage that sails soonest among those of its service loading at the cargo's ready time
    /// with room for it; failing that, on a new voyage opening then. Null when the cargo is more than a whole vessel
    /// takes. Returns the voyage's departure.
    /// </summary>
    private async Task<DepartureRef?> HoldOnVoyageAsync(DbConnection connection, DbTransaction transaction, BookingLeg leg,
        VoyageTerms terms, MicroCapacity quantity, MicroCapacity defaultCapacity, Actor actor, Instant now, CancellationToken ct)
    {
        var ready = SqlDialect.Truncate(leg.Departure.Time);
        var loading = new List<DepartureRef>();
        await using (var select = connection.Command(transaction, """
            SELECT service_id, departs_at FROM departures
            WHERE service_id = @service AND latest_departure IS NOT NULL AND departs_at <= @grace AND latest_departure >= @ready
              AND (capacity_teu_micro IS NULL OR held_teu_micro + @q_teu <= capacity_teu_micro)
              AND (capacity_wagons_micro IS NULL OR held_wagons_micro + @q_wagons <= capacity_wagons_micro)
              AND (capacity_tonnes_micro IS NULL OR held_tonnes_micro + @q_tonnes <= capacity_tonnes_micro)
            ORDER BY latest_departure, id
            """))
        {
            // Only voyages that had room when read: a busy service has many full ones, and trying each would cost a
            // round trip and a wait on its lock. (The UPDATE below checks again on the committed row.)
            await using var reader = await select.With("@service", leg.Departure.ServiceId).With(Dialect, "@ready", ready)
                .With(Dialect, "@grace", ready + VoyageOpeningGrace).WithMicro("@q", quantity).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) loading.Add(new DepartureRef(reader.GetString(0), Dialect.ReadInstant(reader, 1)));
        }
        // Each try is the same conditional UPDATE as a scheduled hold: a voyage filled meanwhile by another
        // transaction refuses it, and the next one is tried.
        foreach (var voyage in loading)
            if (await TryHoldAsync(connection, transaction, voyage, quantity, now, ct)) return voyage;

        if (!Fits(quantity, defaultCapacity)) return null;
        // A new vessel opens at the ready time, or a second after the last one opened within the grace (those are full).
        var first = ready;
        await using (var last = connection.Command(transaction, """
            SELECT MAX(departs_at) FROM departures
            WHERE service_id = @service AND latest_departure IS NOT NULL AND departs_at >= @ready AND departs_at < @grace
            """))
        {
            await using var reader = await last.With("@service", leg.Departure.ServiceId).With(Dialect, "@ready", ready)
                .With(Dialect, "@grace", ready + VoyageOpeningGrace).ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct) && reader.NullableInstant(Dialect, 0) is { } opened) first = opened + Duration.FromSeconds(1);
        }
        for (var k = 0; k < MaxVoyageOpenings; k++)
        {
            var opens = first + Duration.FromSeconds(k);
            if (opens > ready + VoyageOpeningGrace) break;
            var voyage = new DepartureRef(leg.Departure.ServiceId, opens);
            var p = "@v";
            await using var upsert = connection.Command(transaction, UpsertHoldSql(p));
            var held = await upsert.With(p + "_id", voyage.Id).With(p + "_service", voyage.ServiceId).With(Dialect, p + "_departs", opens)
                .With(Dialect, p + "_latest", (Instant?)(opens + terms.MaxWait)).WithMicro(p + "_cap", defaultCapacity)
                .WithMicro(p + "_q", quantity).With(Dialect, "@now", now).WithActor(actor).ExecuteNonQueryAsync(ct);
            if (held == 1) return voyage;
        }
        return null;
    }

    public async Task<IReadOnlyList<DepartureState>> ListVoyagesAsync(string? serviceId, Instant from, Instant to, int limit, CancellationToken ct = default)
    {
        if (serviceId is not null) StoreInput.Text(serviceId, nameof(serviceId));
        if (limit is < 1 or > 10_000) throw new ArgumentException($"limit must be 1 to 10,000, not {limit}.", nameof(limit));
        return await ReadAsync<IReadOnlyList<DepartureState>>(async connection =>
        {
            await using var select = connection.Command(null, $"""
                {SelectDepartureSql}
                WHERE d.latest_departure IS NOT NULL AND d.departs_at < @to AND d.latest_departure >= @from
                  AND (@service IS NULL OR d.service_id = @service)
                ORDER BY d.departs_at, d.id
                LIMIT {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}
                """);
            await using var reader = await select.With("@service", serviceId).With(Dialect, "@from", from).With(Dialect, "@to", to)
                .ExecuteReaderAsync(ct);
            var voyages = new List<DepartureState>();
            while (await reader.ReadAsync(ct)) voyages.Add(ReadDepartureRow(reader));
            return voyages;
        }, ct);
    }

    /// <summary>
    /// A departure with, for a voyage, the latest ready time of the cargo its live bookings hold on it: a full voyage
    /// sails then. Columns as <see cref="ReadDepartureRow"/> reads them.
    /// </summary>
    private const string SelectDepartureSql = """
        SELECT d.service_id, d.departs_at, d.capacity_teu_micro, d.capacity_wagons_micro, d.capacity_tonnes_micro,
               d.held_teu_micro, d.held_wagons_micro, d.held_tonnes_micro, d.latest_departure,
               CASE WHEN d.latest_departure IS NULL THEN NULL ELSE
                 (SELECT MAX(l.ready_at) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                  WHERE l.departure_id = d.id AND b.status IN ('held', 'confirmed')) END
        FROM departures d
        """;

    private DepartureState ReadDepartureRow(DbDataReader reader)
    {
        var departure = new DepartureRef(reader.GetString(0), Dialect.ReadInstant(reader, 1));
        var state = new DepartureState(departure, reader.Micro(2).ToCapacity(), reader.Micro(5).ToCapacity());
        if (reader.NullableInstant(Dialect, 8) is not { } latest) return state;
        var full = VoyageState.IsFull(state.Capacity, state.Held);
        var lastReady = reader.NullableInstant(Dialect, 9);
        // A full voyage sails once its last cargo is ready, but never before it opens nor after its latest departure.
        var planned = full && lastReady is { } r ? Instant.Min(latest, Instant.Max(r, departure.Time)) : latest;
        return state with { Voyage = new VoyageState(departure.Time, latest, planned, full) };
    }
}
