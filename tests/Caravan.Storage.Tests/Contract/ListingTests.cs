namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Keyset_pages_cover_every_booking_once_in_id_order()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
            ids.Add(Created(await store.CreateBookingAsync(Booking(org.Id, Leg(Departure("TRAIN-1"), teu: 1)), ActorOf(org))).Id);

        // 7 bookings in pages of 3: 3, 3, 1.
        var first = await store.ListBookingsAsync(new BookingQuery(Limit: 3));
        var second = await store.ListBookingsAsync(new BookingQuery(Limit: 3, After: first.Next));
        var third = await store.ListBookingsAsync(new BookingQuery(Limit: 3, After: second.Next));

        Assert.Equal([3, 3, 1], new[] { first, second, third }.Select(p => p.Items.Count));
        Assert.NotNull(first.Next);
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
        var listed = first.Items.Concat(second.Items).Concat(third.Items).Select(b => b.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed);
        Assert.All(first.Items, b => Assert.Single(b.Legs));

        // Exactly a page's worth: no next page.
        var all = await store.ListBookingsAsync(new BookingQuery(Limit: 7));
        Assert.Equal(7, all.Items.Count);
        Assert.Null(all.Next);
    }

    [Fact]
    public async Task Filters_by_organisation_status_service_and_carrier()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var alpha = await ShipperAsync(store, "Alpha");
        var beta = await ShipperAsync(store, "Beta");
        var train = Departure("TRAIN-KZ");
        var ferry = Departure("FERRY-CAS", day: 2);

        // a: Alpha, train (KTZ) only, held.   b: Alpha, train + ferry (ASCO, run by "Caspian Ops"), confirmed.
        // c: Beta, ferry only, cancelled.      d: Beta, train, held, leg without carrier.
        var a = Created(await store.CreateBookingAsync(Booking(alpha.Id, Leg(train, teu: 1, carrier: "KTZ")), ActorOf(alpha)));
        var b = Created(await store.CreateBookingAsync(Booking(alpha.Id, Leg(train, teu: 1, carrier: "KTZ"), Leg(ferry, teu: 1, carrier: "ASCO", @operator: "Caspian Ops")), ActorOf(alpha)));
        var c = Created(await store.CreateBookingAsync(Booking(beta.Id, Leg(ferry, teu: 1, carrier: "ASCO")), ActorOf(beta)));
        var d = Created(await store.CreateBookingAsync(Booking(beta.Id, Leg(train, teu: 1)), ActorOf(beta)));
        await store.ConfirmBookingAsync(b.Id, ActorOf(alpha));
        await store.CancelBookingAsync(c.Id, ActorOf(beta));

        async Task<string[]> Ids(BookingQuery q) => (await store.ListBookingsAsync(q)).Items.Select(x => x.Id).ToArray();
        string[] Expect(params Booking[] bookings) => bookings.Select(x => x.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Expect(a, b), await Ids(new BookingQuery(OrganisationId: alpha.Id)));
        Assert.Equal(Expect(a, d), await Ids(new BookingQuery(Status: BookingStatus.Held)));
        Assert.Equal(Expect(b, c), await Ids(new BookingQuery(ServiceId: "FERRY-CAS")));
        Assert.Equal(Expect(a, b), await Ids(new BookingQuery(Carriers: ["KTZ"])));
        Assert.Equal(Expect(b), await Ids(new BookingQuery(Carriers: ["Caspian Ops"]))); // matched by operator
        Assert.Equal(Expect(a, b, c), await Ids(new BookingQuery(Carriers: ["ASCO", "KTZ"])));
        Assert.Empty(await Ids(new BookingQuery(Carriers: [])));
        Assert.Empty(await Ids(new BookingQuery(Carriers: ["Nobody"])));
        Assert.Equal(Expect(c), await Ids(new BookingQuery(OrganisationId: beta.Id, Carriers: ["ASCO"], Status: BookingStatus.Cancelled)));
        Assert.Equal(Expect(a, b, c, d), await Ids(new BookingQuery()));
    }
}
