using System.Net;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

/// <summary>POST /bookings with "confirm": true: held and confirmed in one request, replayed by its key like any booking.</summary>
public sealed class CreateConfirmedTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    private static string Confirmed(string departureUtc) => OneLeg(departureUtc, forties: 1).TrimEnd().TrimEnd('}') + ", \"confirm\": true }";

    [Fact]
    public async Task A_booking_sent_with_confirm_true_is_answered_and_stored_confirmed()
    {
        var booking = await Create(Host.ShipperA, Confirmed("2027-01-11T00:00:00Z"));
        string id = booking.GetProperty("id").GetString()!;
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());

        var stored = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("confirmed", stored.GetProperty("status").GetString());
        var history = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}/history")).Json(HttpStatusCode.OK);
        Assert.Equal(["created", "confirmed"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        // Already confirmed: a second confirmation is a conflict.
        await (await Host.ShipperA.Client.PostAsync($"/bookings/{id}/confirm", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_key_with_and_without_confirm_is_a_conflict_and_with_it_again_a_replay()
    {
        string key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Send(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/bookings") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return await Host.ShipperA.Client.SendAsync(request);
        }
        var first = await (await Send(Confirmed("2027-01-18T00:00:00Z"))).Json(HttpStatusCode.Created);
        var again = await Send(Confirmed("2027-01-18T00:00:00Z"));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("id").GetString(), (await again.Json(HttpStatusCode.Created)).GetProperty("id").GetString());
        await (await Send(OneLeg("2027-01-18T00:00:00Z", forties: 1))).Problem(HttpStatusCode.UnprocessableEntity);
    }
}
