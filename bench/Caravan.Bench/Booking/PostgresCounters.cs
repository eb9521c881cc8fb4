using Npgsql;

namespace Caravan.Bench.Booking;

/// <summary>Cumulative counters of one database and of the cluster's WAL (pg_stat_database, pg_stat_wal; PostgreSQL 14+).</summary>
internal sealed record PostgresCounters(long Commits, long Rollbacks, long Inserted, long Updated, long Returned, long WalRecords, long WalBytes, long WalSyncs)
{
    public static async Task<PostgresCounters> ReadAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // Statistics reach the shared counters when a backend flushes them (at most about a second late): clear this
        // backend's snapshot so the read is fresh.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection)) await clear.ExecuteNonQueryAsync();
        await using var select = new NpgsqlCommand("""
            SELECT d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, d.tup_returned,
                   w.wal_records, w.wal_bytes::bigint, w.wal_sync
            FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()
            """, connection);
        await using var reader = await select.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PostgresCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    public PostgresCounters Minus(PostgresCounters earlier) => new(
        Commits - earlier.Commits, Rollbacks - earlier.Rollbacks, Inserted - earlier.Inserted, Updated - earlier.Updated,
        Returned - earlier.Returned, WalRecords - earlier.WalRecords, WalBytes - earlier.WalBytes, WalSyncs - earlier.WalSyncs);

    /// <summary>The pid of the postmaster: the parent of a backend.</summary>
    public static async Task<int> PostmasterPidAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return CpuMeter.ParentOf(Convert.ToInt32(await select.ExecuteScalarAsync()));
    }
}
