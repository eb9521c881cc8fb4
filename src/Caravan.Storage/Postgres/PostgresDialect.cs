using System.Data;
using System.Data.Common;
using Caravan.Storage.Relational;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Caravan.Storage.Postgres;

/// <summary>
/// PostgreSQL: READ COMMITTED transactions whose conditional UPDATEs take row locks; a concurrent UPDATE of the same
/// row waits and then re-evaluates its WHERE against the committed row, so a capacity check never uses a stale value.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    /// <summary>The advisory lock key of schema migrations: the bytes of "caravan" as a bigint.</summary>
    public const long MigrationLockKey = 27973166583669102;

    public override string Name => "postgres";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    public override string ForUpdate => " FOR UPDATE";

    /// <summary>Many writers at once, each commit a WAL flush and a round trip: grouping new bookings saves both.</summary>
    public override bool GroupCommit => true;

    /// <summary>serialization_failure and deadlock_detected: PostgreSQL rolled the transaction back and a retry may pass.</summary>
    public override bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>
    /// Connection exceptions (class 08), the server shutting down or starting (57P01–57P03), too many connections
    /// (53300), and Npgsql's own transient failures (socket errors, a timeout waiting for the pool or the server).
    /// </summary>
    public override bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections,
        NpgsqlException n => n.IsTransient || n.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException,
        _ => false,
    };

    public override void ForgetConnections() => dataSource.Clear();

    public override void AddInstant(DbCommand command, string name, Instant value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value.ToDateTimeUtc() });

    public override void AddNullInstant(DbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = DBNull.Value });

    public override Instant ReadInstant(DbDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override string MigrationFolder => "Postgres";

    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
}
