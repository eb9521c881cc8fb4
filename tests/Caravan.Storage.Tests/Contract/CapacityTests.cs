using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_departure_never_written_has_its_default_capacity_and_holds_nothing()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var state = await store.GetDepartureAsync(Departure("TRAIN-1"), new Capacity(80, 40, null));

        Assert.Equal(new Capacity(80, 40, null), state.Capacity);
        Assert.Equal(new Capacity(0, 0, 0), state.Held);
        Assert.Equal(new Capacity(80, 40, null), state.Remaining);
        // Reading does not write.
        Assert.Equal(0, await db.LongAsync("SELECT COUNT(*) FROM departures"));
    }

    [Fact]
    public async Task Holding_and_releasing_capacity_adds_up()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var train = Departure("TRAIN-1");
        var ten = new Capacity(10, null, null);

        var a = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 3, defaultCapacity: ten)), actor)); // held 3
        var b = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 4, defaultCapacity: ten)), actor)); // held 3 + 4 = 7
        Assert.Equal(new Capacity(3, null, null), (await store.GetDepartureAsync(train, ten)).Remaining);

        // 7 + 4 = 11 > 10: refused, nothing changes.
        var refused = Assert.IsType<CreateBookingResult.InsufficientCapacity>(
            await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 4, defaultCapacity: ten)), actor));
        Assert.Equal(0, refused.LegIndex);
        Assert.Equal(7, refused.State.Held.Teu);
        Assert.Equal(2, await db.LongAsync("SELECT COUNT(*) FROM bookings"));

        Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(a.Id, actor));                      // 7 − 3 = 4
        Assert.Equal(4_000_000, (await db.HeldMicroAsync(train.Id)).Teu);
        var c = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 6, defaultCapacity: ten)), actor)); // 4 + 6 = 10
        var full = await store.GetDepartureAsync(train, ten);
        Assert.Equal(10, full.Held.Teu);
        Assert.Equal(0, full.Remaining.Teu);

        Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(b.Id, actor));                     // confirming keeps 10
        Assert.Equal(10_000_000, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(b.Id, actor));                      // 10 − 4 = 6
        Assert.Equal(6_000_000, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.Equal(BookingStatus.Held, (await store.FindBookingAsync(c.Id))!.Status);
    }

    [Fact]
    public async Task A_booking_holds_all_its_legs_or_none()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var train = Departure("TRAIN-1");
        var ferry = Departure("FERRY-1", day: 2);
        var ferryCapacity = new Capacity(5, null, null);
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(ferry, teu: 4, defaultCapacity: ferryCapacity)), actor)); // ferry 4 of 5

        // Train leg fits (2 of 10); ferry leg does not (4 + 2 = 6 > 5).
        var result = await store.CreateBookingAsync(Booking(org.Id,
            Leg(train, teu: 2, defaultCapacity: new Capacity(10, null, null)),
            Leg(ferry, teu: 2, defaultCapacity: ferryCapacity)), actor);

        var refused = Assert.IsType<CreateBookingResult.InsufficientCapacity>(result);
        Assert.Equal(1, refused.LegIndex);
        Assert.Equal(ferry, refused.State.Departure);
        Assert.Equal(new Capacity(1, null, null), refused.State.Remaining);
        Assert.Equal(0, (await db.HeldMicroAsync(train.Id)).Teu);
        Assert.Equal(4_000_000, (await db.HeldMicroAsync(ferry.Id)).Teu);
        Assert.Equal(1, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
        Assert.Equal(1, await db.LongAsync("SELECT COUNT(*) FROM booking_legs"));
    }

    [Fact]
    public async Task Fractional_quantities_add_and_release_exactly()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var barge = Departure("BARGE");
        var capacity = new Capacity(null, null, 0.3);

        var a = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(barge, tonnes: 0.1, defaultCapacity: capacity)), actor));
        var b = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(barge, tonnes: 0.2, defaultCapacity: capacity)), actor));
        // 0.1 + 0.2 is exactly the capacity 0.3 (in doubles it would be 0.30000000000000004 and look over full).
        Assert.Equal(300_000, (await db.HeldMicroAsync(barge.Id)).Tonnes);
        Assert.IsType<CreateBookingResult.InsufficientCapacity>(
            await store.CreateBookingAsync(Booking(org.Id, Leg(barge, tonnes: 0.000001, defaultCapacity: capacity)), actor));

        await store.CancelBookingAsync(a.Id, actor);
        await store.CancelBookingAsync(b.Id, actor);
        Assert.Equal(0, (await db.HeldMicroAsync(barge.Id)).Tonnes);
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(barge, tonnes: 0.3, defaultCapacity: capacity)), actor));
    }

    [Fact]
    public async Task Every_bound_unit_is_checked_and_legs_on_one_departure_add_up()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var train = Departure("TRAIN-1");
        var capacity = new Capacity(null, 3, 100); // TEU unbound, 3 wagons, 100 t

        // 1000 TEU is fine (unbound), 2 wagons of 3, 60 t of 100.
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 1000, wagons: 2, tonnes: 60, defaultCapacity: capacity)), actor));
        // Wagons would fit (2 + 1 = 3) but tonnes not (60 + 41 = 101 > 100).
        Assert.IsType<CreateBookingResult.InsufficientCapacity>(
            await store.CreateBookingAsync(Booking(org.Id, Leg(train, wagons: 1, tonnes: 41, defaultCapacity: capacity)), actor));
        // Two legs on the same departure take 1 + 1 = 2 wagons: 2 + 2 = 4 > 3.
        Assert.IsType<CreateBookingResult.InsufficientCapacity>(await store.CreateBookingAsync(Booking(org.Id,
            Leg(train, wagons: 1, defaultCapacity: capacity, from: "ALA", to: "SAR"),
            Leg(train, wagons: 1, defaultCapacity: capacity, from: "SAR", to: "AKT")), actor));
        // One wagon and 40 t: 3 of 3 wagons and 100 of 100 t.
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, wagons: 1, tonnes: 40, defaultCapacity: capacity)), actor));
        var held = await db.HeldMicroAsync(train.Id);
        Assert.Equal((1000_000_000L, 3_000_000L, 100_000_000L), held);
    }

    [Fact]
    public async Task The_first_write_fixes_an_implicit_departures_capacity()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 1, defaultCapacity: new Capacity(2, null, null))), ActorOf(org)));

        // A later caller with another default does not change the stored capacity: 1 + 2 = 3 > 2.
        Assert.IsType<CreateBookingResult.InsufficientCapacity>(await store.CreateBookingAsync(
            Booking(org.Id, Leg(train, teu: 2, defaultCapacity: new Capacity(50, null, null))), ActorOf(org)));
        Assert.Equal(new Capacity(2, null, null), (await store.GetDepartureAsync(train, new Capacity(50, null, null))).Capacity);
    }

    [Fact]
    public async Task An_operator_cannot_set_capacity_below_what_is_held()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var train = Departure("TRAIN-1");
        Created(await store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 6, defaultCapacity: new Capacity(10, null, null))), ActorOf(org)));

        var below = Assert.IsType<SetCapacityResult.BelowHeld>(await store.SetDepartureCapacityAsync(train, new Capacity(5, null, null), Actor.System));
        Assert.Equal(new Capacity(10, null, null), below.State.Capacity);
        var updated = Assert.IsType<SetCapacityResult.Updated>(await store.SetDepartureCapacityAsync(train, new Capacity(6, 2, null), Actor.System));
        Assert.Equal(new Capacity(0, 2, null), updated.State.Remaining); // 6 − 6 TEU; 2 − 0 wagons

        // A departure not written yet takes the capacity as published.
        var ferry = Departure("FERRY-1");
        var published = Assert.IsType<SetCapacityResult.Updated>(await store.SetDepartureCapacityAsync(ferry, new Capacity(null, null, 900), Actor.System));
        Assert.Equal(new Capacity(null, null, 900), (await store.GetDepartureAsync(ferry, Unlimited)).Capacity);
        Assert.Equal(new Capacity(0, 0, 0), published.State.Held);
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var train = Departure("TRAIN-1");

        async Task<string?> Fails(Func<Task> call) => (await Assert.ThrowsAnyAsync<ArgumentException>(call)).ParamName;

        Assert.Equal("booking.Legs", await Fails(() => store.CreateBookingAsync(Booking(org.Id), actor)));
        Assert.Equal("booking.Legs[1].Quantity.Teu", await Fails(() => store.CreateBookingAsync(Booking(org.Id, Leg(train, teu: 1), Leg(train, teu: -1)), actor)));
        Assert.Equal("booking.Legs[0].Quantity.Tonnes", await Fails(() => store.CreateBookingAsync(Booking(org.Id, Leg(train, tonnes: double.NaN)), actor)));
        Assert.Equal("booking.Legs[0].Quantity", await Fails(() => store.CreateBookingAsync(Booking(org.Id, Leg(train)), actor)));
        Assert.Equal("booking.Legs[0].DefaultCapacity.Wagons", await Fails(() => store.CreateBookingAsync(
            Booking(org.Id, Leg(train, teu: 1, defaultCapacity: new Capacity(null, -2, null))), actor)));
        Assert.Equal("capacity.Teu", await Fails(() => store.SetDepartureCapacityAsync(train, new Capacity(-1, null, null), actor)));
        Assert.Equal("query.Limit", await Fails(() => store.ListBookingsAsync(new BookingQuery(Limit: 0))));
        // Nothing was written by any of them.
        Assert.Equal(0, await db.LongAsync("SELECT COUNT(*) FROM departures"));
    }
}
