using System.Net;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using NodaTime;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

/// <summary>Holds that expire and the cap on held TEU, on hosts of their own (a movable clock, a configured cap).</summary>
public sealed class HoldEndpointTests
{
    [Fact]
    public async Task A_hold_not_confirmed_in_time_expires_and_confirming_it_is_409()
    {
        var clock = new MovableClock();
        await using var host = await ServerHost.StartAsync(configure: o => o with { Clock = clock });
        var a = host.ShipperA.Client;
        var booking = await Create(host.ShipperA, OneLeg("2027-01-04T00:00:00Z", forties: 1));
        string id = booking.GetProperty("id").GetString()!;
        // The default hold: 30 minutes from creation.
        Assert.Equal("2026-11-30T00:30:00Z", booking.GetProperty("holdExpiresAt").GetString());
        Assert.Equal(2, Unit((await Departure(host.ShipperA, Block, "2027-01-04T00:00:00Z")).GetProperty("held"), "teu"));

        clock.Advance(Duration.FromMinutes(30));
        Assert.Equal("expired", (await (await a.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK)).GetProperty("status").GetString());
        var expired = await (await a.GetAsync("/bookings?status=expired")).Json(HttpStatusCode.OK);
        Assert.Equal([id], expired.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Empty((await (await a.GetAsync("/bookings?status=held")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        var refused = await (await a.PostAsync($"/bookings/{id}/confirm", null)).Problem(HttpStatusCode.Conflict);
        Assert.Equal("The hold expired", refused.GetProperty("title").GetString());
        Assert.Contains("expired at 2026-11-30T00:30:00Z", refused.GetProperty("detail").GetString());
        Assert.Equal(0, Unit((await Departure(host.ShipperA, Block, "2027-01-04T00:00:00Z")).GetProperty("held"), "teu"));
        var history = await (await a.GetAsync($"/bookings/{id}/history")).Json(HttpStatusCode.OK);
        var last = history.EnumerateArray().Last();
        Assert.Equal(("expired", "system"), (last.GetProperty("action").GetString(), last.GetProperty("organisationId").GetString()));
        await (await a.PostAsync($"/bookings/{id}/cancel", null)).Problem(HttpStatusCode.Conflict);
        await (await a.GetAsync("/bookings?status=expiredd")).Problem(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task The_sweeper_expires_holds_in_the_background_after_the_configured_duration()
    {
        var clock = new MovableClock();
        await using var host = await ServerHost.StartAsync(configure: o => o with
        {
            Clock = clock,
            HoldDuration = Duration.FromMinutes(10),
            HoldSweepInterval = TimeSpan.FromMilliseconds(50),
        });
        var booking = await Create(host.ShipperA, OneLeg("2027-01-07T00:00:00Z", forties: 1));
        string id = booking.GetProperty("id").GetString()!;
        Assert.Equal("2026-11-30T00:10:00Z", booking.GetProperty("holdExpiresAt").GetString());

        clock.Advance(Duration.FromMinutes(10));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement history;
        do
        {
            await Task.Delay(50);
            history = await (await host.ShipperA.Client.GetAsync($"/bookings/{id}/history")).Json(HttpStatusCode.OK);
        } while (history.GetArrayLength() < 2 && DateTime.UtcNow < deadline);
        Assert.Equal(["created", "expired"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(0, Unit((await Departure(host.ShipperA, Block, "2027-01-07T00:00:00Z")).GetProperty("held"), "teu"));
    }

    [Fact]
    public async Task With_a_cap_a_booking_that_would_hold_more_teu_is_409_naming_the_cap_and_writes_nothing()
    {
        await using var host = await ServerHost.StartAsync(configure: o => o with { MaxHeldTeuPerOrganisation = 5 });
        var first = await Create(host.ShipperA, OneLeg("2027-01-11T00:00:00Z", forties: 2)); // 4 TEU

        var refused = await (await host.ShipperA.Client.PostJson("/bookings", OneLeg("2027-01-11T00:00:00Z", forties: 1))).Problem(HttpStatusCode.Conflict, "cargo");
        Assert.Equal(5, refused.GetProperty("maxHeldTeu").GetDouble());
        Assert.Contains("at most 5 TEU held", refused.GetProperty("detail").GetString());
        Assert.Contains("found '2 TEU more, with 4 TEU already held'", refused.GetProperty("detail").GetString());
        Assert.Equal(4, Unit((await Departure(host.ShipperA, Block, "2027-01-11T00:00:00Z")).GetProperty("held"), "teu"));

        await Create(host.ShipperB, OneLeg("2027-01-11T00:00:00Z", forties: 2)); // another organisation's cap
        await (await host.ShipperA.Client.PostAsync($"/bookings/{first.GetProperty("id").GetString()}/confirm", null)).Json(HttpStatusCode.OK);
        await Create(host.ShipperA, OneLeg("2027-01-11T00:00:00Z", forties: 1)); // confirmed bookings are not holds
    }
}
