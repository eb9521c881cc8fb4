using Caravan.Storage.Postgres;
using Caravan.Storage.Tests.Infrastructure;
using Caravan.TestSupport;
using Npgsql;

namespace Caravan.Storage.Tests;

/// <summary>Facts about the PostgreSQL side that the contract suite does not show.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSettingsTests(PostgresServer server)
{
    [Fact]
    public async Task The_test_server_runs_with_fsync_and_durable_commits()
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        async Task<string> Show(string name)
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        Assert.Equal("on", await Show("fsync"));
        Assert.Equal("on", await Show("synchronous_commit"));
    }

    [Theory]
    [InlineData("40001", true)]  // serialization_failure
    [InlineData("40P01", true)]  // deadlock_detected
    [InlineData("23505", false)] // unique_violation: a retry would fail the same way
    [InlineData("23514", false)] // check_violation
    public void Only_aborts_that_a_retry_can_cure_are_retried(string sqlState, bool transient)
    {
        using var source = NpgsqlDataSource.Create("Host=127.0.0.1");
        var dialect = new PostgresDialect(source);
        Assert.Equal(transient, dialect.IsTransient(new PostgresException("test", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public async Task Migrations_hold_an_advisory_lock_that_makes_a_second_migrator_wait()
    {
        var connectionString = await server.CreateDatabaseAsync("advisorylock");
        // Someone holds the migration lock; a store's migration must wait for it rather than run beside it.
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresDialect.MigrationLockKey})", holder, transaction))
            await take.ExecuteNonQueryAsync();

        await using var store = new PostgresCaravanStore(connectionString);
        var migration = store.MigrateAsync();
        await Task.Delay(1000);
        Assert.False(migration.IsCompleted);

        await transaction.CommitAsync();
        await migration.WaitAsync(TimeSpan.FromSeconds(30));
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations", holder);
        Assert.Equal((long)Caravan.Storage.Migrations.MigrationRunner.ScriptsFor("Postgres").Count, await count.ExecuteScalarAsync());
    }
}
