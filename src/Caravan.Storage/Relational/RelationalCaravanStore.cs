using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

/// <summary>
/// The booking store over ADO.NET, shared by <see cref="Sqlite.SqliteCaravanStore"/> and
/// <see cref="Postgres.PostgresCaravanStore"/>: the same portable SQL with a small <see cref="SqlDialect"/> for what
/// differs. Each public operation is one database transaction; nothing is kept in memory between calls, so several
/// processes can share one database.
/// </summary>
public abstract partial class RelationalCaravanStore : ICaravanStore
{
    /// <summary>Retries of a transaction the database aborted (deadlock, serialization failure, busy) before giving up.</summary>
    private const int MaxAttempts = 8;

    private readonly IClock clock;

    internal SqlDialect Dialect { get; }

    private protected RelationalCaravanStore(SqlDialect dialect, IClock clock)
    {
        Dialect = dialect;
        this.clock = clock;
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>The current time as stored (microseconds), so a value returned equals the value read back later.</summary>
    private protected Instant Now() => SqlDialect.Truncate(clock.GetCurrentInstant());

    /// <summary>The value a transaction produced and whether to keep its writes (a refused booking rolls back).</summary>
    private protected readonly record struct Outcome<T>(T Value, bool Commit)
    {
        public static Outcome<T> Keep(T value) => new(value, true);
        public static Outcome<T> Discard(T value) => new(value, false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction on a connection of its own, retrying the whole transaction
    /// a bounded number of times when the database aborted it for a reason that a retry cures.
    /// </summary>
    private protected async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<Outcome<T>>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using (var connection = await Dialect.OpenAsync(ct))
            {
                DbTransaction? transaction = null;
                try
                {
                    transaction = await Dialect.BeginWriteAsync(connection, ct);
                    var outcome = await work(connection, transaction);
                    if (outcome.Commit) await transaction.CommitAsync(ct);
                    else await transaction.RollbackAsync(ct);
                    return outcome.Value;
                }
                catch (Exception e) when (attempt < MaxAttempts && Dialect.IsTransient(e))
                {
                    // The database rolled the transaction back (or disposing it does): nothing of this attempt stays.
                }
                finally
                {
                    if (transaction is not null) await transaction.DisposeAsync();
                }
            }
            // Jittered backoff so that the transactions that collided do not collide again in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << Math.Min(attempt, 5))), ct);
        }
    }

    private protected async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await Dialect.OpenAsync(ct);
        return await work(connection);
    }

    public Task MigrateAsync(CancellationToken ct = default) => new Migrations.MigrationRunner(Dialect).RunAsync(ct);
}
