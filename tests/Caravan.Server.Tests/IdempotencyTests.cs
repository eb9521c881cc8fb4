using System.Net;
using System.Text;
using Caravan.Server.Tests.Support;
using Caravan.Storage;

namespace Caravan.Server.Tests;

public sealed class IdempotencyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    private static HttpRequestMessage Request(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_create_retried_after_a_client_timeout_makes_one_booking()
    {
        string body = BookingBodies.OneLeg("2027-03-01T00:00:00Z", forties: 1, reference: "retry-after-timeout");
        string key = Guid.NewGuid().ToString();

        // The first attempt gives up almost at once: the server may or may not have booked by then.
        using (var impatient = ServerHost.Client(Host.BaseUrl, Host.ShipperB.Key))
        {
            impatient.Timeout = TimeSpan.FromMilliseconds(1);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(Request(body, key)));
        }
        var retried = await Host.ShipperB.Client.SendAsync(Request(body, key));
        var booking = await retried.Json(HttpStatusCode.Created);
        var again = await Host.ShipperB.Client.SendAsync(Request(body, key));
        var replayed = await again.Json(HttpStatusCode.Created);
        Assert.Equal(booking.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        await using var store = await Host.OpenStoreAsync();
        var mine = (await store.ListBookingsAsync(new BookingQuery(OrganisationId: Host.ShipperB.Id, Limit: 500))).Items
            .Where(b => b.Reference == "retry-after-timeout").ToList();
        Assert.Single(mine);
        // One 40 ft = 2 TEU held, not 4 or 6.
        var held = await store.GetDepartureAsync(mine[0].Legs[0].Departure, new Capacity(110, 55, 3000));
        Assert.Equal(2, held.Held.Teu);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_holds_nothing_more()
    {
        string key = Guid.NewGuid().ToString();
        await (await Host.ShipperB.Client.SendAsync(Request(BookingBodies.OneLeg("2027-03-04T00:00:00Z", forties: 1), key))).Json(HttpStatusCode.Created);
        await (await Host.ShipperB.Client.SendAsync(Request(BookingBodies.OneLeg("2027-03-04T00:00:00Z", forties: 3), key)))
            .Problem(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(2, BookingBodies.Unit((await BookingBodies.Departure(Host.ShipperB, BookingBodies.Block, "2027-03-04T00:00:00Z")).GetProperty("held"), "teu"));
    }

    [Fact]
    public async Task Keys_belong_to_one_organisation()
    {
        string key = Guid.NewGuid().ToString();
        string body = BookingBodies.OneLeg("2027-03-08T00:00:00Z", forties: 1);
        var a = await (await Host.ShipperA.Client.SendAsync(Request(body, key))).Json(HttpStatusCode.Created);
        var b = await (await Host.ShipperB.Client.SendAsync(Request(body, key))).Json(HttpStatusCode.Created);
        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }
}
