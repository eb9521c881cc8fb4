using System.Collections.Concurrent;
using Caravan.Storage.Tests.Infrastructure;
using NodaTime;

namespace Caravan.Storage.Tests.Contract;

/// <summary>
/// Sail-when-full vessels: capacity is held per voyage. The expected voyages are worked out by hand from the rule
/// "the voyage that sails soonest among those loading when the cargo is ready, with room; else a new one opening then".
/// </summary>
public abstract partial class StoreContractTests
{
    private const string Roro = "AKT-ALT-RORO";
    private static readonly Capacity RoroVessel = new(100, null, null);
    private static readonly Duration RoroMaxWait = Duration.FromHours(120);

    private static BookingLeg VoyageLeg(Instant ready, double teu) =>
        new(new DepartureRef(Roro, ready), "KZAKT", "AZALT", new Capacity(teu, 0, teu * 12), RoroVessel with { })
        {
            Voyage = new VoyageTerms(RoroMaxWait),
        };

    [Fact]
    public async Task Five_bookings_of_50_TEU_on_a_100_TEU_vessel_fill_three_voyages_and_none_beyond_its_capacity()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);

        var booked = new List<Booking>();
        for (var i = 0; i < 5; i++)
            booked.Add(Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + Duration.FromSeconds(i), 50)), ActorOf(org))));

        // By hand: 1 and 2 fill the voyage opened by 1; 3 finds it full and opens the next; 4 fills that; 5 opens a third.
        var opens = new[] { 0, 0, 2, 2, 4 }.Select(s => new DepartureRef(Roro, Monday + Duration.FromSeconds(s)).Id).ToArray();
        Assert.Equal(opens, booked.Select(b => b.Legs[0].Departure.Id));
        Assert.Equal(Enumerable.Range(0, 5).Select(s => (Instant?)(Monday + Duration.FromSeconds(s))), booked.Select(b => b.Legs[0].ReadyAt));

        // Read with the test's own SQL: three voyages, none holding more than the vessel.
        var rows = await db.RowsAsync($"SELECT id, held_teu_micro, capacity_teu_micro FROM departures WHERE service_id = '{Roro}' ORDER BY id");
        Assert.Equal([100_000_000L, 100_000_000L, 50_000_000L], rows.Select(r => Convert.ToInt64(r[1])));
        Assert.All(rows, r => Assert.True(Convert.ToInt64(r[1]) <= Convert.ToInt64(r[2])));

        var voyages = await store.ListVoyagesAsync(Roro, Monday - Duration.FromDays(1), Monday + Duration.FromDays(10), 100);
        Assert.Equal(opens.Distinct(), voyages.Select(v => v.Departure.Id));
        // A full voyage sails when its last cargo is ready; the third waits for cargo until its maximum wait.
        Assert.Equal(Monday + Duration.FromSeconds(1), voyages[0].Voyage!.PlannedDeparture);
        Assert.True(voyages[0].Voyage!.Full);
        Assert.Equal(Monday + Duration.FromSeconds(3), voyages[1].Voyage!.PlannedDeparture);
        Assert.False(voyages[2].Voyage!.Full);
        Assert.Equal(Monday + Duration.FromSeconds(4) + RoroMaxWait, voyages[2].Voyage!.PlannedDeparture);
        Assert.Equal(50, voyages[2].Remaining.Teu);
    }

    [Fact]
    public async Task A_cancellation_reopens_a_full_voyage_which_then_takes_the_next_cargo_before_a_later_one()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var first = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday, 60)), ActorOf(org)));
        var second = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + Duration.FromHours(1), 60)), ActorOf(org)));
        Assert.NotEqual(first.Legs[0].Departure, second.Legs[0].Departure); // 120 TEU do not fit one vessel

        var third = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + Duration.FromHours(2), 40)), ActorOf(org)));
        Assert.Equal(first.Legs[0].Departure, third.Legs[0].Departure); // both loading; the first sails sooner
        var full = await store.GetDepartureAsync(first.Legs[0].Departure, RoroVessel);
        Assert.True(full.Voyage!.Full);
        Assert.Equal(Monday + Duration.FromHours(2), full.Voyage.PlannedDeparture);

        Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(third.Id, ActorOf(org)));
        var reopened = await store.GetDepartureAsync(first.Legs[0].Departure, RoroVessel);
        Assert.False(reopened.Voyage!.Full);
        Assert.Equal(Monday + RoroMaxWait, reopened.Voyage.PlannedDeparture);

        var fourth = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + Duration.FromHours(3), 30)), ActorOf(org)));
        Assert.Equal(first.Legs[0].Departure, fourth.Legs[0].Departure);
    }

    [Fact]
    public async Task Cargo_ready_before_a_voyage_opens_or_after_its_latest_departure_gets_a_voyage_of_its_own()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var anchor = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday, 10)), ActorOf(org)));
        var early = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday - Duration.FromHours(1), 10)), ActorOf(org)));
        var late = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + RoroMaxWait + Duration.FromSeconds(1), 10)), ActorOf(org)));
        var inside = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(Monday + RoroMaxWait, 10)), ActorOf(org)));

        Assert.Equal(new DepartureRef(Roro, Monday - Duration.FromHours(1)), early.Legs[0].Departure);
        Assert.Equal(new DepartureRef(Roro, Monday + RoroMaxWait + Duration.FromSeconds(1)), late.Legs[0].Departure);
        // Ready exactly at the latest departure of two loading voyages: the one sailing sooner (the early one has
        // already sailed by then, so only the anchor's is loading).
        Assert.Equal(anchor.Legs[0].Departure, inside.Legs[0].Departure);
    }

    [Fact]
    public async Task Cargo_larger_than_a_whole_vessel_is_refused_and_nothing_is_written()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var scheduled = Leg(Departure("TRAIN-A"), teu: 101, defaultCapacity: new Capacity(200, null, null));
        var result = await store.CreateBookingAsync(Booking(org.Id, scheduled, VoyageLeg(Monday + Duration.FromDays(1), 101)), ActorOf(org));

        var refused = Assert.IsType<CreateBookingResult.InsufficientCapacity>(result);
        Assert.Equal(1, refused.LegIndex);
        Assert.Equal(0, await db.LongAsync("SELECT COUNT(*) FROM bookings"));
        Assert.Equal(0, await db.LongAsync("SELECT COALESCE(SUM(held_teu_micro), 0) FROM departures"));
    }

    /// <summary>
    /// Many writers book random quantities on one sail-when-full service with ready times in a narrow window (so they
    /// race for the same voyages), and cancel some. Checked with the test's own SQL: every voyage holds what its live
    /// legs add up to and never more than the vessel; every leg's ready time lies in its voyage's loading window; all
    /// cargo was taken (a vessel always comes), on at least as many voyages as the total needs.
    /// </summary>
    [Fact]
    public async Task Concurrent_bookings_on_voyages_never_overload_a_vessel()
    {
        await using var db = await NewDatabaseAsync();
        await using var setup = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(setup);

        var live = new ConcurrentDictionary<string, double>();
        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(async writer =>
        {
            var random = new Random(104_729 * (writer + 1));
            await using var store = db.OpenStore();
            await start.Task;
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var teu = random.Next(5, 61);
                var ready = Monday + Duration.FromMinutes(random.Next(0, 4) * 30);
                var booking = Created(await store.CreateBookingAsync(Booking(org.Id, VoyageLeg(ready, teu)), ActorOf(org)));
                live[booking.Id] = teu;
                if (random.Next(5) == 0)
                {
                    Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(booking.Id, ActorOf(org)));
                    live.TryRemove(booking.Id, out _);
                }
            }
        }).ToArray();
        start.SetResult();
        await Task.WhenAll(writers);

        var voyages = await db.RowsAsync("""
            SELECT d.id, d.held_teu_micro, d.capacity_teu_micro,
                   (SELECT COALESCE(SUM(l.quantity_teu_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                    WHERE l.departure_id = d.id AND b.status <> 'cancelled')
            FROM departures d WHERE d.latest_departure IS NOT NULL
            """);
        foreach (var v in voyages)
        {
            Assert.Equal(Convert.ToInt64(v[3]), Convert.ToInt64(v[1]));
            Assert.True(Convert.ToInt64(v[1]) <= Convert.ToInt64(v[2]), $"voyage {v[0]} holds {v[1]} > {v[2]}");
        }
        // Each leg's cargo is ready while its voyage loads: from (at most a minute before) its opening to its latest departure.
        foreach (var leg in await db.RowsAsync("""
            SELECT l.ready_at, d.departs_at, d.latest_departure FROM booking_legs l JOIN departures d ON d.id = l.departure_id
            """))
        {
            var (ready, opens, latest) = (Time(leg[0]), Time(leg[1]), Time(leg[2]));
            Assert.True(ready <= latest && opens <= ready.AddMinutes(1), $"ready {ready:O} outside voyage {opens:O} – {latest:O}");
        }
        var total = live.Values.Sum();
        Assert.Equal((long)(total * 1e6), await db.LongAsync("SELECT SUM(held_teu_micro) FROM departures"));
        Assert.True(voyages.Count >= Math.Ceiling(total / 100), $"{voyages.Count} voyages for {total} TEU");
    }

    /// <summary>A time column as either store returns it: PostgreSQL a DateTime, SQLite ISO 8601 text.</summary>
    private static DateTime Time(object? value) => value switch
    {
        DateTime time => time.ToUniversalTime(),
        string text => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidOperationException($"Not a time: {value ?? "null"}"),
    };
}
