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
    /// a bounded number of times when the database aborted it for a reason that a retry cures (a deadlock, a
    /// serialization failure, a connection the database closed, a restart). A failure while committing is not
    /// retried: the commit may have happened, and only the caller (with an idempotency key) can repeat it safely.
    /// </summary>
    private protected async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<Outcome<T>>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                await using var connection = await Dialect.OpenAsync(ct);
                DbTransaction? transaction = null;
                try
                {
                    transaction = await Dialect.BeginWriteAsync(connection, ct);
                    var outcome = await work(connection, transaction);
                    committing = outcome.Commit;
                    if (outcome.Commit) await transaction.CommitAsync(ct);
                    else await transaction.RollbackAsync(ct);
                    return outcome.Value;
                }
                finally
                {
                    if (transaction is not null) await DisposeQuietlyAsync(transaction);
                }
            }
            catch (Exception e) when (committing && Dialect.IsUnavailable(e))
            {
                Dialect.ForgetConnections();
                throw new StoreUnavailableException("The database connection broke while committing; the change may or may not have been made.", e, outcomeUnknown: true);
            }
            catch (Exception e) when (!committing && Retryable(e))
            {
                // The database rolled the transaction back (or never began it): nothing of this attempt stays.
                await RetryOrThrowAsync(e, attempt, ct);
            }
        }
    }

    /// <summary>Reads on a connection of their own, retried like writes when the database was briefly away.</summary>
    private protected async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await Dialect.OpenAsync(ct);
                return await work(connection);
            }
            catch (Exception e) when (Retryable(e))
            {
                await RetryOrThrowAsync(e, attempt, ct);
            }
        }
    }

    private bool Retryable(Exception e) => Dialect.IsUnavailable(e) || Dialect.IsTransient(e);

    /// <summary>
    /// Waits before the next try, or gives up: an unavailable database gets <see cref="MaxUnavailableAttempts"/> tries
    /// (pooled connections forgotten each time, since after a restart all of them are dead) and then becomes a
    /// <see cref="StoreUnavailableException"/>; a transient abort gets <see cref="MaxAttempts"/>, then is rethrown.
    /// (Not decided in the exception filter: an exception thrown there would be swallowed.)
    /// </summary>
    private async Task RetryOrThrowAsync(Exception e, int attempt, CancellationToken ct)
    {
        if (Dialect.IsUnavailable(e))
        {
            Dialect.ForgetConnections();
            if (attempt >= MaxUnavailableAttempts) throw new StoreUnavailableException("The database is not available.", e);
        }
        else if (attempt >= MaxAttempts) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        await BackOffAsync(e, attempt, ct);
    }

    /// <summary>Tries while the database is away: waits of 0.1, 0.3 and 0.9 s (a restart takes about a second), then 503.</summary>
    private const int MaxUnavailableAttempts = 4;

    /// <summary>
    /// After an abort, a jittered, growing backoff so that transactions that collided do not collide again in
    /// lockstep; while the database is away, waits that grow threefold from 0.1 s.
    /// </summary>
    private Task BackOffAsync(Exception e, int attempt, CancellationToken ct) => Task.Delay(
        Dialect.IsUnavailable(e)
            ? TimeSpan.FromMilliseconds(100 * Math.Pow(3, attempt - 1))
            : TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << Math.Min(attempt, 5))), ct);

    /// <summary>Disposing a transaction on a broken connection throws; the error that broke it is the one to report.</summary>
    private static async ValueTask DisposeQuietlyAsync(DbTransaction transaction)
    {
        try { await transaction.DisposeAsync(); }
        catch (DbException) { }
        catch (InvalidOperationException) { }
        catch (IOException) { }
    }

    public Task MigrateAsync(CancellationToken ct = default) => new Migrations.MigrationRunner(Dialect).RunAsync(ct);
}
