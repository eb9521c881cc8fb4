using System.Diagnostics;
using Caravan.Bench.Planning;
using Caravan.Storage;
using NodaTime.Text;

namespace Caravan.Bench.Booking;

/// <summary>What the store did when called in-process, without HTTP, authentication or JSON.</summary>
internal sealed record StoreLoadResult(double Seconds, long Confirmed, Latency Create, Latency Confirm, IReadOnlyDictionary<string, long> Errors, IReadOnlyList<string> CreatedIds)
{
    public double ConfirmedPerSecond => Confirmed / Seconds;
}

/// <summary>
/// The same create-then-confirm loop as <see cref="BookingLoad"/>, on the same database and departures, but calling
/// <see cref="ICaravanStore"/> (PostgreSQL) directly from this process: the ceiling the store and PostgreSQL set
/// before the server adds anything. The difference to the HTTP figure is what HTTP, API-key authentication (a store
/// read per request), validation, pricing and JSON cost.
/// </summary>
internal static class StoreLoad
{
    /// <param name="atEnd">Called when the loop ends, before the store's connections close (their backends' CPU is lost when they exit).</param>
    public static async Task<StoreLoadResult> RunAsync(string database, BookingSetup setup, Caravan.Storage.Booking template, int clients, double seconds, bool twoRequests, Func<Task> atEnd)
    {
        await using var store = CaravanStore.Open(database);
        var actor = new Actor(setup.ShipperOrganisationId, setup.ShipperKeyId);
        var clock = Stopwatch.StartNew();
        long end = (long)(seconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var departure = new DepartureRef(BookingSetup.Service, InstantPattern.General.Parse(setup.DepartureTimes[i % setup.DepartureTimes.Count]).Value);
            var legs = template.Legs.Select(l => l with { Departure = departure }).ToArray();
            var createMs = new List<double>();
            var confirmMs = new List<double>();
            var errors = new Dictionary<string, long>();
            var ids = new List<string>();
            long confirmed = 0;
            for (int n = 0; clock.ElapsedTicks < end; n++)
            {
                var booking = new NewBooking(setup.ShipperOrganisationId, Guid.NewGuid().ToString(), $"store-bench-{i}-{n}",
                    template.CargoDescription, template.QuotedPrice, template.Currency, legs, $"store-{i}-{n}") { Confirm = !twoRequests };
                long start = clock.ElapsedTicks;
                var created = await store.CreateBookingAsync(booking, actor);
                long mid = clock.ElapsedTicks;
                createMs.Add((mid - start) * 1000.0 / Stopwatch.Frequency);
                if (created is not CreateBookingResult.Created c) { Count(errors, "create " + created.GetType().Name); continue; }
                ids.Add(c.Booking.Id);
                if (!twoRequests)
                {
                    if (mid < end) confirmed++;
                    continue;
                }
                var done = await store.ConfirmBookingAsync(c.Booking.Id, actor);
                long finished = clock.ElapsedTicks;
                confirmMs.Add((finished - mid) * 1000.0 / Stopwatch.Frequency);
                if (done is TransitionResult.Done && finished < end) confirmed++;
                else if (done is not TransitionResult.Done) Count(errors, "confirm " + done.GetType().Name);
            }
            return (confirmed, createMs, confirmMs, errors, ids);
        })));
        await atEnd();
        var allErrors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in results)
            foreach (var (k, v) in r.errors) allErrors[k] = allErrors.GetValueOrDefault(k) + v;
        return new StoreLoadResult(seconds, results.Sum(r => r.confirmed),
            Latency.Of(results.SelectMany(r => r.createMs).ToArray()), Latency.Of(results.SelectMany(r => r.confirmMs).ToArray()),
            allErrors, results.SelectMany(r => r.ids).ToArray());
    }

    private static void Count(Dictionary<string, long> errors, string what) => errors[what] = errors.GetValueOrDefault(what) + 1;
}
