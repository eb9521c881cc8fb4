using Caravan.Storage.Relational;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Caravan.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, synchronous=FULL, writers serialised by BEGIN IMMEDIATE.</summary>
public sealed class SqliteCaravanStore : RelationalCaravanStore
{
    private readonly string connectionString;

    /// <param name="connection">A file path, or a connection string starting with <c>Data Source=</c>.</param>
    public SqliteCaravanStore(string connection, IClock? clock = null)
        : this(BuildConnectionString(connection), clock ?? SystemClock.Instance, true) { }

    private SqliteCaravanStore(string connectionString, IClock clock, bool _)
        : base(new SqliteDialect(connectionString), clock)
    {
        this.connectionString = connectionString;
        CreatePrivately(FilePath);
    }

    /// <summary>
    /// The file holds API key hashes and every organisation's bookings: create it readable by its owner only (0600;
    /// SQLite gives its -wal and -shm files the same mode). SQLite would otherwise create it 0644 (with the usual
    /// umask), readable by every user of the machine. An existing file keeps the mode its owner gave it.
    /// </summary>
    private static void CreatePrivately(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(path))) return;
        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) { /* created meanwhile by another process: that one's mode stands */ }
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    internal static string BuildConnectionString(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var builder = connection.Contains('=')
            ? new SqliteConnectionStringBuilder(connection)
            : new SqliteConnectionStringBuilder { DataSource = connection };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("The SQLite store needs a file (an in-memory database would not survive its connection).", nameof(connection));
        // Resolve now, so a later change of the current directory does not move the database.
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
