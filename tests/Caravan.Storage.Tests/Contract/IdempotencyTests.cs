using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_same_key_and_body_replays_the_first_booking()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        var request = Booking(org.Id, Leg(train, teu: 3)) with { IdempotencyKey = "order-42", RequestHash = "sha-a" };

        var first = Created(await store.CreateBookingAsync(request, ActorOf(org)));
        var replay = Assert.IsType<CreateBookingResult.Replayed>(await store.CreateBookingAsync(request, ActorOf(org)));

        Assert.Equal(first.Id, replay.Booking.Id);
        Assert.Equal(1, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
        Assert.Equal(3_000_000, (await db.HeldMicroAsync(train.Id)).Teu); // held once: 3 TEU, not 6
        Assert.Single(await store.GetBookingHistoryAsync(first.Id));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        var first = Created(await store.CreateBookingAsync(
            Booking(org.Id, Leg(train, teu: 3)) with { IdempotencyKey = "order-42", RequestHash = "sha-a" }, ActorOf(org)));

        var conflict = Assert.IsType<CreateBookingResult.IdempotencyConflict>(await store.CreateBookingAsync(
            Booking(org.Id, Leg(train, teu: 5)) with { IdempotencyKey = "order-42", RequestHash = "sha-b" }, ActorOf(org)));

        Assert.Equal(first.Id, conflict.ExistingBookingId);
        Assert.Equal(3_000_000, (await db.HeldMicroAsync(train.Id)).Teu);

        // Keys belong to an organisation: another one may use the same key.
        var other = await ShipperAsync(store, "Other Forwarder");
        var theirs = Created(await store.CreateBookingAsync(
            Booking(other.Id, Leg(train, teu: 1)) with { IdempotencyKey = "order-42", RequestHash = "sha-b" }, ActorOf(other)));
        Assert.NotEqual(first.Id, theirs.Id);
    }

    [Fact]
    public async Task A_refused_booking_does_not_use_up_its_key()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        var request = Booking(org.Id, Leg(train, teu: 3, defaultCapacity: new Capacity(2, null, null))) with { IdempotencyKey = "k", RequestHash = "h" };

        Assert.IsType<CreateBookingResult.InsufficientCapacity>(await store.CreateBookingAsync(request, ActorOf(org)));
        await store.SetDepartureCapacityAsync(train, new Capacity(3, null, null), Actor.System);
        Created(await store.CreateBookingAsync(request, ActorOf(org)));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_make_one_booking()
    {
        await using var db = await NewDatabaseAsync();
        await using var setup = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(setup);
        var train = Departure("TRAIN-1");
        var request = Booking(org.Id, Leg(train, teu: 2)) with { IdempotencyKey = "retry-storm", RequestHash = "h" };

        var stores = Enumerable.Range(0, 12).Select(_ => db.OpenStore()).ToArray();
        try
        {
            var start = new TaskCompletionSource();
            var calls = stores.Select(async s => { await start.Task; return await s.CreateBookingAsync(request, ActorOf(org)); }).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(calls);

            var created = Assert.Single(results.OfType<CreateBookingResult.Created>());
            Assert.Equal(11, results.OfType<CreateBookingResult.Replayed>().Count());
            Assert.All(results.OfType<CreateBookingResult.Replayed>(), r => Assert.Equal(created.Booking.Id, r.Booking.Id));
            Assert.Equal(1, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
            Assert.Equal(2_000_000, (await db.HeldMicroAsync(train.Id)).Teu);
        }
        finally
        {
            foreach (var s in stores) await s.DisposeAsync();
        }
    }
}
