using System.Net;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

/// <summary>
/// The tiny network's AKT-ALT-FERRY sails when full (112 TEU or 56 wagons, at the latest 168 h after it opens):
/// bookings are held per voyage, and a vessel never carries more than it holds.
/// </summary>
public sealed class VoyageEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Ferry = "AKT-ALT-FERRY";
    private ServerHost Host => fixture.Host;

    private static string OnFerry(string readyUtc, int forties) => $$"""
        {"cargo": {"containers40": {{forties}}}, "legs": [{"service": "{{Ferry}}", "departure": "{{readyUtc}}", "from": "KZAKT", "to": "AZALT"}]}
        """;

    private async Task<JsonElement> Voyages(string from, string to) =>
        (await (await Host.ShipperA.Client.GetAsync($"/voyages?service={Ferry}&from={from}&to={to}")).Json(HttpStatusCode.OK)).GetProperty("departures");

    [Fact]
    public async Task Five_bookings_of_50_TEU_one_second_apart_go_on_three_voyages_none_over_its_capacity()
    {
        var legs = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
            legs.Add((await Create(Host.ShipperA, OnFerry($"2026-12-05T10:00:0{i}Z", forties: 25))).GetProperty("legs")[0]);

        // By hand: 50 + 50 fit the 112-TEU voyage opened at :00, a third 50 does not and opens the next at :02, and so on.
        Assert.Equal(
            ["AKT-ALT-FERRY@2026-12-05T10:00:00Z", "AKT-ALT-FERRY@2026-12-05T10:00:00Z", "AKT-ALT-FERRY@2026-12-05T10:00:02Z",
             "AKT-ALT-FERRY@2026-12-05T10:00:02Z", "AKT-ALT-FERRY@2026-12-05T10:00:04Z"],
            legs.Select(l => l.GetProperty("departure").GetString()));
        Assert.Equal("2026-12-05T10:00:03Z", legs[3].GetProperty("readyAt").GetString());

        var voyages = await Voyages("2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z");
        Assert.Equal([100.0, 100.0, 50.0], voyages.EnumerateArray().Select(v => Unit(v.GetProperty("held"), "teu")!.Value));
        Assert.All(voyages.EnumerateArray(), v => Assert.True(Unit(v.GetProperty("remaining"), "teu") >= 0));
        var first = voyages[0];
        Assert.Equal(12, Unit(first.GetProperty("remaining"), "teu"));
        // 12 TEU left: not full, so it waits for cargo until its latest departure, 168 h after opening (Aktau is +05:00).
        Assert.False(first.GetProperty("voyage").GetProperty("full").GetBoolean());
        Assert.Equal("2026-12-12T15:00:00+05:00", first.GetProperty("voyage").GetProperty("plannedDeparture").GetProperty("local").GetString());

        // The same voyages appear among all departures of the window, marked as voyages.
        var all = await (await Host.ShipperA.Client.GetAsync("/departures?from=2026-12-05T00:00:00Z&to=2026-12-06T00:00:00Z")).Json(HttpStatusCode.OK);
        Assert.Equal(3, all.GetProperty("departures").EnumerateArray().Count(d => d.TryGetProperty("voyage", out _)));
        Assert.DoesNotContain(all.GetProperty("departures").EnumerateArray(), d => !d.TryGetProperty("voyage", out _) && d.GetProperty("service").GetProperty("id").GetString() == Ferry);
    }

    [Fact]
    public async Task A_full_voyage_sails_when_its_last_cargo_is_ready_and_a_cancellation_reopens_it()
    {
        var a = await Create(Host.ShipperA, OnFerry("2026-12-08T06:00:00Z", forties: 30)); // 60 TEU
        var b = await Create(Host.ShipperA, OnFerry("2026-12-08T09:00:00Z", forties: 26)); // 52 TEU: 112, full
        var voyageId = a.GetProperty("legs")[0].GetProperty("departure").GetString();
        Assert.Equal(voyageId, b.GetProperty("legs")[0].GetProperty("departure").GetString());

        var voyage = await (await Host.ShipperA.Client.GetAsync($"/voyages/{voyageId}")).Json(HttpStatusCode.OK);
        Assert.True(voyage.GetProperty("voyage").GetProperty("full").GetBoolean());
        Assert.Equal("2026-12-08T09:00:00Z", voyage.GetProperty("voyage").GetProperty("plannedDeparture").GetProperty("utc").GetString());

        await (await Host.ShipperA.Client.PostAsync($"/bookings/{b.GetProperty("id").GetString()}/cancel", null)).Json(HttpStatusCode.OK);
        var reopened = await (await Host.ShipperA.Client.GetAsync($"/voyages/{voyageId}")).Json(HttpStatusCode.OK);
        Assert.False(reopened.GetProperty("voyage").GetProperty("full").GetBoolean());
        Assert.Equal(52, Unit(reopened.GetProperty("remaining"), "teu"));
        Assert.Equal("2026-12-15T06:00:00Z", reopened.GetProperty("voyage").GetProperty("plannedDeparture").GetProperty("utc").GetString());
    }

    [Fact]
    public async Task The_ferry_operator_sets_a_voyage_s_capacity_but_not_of_a_voyage_that_does_not_exist()
    {
        var booking = await Create(Host.ShipperA, OnFerry("2026-12-10T06:00:00Z", forties: 10));
        var voyageId = booking.GetProperty("legs")[0].GetProperty("departure").GetString();
        var updated = await (await Host.OperatorAsco.Client.PutJson($"/departures/{voyageId}/capacity", """{"teu": 150, "wagons": 56}""")).Json(HttpStatusCode.OK);
        Assert.Equal(130, Unit(updated.GetProperty("remaining"), "teu"));

        await (await Host.OperatorAsco.Client.PutJson("/departures/AKT-ALT-FERRY@2026-12-10T07:00:00Z/capacity", """{"teu": 150}"""))
            .Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("AKT-ALT-FERRY@2026-12-24T00:00:00Z")] // no booking opened it
    [InlineData("DOS-AKT-DAILY@2026-12-09T12:00:00Z")] // a scheduled departure, not a voyage
    [InlineData("AKT-ALT-FERRY")]
    public async Task An_unknown_voyage_is_not_found(string id)
    {
        await (await Host.ShipperA.Client.GetAsync($"/voyages/{id}")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("service=DOS-AKT-DAILY", "service")]
    [InlineData("service=NOPE", "service")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    public async Task A_bad_voyage_query_names_the_parameter(string query, string field)
    {
        await (await Host.ShipperA.Client.GetAsync($"/voyages?{query}")).Problem(HttpStatusCode.BadRequest, field);
    }
}
