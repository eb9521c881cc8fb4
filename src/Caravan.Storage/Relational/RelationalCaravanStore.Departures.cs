using System.Data.Common;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public async Task<DepartureState> GetDepartureAsync(DepartureRef departure, Capacity defaultCapacity, CancellationToken ct = default)
    {
        StoreInput.Departure(departure, nameof(departure));
        var fallback = MicroUnits.FromCapacity(defaultCapacity, nameof(defaultCapacity));
        return await ReadAsync(async connection =>
            await ReadDepartureAsync(connection, null, departure, ct) ?? Unwritten(departure, fallback), ct);
    }

    public async Task<SetCapacityResult> SetDepartureCapacityAsync(DepartureRef departure, Capacity capacity, Actor actor, CancellationToken ct = default)
    {
        StoreInput.Departure(departure, nameof(departure));
        var micro = MicroUnits.FromCapacity(capacity, nameof(capacity));
        StoreInput.Actor(actor);
        var now = Now();
        return await WriteAsync<SetCapacityResult>(async (connection, transaction) =>
        {
            await EnsureDepartureAsync(connection, transaction, departure, micro, actor, now, ct);
            // The new capacity must cover what is held; the check and the write are one statement on a locked row.
            await using (var update = connection.Command(transaction, """
                UPDATE departures
                SET capacity_teu_micro = @cap_teu, capacity_wagons_micro = @cap_wagons, capacity_tonnes_micro = @cap_tonnes,
                    updated_at = @now, updated_by_org = @actor_org, updated_by_key = @actor_key
                WHERE id = @id
                  AND (@cap_teu IS NULL OR held_teu_micro <= @cap_teu)
                  AND (@cap_wagons IS NULL OR held_wagons_micro <= @cap_wagons)
                  AND (@cap_tonnes IS NULL OR held_tonnes_micro <= @cap_tonnes)
                """))
            {
                var changed = await update.With("@id", departure.Id).WithMicro("@cap", micro).With(Dialect, "@now", now)
                    .WithActor(actor).ExecuteNonQueryAsync(ct);
                var state = (await ReadDepartureAsync(connection, transaction, departure, ct))!;
                return changed == 1
                    ? Outcome<SetCapacityResult>.Keep(new SetCapacityResult.Updated(state))
                    : Outcome<SetCapacityResult>.Discard(new SetCapacityResult.BelowHeld(state));
            }
        }, ct);
    }

    private static DepartureState Unwritten(DepartureRef departure, MicroCapacity capacity) =>
        new(departure, capacity.ToCapacity(), new Capacity(0, 0, 0));

    /// <summary>
    /// Creates the row of a departure not written before, with the capacity the caller knows from the network. If
    /// another transaction creates it first, that row wins and this does nothing (on PostgreSQL it waits for that
    /// transaction to finish first).
    /// </summary>
    private async Task EnsureDepartureAsync(DbConnection connection, DbTransaction transaction, DepartureRef departure,
        MicroCapacity capacity, Actor actor, NodaTime.Instant now, CancellationToken ct)
    {
        await using var insert = connection.Command(transaction, """
            INSERT INTO departures (id, service_id, departs_at, capacity_teu_micro, capacity_wagons_micro, capacity_tonnes_micro,
                                    held_teu_micro, held_wagons_micro, held_tonnes_micro, created_at, updated_at, updated_by_org, updated_by_key)
            VALUES (@id, @service, @departs, @cap_teu, @cap_wagons, @cap_tonnes, 0, 0, 0, @now, @now, @actor_org, @actor_key)
            ON CONFLICT (id) DO NOTHING
            """);
        await insert.With("@id", departure.Id).With("@service", departure.ServiceId).With(Dialect, "@departs", departure.Time)
            .WithMicro("@cap", capacity).With(Dialect, "@now", now).WithActor(actor).ExecuteNonQueryAsync(ct);
    }

    private async Task<DepartureState?> ReadDepartureAsync(DbConnection connection, DbTransaction? transaction, DepartureRef departure, CancellationToken ct)
    {
        await using var select = connection.Command(transaction, SelectDepartureSql + " WHERE d.id = @id");
        await using var reader = await select.With("@id", departure.Id).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadDepartureRow(reader) : null;
    }
}
