using System.Collections.Concurrent;
using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private const int AttemptsPerWriter = 6;

    /// <summary>
    /// Many writers, each with its own store (its own connection, as if in its own server process), book random
    /// multi-leg itineraries over four hot departures whose rows do not exist yet, and confirm or cancel some of what
    /// they get. Afterwards the tables are checked with SQL of this test's own: on every departure, what is held equals
    /// the sum of the legs of the bookings not cancelled and stays within capacity, and every booking a writer was told
    /// was created is stored with the status that writer left it in.
    /// </summary>
    [Fact]
    public async Task Concurrent_writers_never_overbook()
    {
        await using var db = await NewDatabaseAsync();
        await using var setup = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(setup);

        // Small capacities so that most attempts collide and many are refused.
        var hot = new (DepartureRef Departure, Capacity Capacity)[]
        {
            (Departure("TRAIN-A"), new Capacity(12, null, 150)),
            (Departure("TRAIN-B"), new Capacity(10, 6, null)),
            (Departure("FERRY-C", day: 1), new Capacity(null, 8, 200)),
            (Departure("FERRY-D", day: 2), new Capacity(15, null, null)),
        };

        var expected = new ConcurrentDictionary<string, BookingStatus>();
        var refused = 0;
        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(async writer =>
        {
            var random = new Random(7919 * (writer + 1));
            await using var store = db.OpenStore();
            await start.Task;
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var legs = hot.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                    .Select(h => Leg(h.Departure, teu: random.Next(1, 4), wagons: random.Next(0, 2), tonnes: random.Next(5, 40) + 0.5,
                        defaultCapacity: h.Capacity))
                    .ToArray();
                switch (await store.CreateBookingAsync(Booking(org.Id, legs), ActorOf(org)))
                {
                    case CreateBookingResult.Created created:
                        var id = created.Booking.Id;
                        expected[id] = BookingStatus.Held;
                        switch (random.Next(4))
                        {
                            case 0:
                                Assert.IsType<TransitionResult.Done>(await store.CancelBookingAsync(id, ActorOf(org)));
                                expected[id] = BookingStatus.Cancelled;
                                break;
                            case 1:
                                Assert.IsType<TransitionResult.Done>(await store.ConfirmBookingAsync(id, ActorOf(org)));
                                expected[id] = BookingStatus.Confirmed;
                                break;
                        }
                        break;
                    case CreateBookingResult.InsufficientCapacity:
                        Interlocked.Increment(ref refused);
                        break;
                    case var other:
                        Assert.Fail($"Unexpected result {other}");
                        break;
                }
            }
        }).ToArray();
        start.SetResult();
        await Task.WhenAll(writers);

        // The run exercised both outcomes.
        Assert.True(expected.Count > 0 && refused > 0, $"created {expected.Count}, refused {refused}");

        foreach (var (departure, capacity) in hot)
        {
            var row = Assert.Single(await db.RowsAsync("""
                SELECT d.capacity_teu_micro, d.capacity_wagons_micro, d.capacity_tonnes_micro,
                       d.held_teu_micro, d.held_wagons_micro, d.held_tonnes_micro,
                       (SELECT COALESCE(SUM(l.quantity_teu_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                        WHERE l.departure_id = d.id AND b.status <> 'cancelled'),
                       (SELECT COALESCE(SUM(l.quantity_wagons_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                        WHERE l.departure_id = d.id AND b.status <> 'cancelled'),
                       (SELECT COALESCE(SUM(l.quantity_tonnes_micro), 0) FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                        WHERE l.departure_id = d.id AND b.status <> 'cancelled')
                FROM departures d WHERE d.id = @id
                """, ("@id", departure.Id)));
            long? Cap(int i) => row[i] is null ? null : Convert.ToInt64(row[i]);
            var held = new[] { Convert.ToInt64(row[3]), Convert.ToInt64(row[4]), Convert.ToInt64(row[5]) };
            var sums = new[] { Convert.ToInt64(row[6]), Convert.ToInt64(row[7]), Convert.ToInt64(row[8]) };
            Assert.Equal(sums, held);
            for (var unit = 0; unit < 3; unit++)
                if (Cap(unit) is { } cap) Assert.True(held[unit] <= cap, $"{departure.Id} unit {unit}: held {held[unit]} > capacity {cap}");
            // The stored capacity is the network default all writers gave (the racing inserts did not disturb it).
            Assert.Equal([capacity.Teu, capacity.Wagons, capacity.Tonnes], new[] { Cap(0), Cap(1), Cap(2) }.Select(c => c / 1e6));
        }

        var stored = (await db.RowsAsync("SELECT id, status FROM bookings")).ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal(expected.Count, stored.Count); // no booking that nobody was told about
        foreach (var (id, status) in expected)
            Assert.Equal(status.ToString().ToLowerInvariant(), stored[id]);
    }
}
