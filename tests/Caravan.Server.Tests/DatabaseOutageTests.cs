using System.Net;
using Caravan.Server.Tests.Support;
using Caravan.TestSupport;

namespace Caravan.Server.Tests;

/// <summary>
/// The database goes away under a running server: requests get 503 with Retry-After (an RFC 9457 problem, not a
/// 500), and once it is back the server answers again without a restart. A PostgreSQL server of its own, as it is stopped.
/// </summary>
public sealed class DatabaseOutageTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task While_PostgreSQL_is_down_requests_get_503_with_retry_after_and_afterwards_work_again()
    {
        if (!postgres.IsThrowaway) return; // an external server (CARAVAN_TEST_POSTGRES) is not ours to stop
        await using var host = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync("outage"));
        await (await host.ShipperA.Client.GetAsync("/bookings")).Json(HttpStatusCode.OK);

        await postgres.StopAsync();
        try
        {
            var response = await host.ShipperA.Client.GetAsync("/bookings");
            await response.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            var booking = await host.ShipperA.Client.PostJson("/bookings", BookingBodies.OneLeg("2026-12-07T00:00:00Z"));
            await booking.Problem(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        // The first request after the restart works: the server's pooled connections to the old server are not reused.
        await (await host.ShipperA.Client.GetAsync("/bookings")).Json(HttpStatusCode.OK);
        await BookingBodies.Create(host.ShipperA, BookingBodies.OneLeg("2026-12-07T00:00:00Z"));
    }
}
