using System.Net;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using Caravan.Storage;
using Caravan.TestSupport;
using NodaTime;

namespace Caravan.Server.Tests;

/// <summary>Many clients booking the same departures at once over real HTTP: never more than the capacity, every 201 stored.</summary>
public sealed class ConcurrentBookingTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Clients = 64;

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Sixty_four_clients_booking_the_same_two_departures_never_overbook(string backend)
    {
        string? database = backend == "postgres" ? await postgres.CreateDatabaseAsync("server_concurrency") : null;
        await using var host = await ServerHost.StartAsync(database);

        // The operator publishes 100 TEU on the block train of Thu 2026-12-10 and 20 wagons on the daily train of Mon 2026-12-14.
        await (await host.OperatorKtz.Client.PutJson("/departures/XAN-DOS-BLOCK@2026-12-10T00:00:00Z/capacity", """{"teu": 100, "wagons": 55, "tonnes": 3000}""")).Json(HttpStatusCode.OK);
        await (await host.OperatorKtz.Client.PutJson("/departures/DOS-AKT-DAILY@2026-12-14T12:00:00Z/capacity", """{"wagons": 20}""")).Json(HttpStatusCode.OK);
        string body = BookingBodies.TwoLegs("2026-12-10T00:00:00Z", "2026-12-14T12:00:00Z");

        // Each booking is 2 × 40 ft: 4 TEU on the block train, ceil(4 TEU / 4) = 1 wagon on the daily train.
        // The block train fits 100 / 4 = 25, the daily train 20 / 1 = 20: exactly 20 bookings can succeed.
        // All clients wait on one gate (not a thread barrier: 64 blocked threads would starve a 2-core thread pool).
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            var party = i % 2 == 0 ? host.ShipperA : host.ShipperB;
            using var client = ServerHost.Client(host.BaseUrl, party.Key); // its own connection
            await gate.Task;
            var response = await client.PostJson("/bookings", body);
            string text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Text: text);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(running);

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{r.StatusCode}: {r.Text}"));
        var created = results.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("id").GetString()!).ToList();
        Assert.Equal(20, created.Count);
        Assert.Equal(created.Count, created.Distinct().Count());

        await using var store = await host.OpenStoreAsync();
        foreach (var id in created)
            Assert.Equal(BookingStatus.Held, (await store.FindBookingAsync(id))?.Status);
        var block = await store.GetDepartureAsync(new DepartureRef("XAN-DOS-BLOCK", Instant.FromUtc(2026, 12, 10, 0, 0)), new Capacity(110, 55, 3000));
        var daily = await store.GetDepartureAsync(new DepartureRef("DOS-AKT-DAILY", Instant.FromUtc(2026, 12, 14, 12, 0)), new Capacity(null, 57, null));
        // 20 × 4 TEU = 80 TEU and 20 × 40 t = 800 t on the block train; 20 × 1 wagon on the daily: the refused 44 held nothing on either leg.
        Assert.Equal(80, block.Held.Teu);
        Assert.Equal(800, block.Held.Tonnes);
        Assert.Equal(20, daily.Held.Wagons);
        Assert.Equal(0, daily.Remaining.Wagons);
    }
}
