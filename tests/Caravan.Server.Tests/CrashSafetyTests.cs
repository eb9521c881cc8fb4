using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using Caravan.Storage;
using Caravan.TestSupport;
using NodaTime;

namespace Caravan.Server.Tests;

/// <summary>
/// Kill `caravan serve` with SIGKILL in the middle of a booking load, start it again on the same store, and check
/// that nothing acknowledged was lost and that each departure's held capacity is exactly the sum of its live bookings.
/// </summary>
public sealed class CrashSafetyTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Workers = 12;
    private const int AcknowledgedBeforeKill = 60;
    // Mondays and Thursdays of 2030, 00:00 UTC (08:00 in Xi'an): block train departures, far enough ahead for a real clock.
    private static readonly string[] Departures = ["2030-01-03T00:00:00Z", "2030-01-07T00:00:00Z", "2030-01-10T00:00:00Z", "2030-01-14T00:00:00Z"];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_acknowledged_booking_survives_a_kill_and_held_capacity_matches_the_bookings(string backend)
    {
        using var temp = new TempDirectory("caravan-crash");
        string database = backend == "postgres" ? await postgres.CreateDatabaseAsync("server_crash") : $"Data Source={temp.File("caravan.db")}";
        int port = ServeProcess.FreePort();

        var created = new ConcurrentBag<string>();
        var cancelled = new ConcurrentBag<string>();
        string shipperKey;
        using (var first = await ServeProcess.StartAsync(database, port))
        {
            using var admin = ServerHost.Client(first.BaseUrl, ServerHost.KeyPrinted(first.Output));
            var org = await (await admin.PostAsJsonAsync("/organisations", new { name = "Crash shipper", role = "shipper" })).Json(HttpStatusCode.Created);
            var key = await (await admin.PostAsync($"/organisations/{org.GetProperty("id").GetString()}/api-keys", null)).Json(HttpStatusCode.Created);
            shipperKey = key.GetProperty("secret").GetString()!;

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var load = Enumerable.Range(0, Workers).Select(w => Task.Run(() => Work(w, first.BaseUrl, shipperKey, created, cancelled, stop.Token))).ToList();
            while (created.Count < AcknowledgedBeforeKill && !stop.IsCancellationRequested && load.All(t => !t.IsCompleted))
                await Task.Delay(10);
            first.Kill(); // mid-load: requests are in flight on every worker
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        Assert.True(created.Count >= AcknowledgedBeforeKill, $"only {created.Count} bookings were acknowledged before the kill");

        using var second = await ServeProcess.StartAsync(database, port);
        Assert.DoesNotContain("Admin API key", second.Output); // not an empty store: no second bootstrap
        using var shipper = ServerHost.Client(second.BaseUrl, shipperKey);
        foreach (var id in created)
        {
            var booking = await (await shipper.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK);
            if (cancelled.Contains(id)) Assert.Equal("cancelled", booking.GetProperty("status").GetString());
        }

        // Held capacity = the sum over the stored bookings that are not cancelled (acknowledged or not: a booking
        // committed just before the kill may never have been acknowledged, and then it must still be consistent).
        await using var store = CaravanStore.Open(database);
        var all = new List<Booking>();
        string? after = null;
        do
        {
            var page = await store.ListBookingsAsync(new BookingQuery(Limit: 500, After: after));
            all.AddRange(page.Items);
            after = page.Next;
        } while (after is not null);
        var missing = created.Except(all.Select(b => b.Id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {created.Count} acknowledged bookings are not listed among the {all.Count} stored, e.g. {missing.FirstOrDefault()}");
        foreach (string utc in Departures)
        {
            var departure = new DepartureRef("XAN-DOS-BLOCK", NodaTime.Text.InstantPattern.General.Parse(utc).Value);
            var state = await store.GetDepartureAsync(departure, new Capacity(110, 55, 3000));
            double teu = all.Where(b => b.Status != BookingStatus.Cancelled)
                .SelectMany(b => b.Legs).Where(l => l.Departure == departure).Sum(l => l.Quantity.Teu ?? 0);
            Assert.Equal(teu, state.Held.Teu);
        }
    }

    /// <summary>Books 1 × 20 ft (1 TEU) after 1 × 20 ft on the four departures in turn, cancelling every third of its bookings, until stopped or refused.</summary>
    private static async Task Work(int worker, string baseUrl, string key, ConcurrentBag<string> created, ConcurrentBag<string> cancelled, CancellationToken stop)
    {
        using var client = ServerHost.Client(baseUrl, key);
        for (int n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                string body = BookingBodies.OneLeg(Departures[(worker + n) % Departures.Length], forties: 0, twenties: 1, reference: $"w{worker}-{n}");
                var response = await client.PostJson("/bookings", body);
                if (response.StatusCode == HttpStatusCode.Conflict) continue; // that departure is full
                if (response.StatusCode != HttpStatusCode.Created) return;
                string id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                created.Add(id);
                if (n % 3 == 2 && (await client.PostAsync($"/bookings/{id}/cancel", null)).StatusCode == HttpStatusCode.OK)
                    cancelled.Add(id);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // the server is gone: whatever was in flight is unacknowledged
            }
        }
    }
}
