using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Migrating_twice_applies_each_version_once()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = db.OpenStore();
        await store.MigrateAsync();
        await store.MigrateAsync();

        // Three scripts per dialect so far (the schema, voyages, hold expiry): each version recorded once.
        var versions = await db.RowsAsync("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal([1L, 2L, 3L], versions.Select(r => Convert.ToInt64(r[0])));
        Assert.Equal(0, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
    }

    [Fact]
    public async Task Several_stores_migrating_at_once_apply_each_version_once()
    {
        await using var db = await NewDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => db.OpenStore()).ToArray();
        try
        {
            // All start together, like several server processes starting against one new database.
            var start = new TaskCompletionSource();
            var migrations = stores.Select(async s => { await start.Task; await s.MigrateAsync(); }).ToArray();
            start.SetResult();
            await Task.WhenAll(migrations);

            var versions = await db.RowsAsync("SELECT version FROM schema_migrations ORDER BY version");
            Assert.Equal([1L, 2L, 3L], versions.Select(r => Convert.ToInt64(r[0])));
            // And the schema works.
            var org = await ShipperAsync(stores[0]);
            Created(await stores[1].CreateBookingAsync(Booking(org.Id, Leg(Departure("S1"), teu: 1)), ActorOf(org)));
        }
        finally
        {
            foreach (var s in stores) await s.DisposeAsync();
        }
    }
}
