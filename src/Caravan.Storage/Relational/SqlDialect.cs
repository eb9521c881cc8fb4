using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

/// <summary>
/// What differs between the two databases. Everything else — the SQL of every operation — is portable (both speak
/// <c>INSERT … ON CONFLICT DO NOTHING</c> and conditional <c>UPDATE</c>), so both stores run the same
/// booking logic and one contract test suite checks both.
/// </summary>
internal abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>An open connection with the per-connection settings applied.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>A transaction that may write. SQLite: <c>BEGIN IMMEDIATE</c> (takes the single write lock now, so
    /// reads inside it cannot go stale). PostgreSQL: READ COMMITTED, with row locks taken by the writes.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Appended to a SELECT inside a write transaction to lock the rows read (empty where writers are serial).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Like <see cref="ForUpdate"/>, locking only the rows of the table with this alias in a join.</summary>
    public string ForUpdateOf(string alias) => ForUpdate.Length == 0 ? "" : $"{ForUpdate} OF {alias}";

    /// <summary>
    /// Appended to a SELECT that claims rows to work on: locks them and skips rows another transaction has locked, so
    /// that workers in several processes take disjoint rows without waiting (empty where writers are serial).
    /// </summary>
    public string ForUpdateSkipLocked => ForUpdate.Length == 0 ? "" : $"{ForUpdate} SKIP LOCKED";

    /// <summary>Serialization failures, deadlocks, a busy database: the transaction was rolled back and may be retried.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>
    /// The database is away or out of resources (connection refused or broken, shutting down, too many connections,
    /// pool exhausted, disk full): a new connection a moment later may work.
    /// </summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>Forgets pooled connections after the database went away, so that the next try does not take a dead one.</summary>
    public virtual void ForgetConnections() { }

    public abstract void AddInstant(DbCommand command, string name, Instant value);

    /// <summary>A NULL of the type times have in this dialect (an untyped NULL is ambiguous to PostgreSQL in comparisons).</summary>
    public abstract void AddNullInstant(DbCommand command, string name);

    public abstract Instant ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>
    /// Whether concurrent new bookings are written together, one transaction per group (see
    /// RelationalCaravanStore.GroupCommit.cs). Off by default: SQLite takes one writer at a time anyway, and grouping has
    /// only been measured on PostgreSQL.
    /// </summary>
    public virtual bool GroupCommit => false;

    /// <summary>The prefix of this dialect's embedded migration scripts.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Run first in every migration transaction so that concurrent migrators take turns (null if writers are serial anyway).</summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>Stored times keep microseconds, the precision PostgreSQL keeps, so what is read back equals what was written.</summary>
    public static Instant Truncate(Instant instant) =>
        Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() / 10 * 10);
}
