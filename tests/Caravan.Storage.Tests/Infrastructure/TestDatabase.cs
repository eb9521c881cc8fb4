using System.Data.Common;
using Caravan.Storage.Postgres;
using Caravan.Storage.Sqlite;
using Caravan.TestSupport;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace Caravan.Storage.Tests.Infrastructure;

/// <summary>
/// One empty database of one kind: stores opened on it (as many as a test wants, like several server processes) and
/// raw connections for checking the tables with SQL of the test's own, independent of the store's code.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Kind { get; }

    public abstract ICaravanStore OpenStore(IClock? clock = null);

    public abstract Task<DbConnection> OpenRawAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>A store with the schema applied.</summary>
    public async Task<ICaravanStore> OpenMigratedStoreAsync(IClock? clock = null)
    {
        var store = OpenStore(clock);
        await store.MigrateAsync();
        return store;
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly TempDirectory directory = new("caravan-sqlite");

    public string FilePath => directory.File("caravan.db");

    public override string Kind => "sqlite";

    public override ICaravanStore OpenStore(IClock? clock = null) => new SqliteCaravanStore(FilePath, clock);

    public override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase(string connectionString) : TestDatabase
{
    public string ConnectionString => connectionString;

    public override string Kind => "postgres";

    public override ICaravanStore OpenStore(IClock? clock = null) => new PostgresCaravanStore(connectionString, clock);

    public override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
