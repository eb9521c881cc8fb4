using Caravan.TestSupport;
using Caravan.TestSupport.Soak;
using Xunit.Abstractions;

namespace Caravan.Server.Tests;

/// <summary>
/// SOAK (short variant, about 75 s): two `caravan serve` processes on one PostgreSQL database under a mixed load,
/// the second SIGKILLed and restarted every 20 s. Nothing acknowledged is lost, held capacity equals the live bookings on
/// every departure, no request is booked twice, no 5xx, and the survivor's memory stays flat. The shared driver is
/// tests/Caravan.TestSupport/Soak; the long run is `bench/Caravan.Bench -- soak` (bench/README.md).
/// </summary>
[Trait("Category", "Soak")]
public sealed class SoakTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Two_servers_one_killed_every_20_seconds_lose_nothing_acknowledged_and_answer_no_5xx()
    {
        string database = await postgres.CreateDatabaseAsync("soak");
        var result = await SoakRun.RunAsync(database, new SoakOptions
        {
            Clients = 12,
            LoadSeconds = 60,
            KillEverySeconds = 20,
            WarmupSeconds = 10,
            Log = output.WriteLine,
        });
        output.WriteLine(result.Summary());

        // At 20 and 40 s (later when a restart is slow): the victim must come back and serve twice over.
        Assert.True(result.Kills.Count >= 2, $"only {result.Kills.Count} kills");
        // Enough traffic that a kill lands on requests in flight, and the departures fill up.
        Assert.True(result.AcknowledgedBookings >= 200, $"only {result.AcknowledgedBookings} bookings acknowledged");
        Assert.True(result.Passed, result.Summary());
    }
}
