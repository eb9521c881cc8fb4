using Caravan.Storage.Tests.Infrastructure;
using NodaTime;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly Duration HalfAnHour = Duration.FromMinutes(30);

    private static NewBooking Holding(NewBooking booking, Duration holdFor) => booking with { HoldFor = holdFor };

    [Fact]
    public async Task A_hold_expires_after_its_duration_and_the_sweeper_releases_its_capacity_once()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var store = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        var booking = Created(await store.CreateBookingAsync(Holding(Booking(org.Id, Leg(train, teu: 2, defaultCapacity: new Capacity(10, null, null))), HalfAnHour), ActorOf(org)));
        Assert.Equal(Monday + HalfAnHour, booking.HoldExpiresAt);
        Assert.Equal(Monday + HalfAnHour, (await store.FindBookingAsync(booking.Id))!.HoldExpiresAt);

        clock.Advance(HalfAnHour - Duration.FromSeconds(1));
        Assert.Equal(0, await store.ExpireDueHoldsAsync(10));
        Assert.Equal(BookingStatus.Held, (await store.FindBookingAsync(booking.Id))!.Status);

        clock.Advance(Duration.FromSeconds(1));
        // Users see it expired at its expiry time, before the sweeper has run.
        Assert.Equal(BookingStatus.Expired, (await store.FindBookingAsync(booking.Id))!.Status);
        Assert.Equal([booking.Id], (await store.ListBookingsAsync(new BookingQuery(Status: BookingStatus.Expired))).Items.Select(b => b.Id));
        Assert.Empty((await store.ListBookingsAsync(new BookingQuery(Status: BookingStatus.Held))).Items);
        Assert.Equal(2_000_000, (await db.HeldMicroAsync(train.Id)).Teu);

        Assert.Equal(1, await store.ExpireDueHoldsAsync(10));
        Assert.Equal(0, await store.ExpireDueHoldsAsync(10));
        Assert.Equal(0, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.Equal("expired", Assert.Single(await db.RowsAsync("SELECT status FROM bookings"))[0]);
        var history = await store.GetBookingHistoryAsync(booking.Id);
        Assert.Equal(["created", "expired"], history.Select(e => e.Action));
        Assert.Equal(("system", "system", Monday + HalfAnHour), (history[1].OrganisationId, history[1].KeyId, history[1].At));

        // Too late to confirm or cancel; nothing is released a second time.
        var confirm = Assert.IsType<TransitionResult.Conflict>(await store.ConfirmBookingAsync(booking.Id, ActorOf(org)));
        Assert.Equal(BookingStatus.Expired, confirm.Booking.Status);
        Assert.Contains("expired", confirm.Reason);
        Assert.IsType<TransitionResult.Conflict>(await store.CancelBookingAsync(booking.Id, ActorOf(org)));
        Assert.Equal(0, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.Equal(2, (await store.GetBookingHistoryAsync(booking.Id)).Count);
    }

    [Fact]
    public async Task Confirming_a_hold_past_its_expiry_expires_it_in_the_same_transaction_without_the_sweeper()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var store = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        var late = Created(await store.CreateBookingAsync(Holding(Booking(org.Id, Leg(train, teu: 2)), HalfAnHour), ActorOf(org)));
        var cancelledLate = Created(await store.CreateBookingAsync(Holding(Booking(org.Id, Leg(train, teu: 3)), HalfAnHour), ActorOf(org)));
        var onTime = Created(await store.CreateBookingAsync(Holding(Booking(org.Id, Leg(train, teu: 4)), HalfAnHour + Duration.FromMinutes(1)), ActorOf(org)));

        clock.Advance(HalfAnHour);
        var refused = Assert.IsType<TransitionResult.Conflict>(await store.ConfirmBookingAsync(late.Id, ActorOf(org)));
        Assert.Equal(BookingStatus.Expired, refused.Booking.Status);
        Assert.Contains("expired at", refused.Reason);
        Assert.IsType<TransitionResult.Conflict>(await store.CancelBookingAsync(cancelledLate.Id, ActorOf(org)));
        Assert.Equal(BookingStatus.Confirmed, Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(onTime.Id, ActorOf(org))).Booking.Status);

        // Both late holds were expired and released by the refused calls themselves; only the confirmed one holds.
        Assert.Equal(4_000_000, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.Equal(["created", "expired"], (await store.GetBookingHistoryAsync(late.Id)).Select(e => e.Action));
        Assert.Equal(["created", "expired"], (await store.GetBookingHistoryAsync(cancelledLate.Id)).Select(e => e.Action));
        clock.Advance(Duration.FromDays(1));
        Assert.Equal(0, await store.ExpireDueHoldsAsync(10)); // a confirmed booking never expires
        Assert.Equal(BookingStatus.Confirmed, (await store.FindBookingAsync(onTime.Id))!.Status);
    }

    [Fact]
    public async Task A_hold_without_a_duration_does_not_expire()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var store = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(store);
        var booking = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), ActorOf(org)));
        Assert.Null(booking.HoldExpiresAt);

        clock.Advance(Duration.FromDays(400));
        Assert.Equal(0, await store.ExpireDueHoldsAsync(10));
        Assert.Equal(BookingStatus.Held, (await store.FindBookingAsync(booking.Id))!.Status);
        Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(booking.Id, ActorOf(org)));
    }

    [Fact]
    public async Task The_sweeper_takes_due_holds_in_batches_soonest_due_first()
    {
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var store = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(store);
        var ids = new List<string>();
        for (var minutes = 5; minutes >= 1; minutes--) // created with the latest expiry first
            ids.Add(Created(await store.CreateBookingAsync(Holding(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), Duration.FromMinutes(minutes)), ActorOf(org))).Id);

        clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(2, await store.ExpireDueHoldsAsync(3)); // only two are due
        Assert.Equal(3_000_000, (await db.HeldMicroAsync(Departure("TRAIN-1").Id)).Teu);
        clock.Advance(Duration.FromMinutes(10));
        Assert.Equal(2, await store.ExpireDueHoldsAsync(2));
        Assert.Equal(1, await store.ExpireDueHoldsAsync(2));
        Assert.Equal(0, await store.ExpireDueHoldsAsync(2));
        Assert.Equal(0, (await db.HeldMicroAsync(Departure("TRAIN-1").Id)).Teu);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ExpireDueHoldsAsync(0));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateBookingAsync(Holding(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), Duration.Zero), ActorOf(org)));
    }

    /// <summary>
    /// Confirmers and sweepers, each with its own store (as in several server processes), race over holds that fall
    /// due while they run: the shared clock moves one second on after every confirm, booking i expires i + 1 seconds
    /// after the start, and the confirmers take the bookings in a shuffled order, so about half are due when their
    /// confirm comes (and a sweeper may be expiring them at that very moment). Every booking must end confirmed or
    /// expired, as its confirm call said, with exactly one terminal history entry, and each departure must hold
    /// exactly what the confirmed bookings' legs take: an expiry released twice, or a confirmed hold released, shows.
    /// </summary>
    [Fact]
    public async Task Sweepers_racing_confirms_leave_each_booking_confirmed_or_expired_and_capacity_exact()
    {
        const int bookings = 48;
        await using var db = await NewDatabaseAsync();
        var clock = new MovableClock(Monday);
        await using var setup = await db.OpenMigratedStoreAsync(clock);
        var org = await ShipperAsync(setup);
        var departures = new[] { Departure("TRAIN-A"), Departure("TRAIN-B"), Departure("FERRY-C", day: 1) };
        var ids = new List<string>();
        for (var i = 0; i < bookings; i++)
        {
            var legs = departures.Where((_, d) => (i + d) % 3 != 0).Select(d => Leg(d, teu: 1 + i % 3, tonnes: 10.5)).ToArray();
            ids.Add(Created(await setup.CreateBookingAsync(Holding(Booking(org.Id, legs), Duration.FromSeconds(1 + i)), ActorOf(org))).Id);
        }

        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, BookingStatus>();
        using var done = new CancellationTokenSource();
        var start = new TaskCompletionSource();
        var order = ids.OrderBy(_ => Random.Shared.Next()).ToArray();
        var confirmers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await using var store = db.OpenStore(clock);
            await start.Task;
            foreach (var id in order.Where((_, i) => i % 4 == w))
            {
                outcomes[id] = await store.ConfirmBookingAsync(id, ActorOf(org)) switch
                {
                    TransitionResult.Done d => d.Booking.Status,
                    TransitionResult.Conflict c => c.Booking.Status,
                    var other => throw new InvalidOperationException($"Unexpected {other}"),
                };
                clock.Advance(Duration.FromSeconds(1));
            }
        })).ToArray();
        var sweepers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var store = db.OpenStore(clock);
            await start.Task;
            while (!done.IsCancellationRequested) await store.ExpireDueHoldsAsync(2);
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(confirmers);
        done.Cancel();
        await Task.WhenAll(sweepers);

        Assert.True(outcomes.Values.Contains(BookingStatus.Confirmed) && outcomes.Values.Contains(BookingStatus.Expired),
            $"the race produced only {string.Join(", ", outcomes.Values.Distinct())}");
        var stored = (await db.RowsAsync("SELECT id, status FROM bookings")).ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var id in ids) Assert.Equal(outcomes[id].ToString().ToLowerInvariant(), stored[id]);
        var terminal = await db.RowsAsync("""
            SELECT booking_id, COUNT(*) FROM booking_events WHERE action IN ('confirmed', 'expired', 'cancelled') GROUP BY booking_id
            """);
        Assert.Equal(bookings, terminal.Count);
        Assert.All(terminal, row => Assert.Equal(1L, Convert.ToInt64(row[1])));
        foreach (var departure in departures)
        {
            var row = Assert.Single(await db.RowsAsync("""
                SELECT d.held_teu_micro, d.held_tonnes_micro,
                       (SELECT COALESCE(SUM(l.quantity_teu_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                        WHERE l.departure_id = d.id AND b.status = 'confirmed'),
                       (SELECT COALESCE(SUM(l.quantity_tonnes_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                        WHERE l.departure_id = d.id AND b.status = 'confirmed')
                FROM departures d WHERE d.id = @id
                """, ("@id", departure.Id)));
            Assert.Equal(Convert.ToInt64(row[2]), Convert.ToInt64(row[0]));
            Assert.Equal(Convert.ToInt64(row[3]), Convert.ToInt64(row[1]));
        }
    }
}
