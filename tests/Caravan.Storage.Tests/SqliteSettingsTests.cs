using Caravan.Storage.Relational;
using Caravan.Storage.Sqlite;
using Caravan.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Tests;

/// <summary>The settings that make an acknowledged SQLite write durable and let writers queue instead of failing.</summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task A_new_database_file_and_its_journal_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var db = new SqliteTestDatabase();
        await using var store = (SqliteCaravanStore)await db.OpenMigratedStoreAsync();
        await store.CreateOrganisationAsync(new NewOrganisation("Silk", OrganisationRole.Shipper, []), Actor.System);
        var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        foreach (var file in new[] { store.FilePath, store.FilePath + "-wal" }.Where(File.Exists))
            Assert.True((File.GetUnixFileMode(file) & others) == 0, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
    }

    [Fact]
    public async Task Store_connections_use_wal_full_sync_a_busy_timeout_and_foreign_keys()
    {
        await using var db = new SqliteTestDatabase();
        await using var store = (SqliteCaravanStore)await db.OpenMigratedStoreAsync();
        await using var connection = await store.Dialect.OpenAsync(default);

        async Task<object?> Pragma(string name)
        {
            await using var command = connection.Command(null, $"PRAGMA {name}");
            return await command.ExecuteScalarAsync();
        }

        Assert.Equal("wal", await Pragma("journal_mode"));
        Assert.Equal(2L, await Pragma("synchronous")); // 2 = FULL
        Assert.Equal(30000L, await Pragma("busy_timeout"));
        Assert.Equal(1L, await Pragma("foreign_keys"));
    }

    [Fact]
    public async Task A_write_transaction_takes_the_write_lock_at_once()
    {
        await using var db = new SqliteTestDatabase();
        await using var store = (SqliteCaravanStore)await db.OpenMigratedStoreAsync();
        await using var connection = await store.Dialect.OpenAsync(default);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, default);

        // Without a single statement run yet, another writer cannot start: BEGIN IMMEDIATE, not a deferred BEGIN.
        await using var other = new SqliteConnection($"Data Source={db.FilePath};Pooling=False");
        await other.OpenAsync();
        await using (var noWait = other.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout = 0";
            await noWait.ExecuteNonQueryAsync();
        }
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.CommandTimeout = 1;
        var busy = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        Assert.True(store.Dialect.IsTransient(busy));
    }
}
