using Caravan.Storage.Tests.Infrastructure;
using NodaTime;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static NewBooking Capped(NewBooking booking, double cap) => booking with { MaxHeldTeu = cap };

    [Fact]
    public async Task The_held_teu_cap_refuses_a_booking_that_would_exceed_it_and_writes_nothing()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var store = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(store);
        var other = await ShipperAsync(store, "Other Forwarding");
        var (a, b) = (Departure("TRAIN-A"), Departure("FERRY-B", day: 1));

        var two = Created(await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(a, teu: 2)), 5), ActorOf(org)));
        // Two legs of 1.5 TEU hold 3 TEU, as the departures count it: 2 + 3 = 5, exactly the cap.
        Created(await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(a, teu: 1.5), Leg(b, teu: 1.5)), 5), ActorOf(org)));

        var refused = Assert.IsType<CreateBookingResult.HeldTeuCapExceeded>(
            await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(b, teu: 0.5)), 5), ActorOf(org)));
        Assert.Equal((5.0, 5.0, 0.5), (refused.Cap, refused.AlreadyHeld, refused.Requested));
        Assert.Equal(2, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
        Assert.Equal(1_500_000, (await db.HeldMicroAsync(b.Id)).Teu);

        // Another organisation has a cap of its own; a booking without TEU is not limited by it.
        Created(await store.CreateBookingAsync(Capped(Booking(other.Id, Leg(a, teu: 5)), 5), ActorOf(other)));
        Created(await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(b, wagons: 3)), 5), ActorOf(org)));

        // Confirmed, cancelled and expired bookings hold nothing under the cap.
        Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(two.Id, ActorOf(org)));
        Created(await store.CreateBookingAsync(Capped(Holding(Booking(org.Id, Leg(b, teu: 2)), Duration.FromMinutes(1)), 5), ActorOf(org)));
        Assert.IsType<CreateBookingResult.HeldTeuCapExceeded>(await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(b, teu: 1)), 5), ActorOf(org)));
        clock.Advance(Duration.FromMinutes(1));
        Created(await store.CreateBookingAsync(Capped(Booking(org.Id, Leg(b, teu: 2)), 5), ActorOf(org)));
    }

    /// <summary>
    /// Many writers of one organisation, each with its own store, book 1 TEU at once under a cap of 10 on departures with
    /// room to spare: exactly 10 may be created. Summing without the organisation's lock would let concurrent
    /// bookings each see 9 held and all go through.
    /// </summary>
    [Fact]
    public async Task Concurrent_bookings_never_exceed_the_held_teu_cap()
    {
        const double cap = 10;
        await using var db = await NewDatabaseAsync();
        await using var setup = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(setup);
        var created = 0;
        var refused = 0;
        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(w => Task.Run(async () =>
        {
            await using var store = db.OpenStore();
            await start.Task;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var leg = Leg(Departure("TRAIN-" + (w % 5), day: attempt), teu: 1);
                switch (await store.CreateBookingAsync(Capped(Booking(org.Id, leg), cap), ActorOf(org)))
                {
                    case CreateBookingResult.Created: Interlocked.Increment(ref created); break;
                    case CreateBookingResult.HeldTeuCapExceeded: Interlocked.Increment(ref refused); break;
                    case var other: Assert.Fail($"Unexpected {other}"); break;
                }
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(writers);

        Assert.Equal((10, ConcurrentWriters * 3 - 10), (created, refused));
        Assert.Equal(10_000_000, await db.LongAsync("SELECT SUM(held_teu_micro) FROM departures"));
        Assert.Equal(10, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
    }
}
