using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_booking_created_confirmed_is_stored_confirmed_with_both_history_entries()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var booking = Created(await store.CreateBookingAsync(
            Booking(org.Id, Leg(Departure("TRAIN-A"), teu: 2, defaultCapacity: new Capacity(10, null, null))) with { Confirm = true }, ActorOf(org)));

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        AssertStored(booking, await store.FindBookingAsync(booking.Id));
        Assert.Equal(["created", "confirmed"], (await store.GetBookingHistoryAsync(booking.Id)).Select(e => e.Action));
        Assert.Equal(2, (await store.GetDepartureAsync(Departure("TRAIN-A"), Unlimited)).Held.Teu);
        // Confirmed already: confirming again is a conflict, cancelling releases what it held.
        Assert.IsType<TransitionResult.Conflict>(await store.ConfirmBookingAsync(booking.Id, ActorOf(org)));
        Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(booking.Id, ActorOf(org)));
        Assert.Equal(0, (await store.GetDepartureAsync(Departure("TRAIN-A"), Unlimited)).Held.Teu);
    }

    /// <summary>
    /// Many bookings at once through one store (one server process), so that they are written in groups: some
    /// departures fill up (their bookings must be refused and roll back alone, not with their group), some requests
    /// repeat an idempotency key (one booking per key), and afterwards every departure holds exactly what its bookings
    /// took and no more than its capacity.
    /// </summary>
    [Fact]
    public async Task Concurrent_bookings_through_one_store_never_overbook_and_replay_by_key()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var departures = new[] { Departure("TRAIN-A"), Departure("TRAIN-B"), Departure("TRAIN-C", day: 1) };
        var capacity = new Capacity(7, null, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
        {
            var booking = Booking(org.Id, Leg(departures[i % 3], teu: 1, defaultCapacity: capacity)) with
            {
                // Every fifth request repeats the key of the one before it (same body): a retry racing its original.
                IdempotencyKey = $"key-{(i % 5 == 4 ? i - 1 : i)}",
                RequestHash = $"hash-{(i % 5 == 4 ? i - 1 : i)}",
                Confirm = i % 2 == 0,
            };
            return store.CreateBookingAsync(booking, ActorOf(org));
        })));

        var created = results.OfType<CreateBookingResult.Created>().Select(c => c.Booking).ToArray();
        var replayed = results.OfType<CreateBookingResult.Replayed>().Select(r => r.Booking).ToArray();
        Assert.Equal(3 * 7, created.Length); // each departure filled exactly
        Assert.Equal(60 - created.Length - replayed.Length, results.OfType<CreateBookingResult.InsufficientCapacity>().Count()
            + results.OfType<CreateBookingResult.IdempotencyConflict>().Count());
        Assert.All(replayed, r => Assert.Contains(created, c => c.Id == r.Id));
        foreach (var departure in departures)
        {
            var state = await store.GetDepartureAsync(departure, capacity);
            Assert.Equal(7, state.Held.Teu);
            Assert.Equal(7, created.Count(b => b.Legs[0].Departure == departure));
        }
        foreach (var booking in created) AssertStored(booking, await store.FindBookingAsync(booking.Id));
    }

    /// <summary>The booking returned is the booking stored (legs compared item by item: records compare lists by reference).</summary>
    private static void AssertStored(Booking returned, Booking? stored)
    {
        Assert.NotNull(stored);
        Assert.Equal(returned.Legs, stored.Legs);
        Assert.Equal(returned, stored with { Legs = returned.Legs });
    }
}
