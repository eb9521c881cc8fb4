using Caravan.Storage.Postgres;
using Caravan.TestSupport;
using NodaTime;
using Npgsql;

namespace Caravan.Storage.Tests;

/// <summary>
/// What the store does when PostgreSQL goes away: its sessions killed, the server restarted, or stopped. A server of
/// its own (not the shared collection's), since these tests stop it.
/// </summary>
public sealed class PostgresOutageTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 12, 7, 6, 0);

    private static NewBooking OneTeu(string org) => new(org, null, "h", "1 x 20ft", 10m, "USD",
        [new BookingLeg(new DepartureRef("TRAIN", Monday), "A", "B", new Capacity(1, null, null), new Capacity(100, null, null))], null);

    private async Task<(PostgresCaravanStore Store, Organisation Org)> StoreWithOrganisationAsync(string purpose)
    {
        var store = new PostgresCaravanStore(await server.CreateDatabaseAsync(purpose));
        await store.MigrateAsync();
        var org = await store.CreateOrganisationAsync(new NewOrganisation("Silk", OrganisationRole.Shipper, []), Actor.System);
        // Fill the pool with several connections, all of which the outage will kill.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.ListOrganisationsAsync()));
        return (store, org);
    }

    [Fact]
    public async Task Killed_sessions_are_replaced_without_the_caller_noticing()
    {
        var (store, org) = await StoreWithOrganisationAsync("killed");
        await using var _ = store;
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname LIKE 'caravan_killed%' AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await kill.ExecuteScalarAsync())! > 0);
        }
        // Every pooled connection is dead (57P01 or a closed socket on first use): both a write and a read go through.
        Assert.IsType<CreateBookingResult.Created>(await store.CreateBookingAsync(OneTeu(org.Id), new Actor(org.Id, "k")));
        Assert.Single((await store.ListBookingsAsync(new BookingQuery())).Items);
    }

    [Fact]
    public async Task While_the_server_is_down_calls_fail_as_unavailable_and_after_a_restart_they_work_again()
    {
        if (!server.IsThrowaway) return; // an external server (CARAVAN_TEST_POSTGRES) is not ours to stop
        var (store, org) = await StoreWithOrganisationAsync("restart");
        await using var _ = store;

        await server.StopAsync();
        try
        {
            var write = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CreateBookingAsync(OneTeu(org.Id), new Actor(org.Id, "k")));
            Assert.False(write.OutcomeUnknown);
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.FindOrganisationAsync(org.Id));
        }
        finally
        {
            await server.StartAgainAsync();
        }

        // The pool held connections to the stopped server; none of them is used again.
        Assert.IsType<CreateBookingResult.Created>(await store.CreateBookingAsync(OneTeu(org.Id), new Actor(org.Id, "k")));
        Assert.Single((await store.ListBookingsAsync(new BookingQuery())).Items);
    }

    [Fact]
    public void The_pool_is_bounded_unless_the_connection_string_says_otherwise()
    {
        Assert.Equal(PostgresCaravanStore.DefaultMaxPoolSize, new NpgsqlConnectionStringBuilder(PostgresCaravanStore.WithDefaults("Host=h")).MaxPoolSize);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PostgresCaravanStore.WithDefaults("Host=h;Maximum Pool Size=7")).MaxPoolSize);
    }
}
