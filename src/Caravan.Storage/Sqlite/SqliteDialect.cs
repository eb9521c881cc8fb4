using System.Data;
using System.Data.Common;
using Caravan.Storage.Relational;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// SQLite: one writer at a time (every write transaction is <c>BEGIN IMMEDIATE</c>, so it holds the write lock from
/// its first statement and its reads cannot go stale); readers run beside it thanks to WAL.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    /// <summary>How long a writer waits for the write lock before the attempt counts as busy (and is retried).</summary>
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>Fixed width, so text order is time order.</summary>
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");

    private int walChecked;

    public override string Name => "sqlite";

    public string ConnectionString => connectionString;

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Per connection: FULL syncs the WAL on every commit, so an acknowledged write survives a power cut
            // (NORMAL could lose the last commits); busy_timeout makes a writer wait for the lock instead of failing.
            await using (var pragmas = connection.Command(null,
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"))
            {
                await pragmas.ExecuteNonQueryAsync(ct);
            }
            // WAL is a property of the file and stays once set; set it on the first connection of this store.
            if (Interlocked.Exchange(ref walChecked, 1) == 0)
            {
                await using var wal = connection.Command(null, "PRAGMA journal_mode = WAL;");
                await wal.ExecuteScalarAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        // deferred: false is BEGIN IMMEDIATE.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    public override string ForUpdate => "";

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    /// <summary>SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the file or its disk failed; nothing was committed.</summary>
    public override bool IsUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 10 or 13 or 14 };

    public override void AddInstant(DbCommand command, string name, Instant value) =>
        command.With(name, TimePattern.Format(value));

    public override void AddNullInstant(DbCommand command, string name) => command.With(name, (string?)null);

    public override Instant ReadInstant(DbDataReader reader, int ordinal) =>
        TimePattern.Parse(reader.GetString(ordinal)).GetValueOrThrow();

    public override string MigrationFolder => "Sqlite";

    public override string? MigrationLockSql => null;
}
