using Caravan.Storage.Tests.Infrastructure;
using NodaTime;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_booking_reads_back_as_it_was_given()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync(new SteppingClock(Monday));
        var org = await ShipperAsync(store);
        var legs = new[]
        {
            Leg(Departure("TRAIN-1"), teu: 2, tonnes: 24.5, defaultCapacity: new Capacity(80, null, 2000), carrier: "KTZ", @operator: "KTZ Express", from: "XIY", to: "AKT"),
            Leg(Departure("FERRY-1", day: 3), teu: 2, carrier: "ASCO", from: "AKT", to: "ALT"),
        };
        var request = new NewBooking(org.Id, null, "h", "2 x 40ft, tiles", 4820.75m, "EUR", legs, "PO-7781");

        var created = Created(await store.CreateBookingAsync(request, ActorOf(org)));
        var found = await store.FindBookingAsync(created.Id);

        Assert.NotNull(found);
        Assert.StartsWith("bkg_", found.Id);
        Assert.Equal(org.Id, found.OrganisationId);
        Assert.Equal(BookingStatus.Held, found.Status);
        Assert.Equal("2 x 40ft, tiles", found.CargoDescription);
        Assert.Equal(4820.75m, found.QuotedPrice);
        Assert.Equal("EUR", found.Currency);
        Assert.Equal("PO-7781", found.Reference);
        Assert.Equal(legs, found.Legs);
        // The clock read Monday for the organisation, Monday + 1 s for the booking.
        Assert.Equal(Monday + Duration.FromSeconds(1), found.CreatedAt);
        Assert.Equal(found.CreatedAt, found.UpdatedAt);
        Assert.Equal(created.Id, found.Id);
        Assert.Null(await store.FindBookingAsync("bkg_missing"));
    }

    [Fact]
    public async Task Confirm_and_cancel_follow_the_life_cycle()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var actor = ActorOf(org);
        var booking = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), actor));

        var confirmed = Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(booking.Id, actor)).Booking;
        Assert.Equal(BookingStatus.Confirmed, confirmed.Status);
        var again = Assert.IsType<TransitionResult.Conflict>(await store.ConfirmBookingAsync(booking.Id, actor));
        Assert.Equal(BookingStatus.Confirmed, again.Booking.Status);

        var cancelled = Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(booking.Id, actor)).Booking;
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.IsType<TransitionResult.Conflict>(await store.CancelBookingAsync(booking.Id, actor));
        Assert.IsType<TransitionResult.Conflict>(await store.ConfirmBookingAsync(booking.Id, actor));
        Assert.Equal(0, (await db.HeldMicroAsync(Departure("TRAIN-1").Id)).Teu); // released once, not twice
        Assert.IsType<TransitionResult.NotFound>(await store.ConfirmBookingAsync("bkg_missing", actor));
        Assert.IsType<TransitionResult.NotFound>(await store.CancelBookingAsync("bkg_missing", actor));
        Assert.Equal("cancelled", Assert.Single(await db.RowsAsync("SELECT status FROM bookings"))[0]);
    }

    [Fact]
    public async Task History_lists_every_event_in_order_with_actor_and_time()
    {
        await using var db = await NewDatabaseAsync();
        // Clock readings: organisation +0 s, booking +1 s, confirm +2 s, cancel +3 s.
        await using var store = await db.OpenMigratedStoreAsync(new SteppingClock(Monday));
        var org = await ShipperAsync(store);
        var booking = Created(await store.CreateBookingAsync(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), new Actor(org.Id, "key-a")));
        await store.ConfirmBookingAsync(booking.Id, new Actor(org.Id, "key-b"));
        await store.CancelBookingAsync(booking.Id, Actor.System);

        var history = await store.GetBookingHistoryAsync(booking.Id);

        Assert.Equal([1L, 2L, 3L], history.Select(e => e.Sequence));
        Assert.Equal(["created", "confirmed", "cancelled"], history.Select(e => e.Action));
        Assert.Equal(["key-a", "key-b", "system"], history.Select(e => e.KeyId));
        Assert.Equal([org.Id, org.Id, "system"], history.Select(e => e.OrganisationId));
        Assert.Equal([Monday + Duration.FromSeconds(1), Monday + Duration.FromSeconds(2), Monday + Duration.FromSeconds(3)], history.Select(e => e.At));
        Assert.Equal("was confirmed", history[2].Detail);
        Assert.All(history, e => Assert.Equal(booking.Id, e.BookingId));
        Assert.Empty(await store.GetBookingHistoryAsync("bkg_missing"));
        // A refused transition adds nothing.
        await store.CancelBookingAsync(booking.Id, Actor.System);
        Assert.Equal(3, (await store.GetBookingHistoryAsync(booking.Id)).Count);
    }
}
