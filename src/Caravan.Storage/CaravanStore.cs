using Caravan.Storage.Postgres;
using Caravan.Storage.Sqlite;
using NodaTime;

namespace Caravan.Storage;

/// <summary>Opens the store a connection setting names. The caller then runs <see cref="ICaravanStore.MigrateAsync"/>.</summary>
public static class CaravanStore
{
    /// <summary>The SQLite file used when no connection is configured, in the current directory.</summary>
    public const string DefaultSqliteFile = "caravan.db";

    /// <summary>
    /// Null or empty: SQLite file <c>caravan.db</c> in the current directory. <c>Data Source=…</c> or a path ending in
    /// <c>.db</c>, <c>.sqlite</c> or <c>.sqlite3</c>: SQLite. <c>Host=…</c> (an Npgsql connection string) or a
    /// <c>postgres://</c> / <c>postgresql://</c> URL: PostgreSQL.
    /// </summary>
    public static ICaravanStore Open(string? connection) => Open(connection, SystemClock.Instance);

    public static ICaravanStore Open(string? connection, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return KindOf(connection) switch
        {
            StoreKind.Sqlite => new SqliteCaravanStore(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteFile : connection!, clock),
            StoreKind.Postgres => new PostgresCaravanStore(connection!, clock),
            _ => throw new ArgumentException(
                "The storage connection must be empty (SQLite caravan.db), 'Data Source=…' or a .db path (SQLite), " +
                "or 'Host=…' or a postgres:// URL (PostgreSQL).", nameof(connection)),
        };
    }

    public enum StoreKind { Unknown, Sqlite, Postgres }

    public static StoreKind KindOf(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection)) return StoreKind.Sqlite;
        var text = connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
            HasKey(text, "Host") || HasKey(text, "Server"))
            return StoreKind.Postgres;
        if (HasKey(text, "Data Source") || HasKey(text, "DataSource") || HasKey(text, "Filename"))
            return StoreKind.Sqlite;
        if (!text.Contains('=') && (text.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ||
                                    text.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase) ||
                                    text.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase)))
            return StoreKind.Sqlite;
        return StoreKind.Unknown;
    }

    private static bool HasKey(string connection, string key) =>
        connection.Split(';').Any(part =>
        {
            var equals = part.IndexOf('=');
            return equals > 0 && part[..equals].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
        });
}
