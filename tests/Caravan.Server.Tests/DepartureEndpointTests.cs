using System.Net;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

public sealed class DepartureEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_two_week_window_lists_the_block_trains_of_mondays_and_thursdays()
    {
        var list = await (await Host.ShipperA.Client.GetAsync("/departures?service=XAN-DOS-BLOCK&from=2026-11-30T00:00:00Z&to=2026-12-14T00:00:00Z")).Json(HttpStatusCode.OK);
        // Mon 30 Nov, Thu 3 Dec, Mon 7 Dec, Thu 10 Dec at 08:00 +08:00 = 00:00 UTC; Mon 14 Dec is the window's open end.
        Assert.Equal(
            ["XAN-DOS-BLOCK@2026-11-30T00:00:00Z", "XAN-DOS-BLOCK@2026-12-03T00:00:00Z", "XAN-DOS-BLOCK@2026-12-07T00:00:00Z", "XAN-DOS-BLOCK@2026-12-10T00:00:00Z"],
            list.GetProperty("departures").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var first = list.GetProperty("departures")[0];
        Assert.Equal("2026-11-30T08:00:00+08:00", first.GetProperty("departure").GetProperty("local").GetString());
        Assert.Equal(110, Unit(first.GetProperty("capacity"), "teu"));
        Assert.Equal(110, Unit(first.GetProperty("remaining"), "teu"));
    }

    [Fact]
    public async Task Without_a_service_every_scheduled_service_is_listed_and_the_ferry_that_sails_when_full_is_not()
    {
        // Default window: 7 days from the clock (Mon 2026-11-30 00:00 UTC): block trains Mon 30 and Thu 3 (2),
        // daily trains at 12:00 UTC on 30 Nov … 6 Dec (7).
        var list = await (await Host.ShipperA.Client.GetAsync("/departures")).Json(HttpStatusCode.OK);
        var ids = list.GetProperty("departures").EnumerateArray().Select(d => d.GetProperty("service").GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count(i => i == Block));
        Assert.Equal(7, ids.Count(i => i == Daily));
        Assert.DoesNotContain("AKT-ALT-FERRY", ids);
    }

    [Fact]
    public async Task The_operator_publishes_capacity_and_remaining_follows()
    {
        var updated = await (await Host.OperatorKtz.Client.PutJson("/departures/DOS-AKT-DAILY@2026-12-09T12:00:00Z/capacity",
            """{"wagons": 20, "teu": null, "tonnes": 1200}""")).Json(HttpStatusCode.OK);
        Assert.Equal(20, Unit(updated.GetProperty("capacity"), "wagons"));

        // 1 × 40 ft on the daily train takes ceil(2 TEU / 4 per wagon) = 1 wagon and 20 t (10 t per TEU): 19 wagons, 1,180 t left.
        await Create(Host.ShipperA, """
            {"cargo": {"containers40": 1}, "legs": [{"service": "DOS-AKT-DAILY", "departure": "2026-12-09T12:00:00Z", "from": "KZDOS", "to": "KZAKT"}]}
            """);
        var state = await Departure(Host.OperatorKtz, Daily, "2026-12-09T12:00:00Z");
        Assert.Equal(19, Unit(state.GetProperty("remaining"), "wagons"));
        Assert.Equal(1180, Unit(state.GetProperty("remaining"), "tonnes"));

        // Below what is held: refused, and the capacity stays.
        await (await Host.OperatorKtz.Client.PutJson("/departures/DOS-AKT-DAILY@2026-12-09T12:00:00Z/capacity",
            """{"wagons": 0}""")).Problem(HttpStatusCode.Conflict, "wagons");
        Assert.Equal(20, Unit((await Departure(Host.OperatorKtz, Daily, "2026-12-09T12:00:00Z")).GetProperty("capacity"), "wagons"));
    }

    [Theory]
    [InlineData("DOS-AKT-DAILY@2026-12-09T13:00:00Z")] // no train at 13:00
    [InlineData("NO-SUCH-SERVICE@2026-12-09T12:00:00Z")]
    [InlineData("DOS-AKT-DAILY")]
    public async Task An_unknown_departure_is_not_found(string id)
    {
        await (await Host.OperatorKtz.Client.PutJson($"/departures/{id}/capacity", """{"wagons": 10}""")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"wagons": -1}""", "wagons")]
    [InlineData("""{"teu": 1e9}""", "teu")]
    [InlineData("""{"wagons": "ten"}""", "wagons")]
    [InlineData("""{"wagon": 10}""", "wagon")]
    public async Task A_bad_capacity_names_the_field_and_changes_nothing(string body, string field)
    {
        const string id = "DOS-AKT-DAILY@2026-12-11T12:00:00Z";
        await (await Host.OperatorKtz.Client.PutJson($"/departures/{id}/capacity", body)).Problem(HttpStatusCode.BadRequest, field);
        Assert.Equal(57, Unit((await Departure(Host.OperatorKtz, Daily, "2026-12-11T12:00:00Z")).GetProperty("capacity"), "wagons"));
    }

    [Theory]
    [InlineData("service=NOPE", "service")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    public async Task A_bad_window_names_the_query_parameter(string query, string field)
    {
        await (await Host.ShipperA.Client.GetAsync($"/departures?{query}")).Problem(HttpStatusCode.BadRequest, field);
    }
}
