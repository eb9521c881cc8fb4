using System.Net;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

public sealed class BookingEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_two_leg_booking_is_priced_by_the_tariffs_and_holds_capacity_on_both_departures()
    {
        var response = await Host.ShipperA.Client.PostJson("/bookings", TwoLegs());
        var booking = await response.Json(HttpStatusCode.Created);
        string id = booking.GetProperty("id").GetString()!;
        Assert.Equal($"/bookings/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("held", booking.GetProperty("status").GetString());
        Assert.Equal(Host.ShipperA.Id, booking.GetProperty("organisationId").GetString());

        // 2 × 40 ft, KTZ 0.24 USD per 40 ft-km:
        //   block train CNXAN→KZDOS 3,100 km: 2 × 0.24 × 3100                    = 1,488.00
        //   gauge change DOS-GAUGE at Dostyk: 60/TEU × 4 + 4/t × 40 t (10 t/TEU)
        //     + 150/wagon × 1 (4 TEU on one 4-TEU flat)                          =   550.00
        //   daily train KZDOS→KZAKT 2,650 km: 2 × 0.24 × 2650 + station fee 35   = 1,307.00
        //   total                                                                 = 3,345.00 USD
        Assert.Equal(3345.00m, booking.GetProperty("quotedPrice").GetDecimal());
        Assert.Equal("USD", booking.GetProperty("currency").GetString());
        Assert.Equal("2 × 40 ft", booking.GetProperty("cargo").GetString());

        var legs = booking.GetProperty("legs");
        Assert.Equal("XAN-DOS-BLOCK@2026-12-03T00:00:00Z", legs[0].GetProperty("departure").GetString());
        Assert.Equal("KZDOS", legs[1].GetProperty("from").GetString()); // "Dostyk" resolved to its id
        Assert.Equal("DOS-AKT-DAILY@2026-12-07T12:00:00Z", legs[1].GetProperty("departure").GetString());

        // Held: block train counts containers in TEU (it states TEU): 4 TEU, 40 t; daily train states wagons only: 1 wagon.
        var block = await Departure(Host.ShipperA, Block, "2026-12-03T00:00:00Z");
        Assert.Equal(110 - 4, Unit(block.GetProperty("remaining"), "teu"));
        Assert.Equal(3000 - 40, Unit(block.GetProperty("remaining"), "tonnes"));
        var daily = await Departure(Host.ShipperA, Daily, "2026-12-07T12:00:00Z");
        Assert.Equal(57 - 1, Unit(daily.GetProperty("remaining"), "wagons"));
        Assert.Null(Unit(daily.GetProperty("remaining"), "teu"));

        var fetched = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(id, fetched.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Confirm_then_cancel_releases_the_capacity_and_the_history_says_who_did_what()
    {
        var booking = await Create(Host.ShipperA, OneLeg("2026-12-14T00:00:00Z", forties: 1));
        string id = booking.GetProperty("id").GetString()!;
        Assert.Equal(110 - 2, Unit((await Departure(Host.ShipperA, Block, "2026-12-14T00:00:00Z")).GetProperty("remaining"), "teu"));

        var confirmed = await (await Host.ShipperA.Client.PostAsync($"/bookings/{id}/confirm", null)).Json(HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        await (await Host.ShipperA.Client.PostAsync($"/bookings/{id}/confirm", null)).Problem(HttpStatusCode.Conflict);

        var cancelled = await (await Host.ShipperA.Client.PostAsync($"/bookings/{id}/cancel", null)).Json(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(110, Unit((await Departure(Host.ShipperA, Block, "2026-12-14T00:00:00Z")).GetProperty("remaining"), "teu"));

        var history = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}/history")).Json(HttpStatusCode.OK);
        Assert.Equal(3, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), e => Assert.Equal(Host.ShipperA.Id, e.GetProperty("organisationId").GetString()));
        Assert.Equal([1L, 2L, 3L], history.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Lists_show_a_shipper_its_own_an_operator_those_on_its_services_and_an_admin_all()
    {
        var booking = await Create(Host.ShipperB, OneLeg("2026-12-17T00:00:00Z", forties: 1, reference: "list-test"));
        string id = booking.GetProperty("id").GetString()!;

        async Task<bool> Sees(Party party, string query = "")
        {
            var page = await (await party.Client.GetAsync($"/bookings?limit=500{query}")).Json(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Any(b => b.GetProperty("id").GetString() == id);
        }
        Assert.True(await Sees(Host.ShipperB));
        Assert.True(await Sees(Host.OperatorKtz));
        Assert.True(await Sees(Host.Admin));
        Assert.False(await Sees(Host.ShipperA));
        Assert.False(await Sees(Host.OperatorAsco));
        Assert.True(await Sees(Host.ShipperB, "&status=held&service=XAN-DOS-BLOCK"));
        Assert.False(await Sees(Host.ShipperB, "&status=confirmed"));
        Assert.False(await Sees(Host.ShipperB, "&service=DOS-AKT-DAILY"));
    }

    [Fact]
    public async Task Paging_with_limit_and_after_visits_every_booking_once()
    {
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
            ids.Add((await Create(Host.ShipperA, OneLeg("2026-12-21T00:00:00Z", forties: 0, twenties: 1, reference: $"page-{i}"))).GetProperty("id").GetString()!);

        var seen = new List<string>();
        string? after = null;
        for (int guard = 0; guard < 100; guard++)
        {
            var page = await (await Host.ShipperA.Client.GetAsync($"/bookings?limit=2{(after is null ? "" : $"&after={after}")}")).Json(HttpStatusCode.OK);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()!));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null) break;
            after = page.GetProperty("next").GetString();
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public async Task A_leg_that_does_not_fit_holds_nothing_on_any_leg()
    {
        // The operator leaves room for one 40 ft (2 TEU) on the block train of 2026-12-24; the daily train has plenty.
        await (await Host.OperatorKtz.Client.PutJson("/departures/XAN-DOS-BLOCK@2026-12-24T00:00:00Z/capacity",
            """{"teu": 2, "wagons": 55, "tonnes": 3000}""")).Json(HttpStatusCode.OK);

        var response = await Host.ShipperA.Client.PostJson("/bookings", TwoLegs("2026-12-24T00:00:00Z", "2026-12-28T12:00:00Z"));
        await response.Problem(HttpStatusCode.Conflict, "legs[0]");

        Assert.Equal(0, Unit((await Departure(Host.ShipperA, Block, "2026-12-24T00:00:00Z")).GetProperty("held"), "teu"));
        Assert.Equal(0, Unit((await Departure(Host.ShipperA, Daily, "2026-12-28T12:00:00Z")).GetProperty("held"), "wagons"));
    }

    [Fact]
    public async Task Every_itinerary_the_planner_offers_books_at_the_planners_price()
    {
        // Xi'an to Alat: block train, gauge change at Dostyk, daily train, rail-ferry transfer at Aktau, and the ferry
        // that sails when full (its departure is the planner's estimate, which a booking takes as given).
        var plan = await (await Host.ShipperB.Client.PostJson("/plan",
            """{"from": "CNXAN", "to": "AZALT", "cargo": {"containers20": 3}, "readyTime": "2026-12-20T00:00:00Z", "samples": 32}""")).Json(HttpStatusCode.OK);
        Assert.True(plan.GetProperty("itineraries").GetArrayLength() > 0);
        foreach (var itinerary in plan.GetProperty("itineraries").EnumerateArray())
        {
            var legs = itinerary.GetProperty("legs").EnumerateArray().Select(l => new
            {
                service = l.GetProperty("service").GetProperty("id").GetString(),
                departure = l.GetProperty("departure").GetProperty("utc").GetString(),
                from = l.GetProperty("from").GetProperty("id").GetString(),
                to = l.GetProperty("to").GetProperty("id").GetString(),
            });
            string body = System.Text.Json.JsonSerializer.Serialize(new { cargo = new { containers20 = 3 }, legs });
            var booking = await Create(Host.ShipperB, body);
            Assert.Equal(itinerary.GetProperty("totalCost").GetDecimal(), booking.GetProperty("quotedPrice").GetDecimal());
        }
    }
}
