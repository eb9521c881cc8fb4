using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

/// <summary>Who may do what: every endpoint refuses the organisation that may not use it, not only lets the right one in.</summary>
public sealed class AccessTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/network" }, { "GET", "/network/nodes" }, { "GET", "/network/services" },
        { "POST", "/plan" }, { "POST", "/quote" },
        { "GET", "/departures" }, { "PUT", "/departures/XAN-DOS-BLOCK@2026-12-03T00:00:00Z/capacity" },
        { "POST", "/bookings" }, { "GET", "/bookings" }, { "GET", "/bookings/bk_x" },
        { "POST", "/bookings/bk_x/confirm" }, { "POST", "/bookings/bk_x/cancel" }, { "GET", "/bookings/bk_x/history" },
        { "POST", "/organisations" }, { "GET", "/organisations" }, { "POST", "/organisations/org_x/api-keys" }, { "DELETE", "/api-keys/key_x" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Without_a_key_every_endpoint_answers_401_with_a_problem(string method, string path)
    {
        var response = await Host.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task With_an_unknown_key_every_endpoint_answers_401(string method, string path)
    {
        using var client = ServerHost.Client(Host.BaseUrl, "cvk_not_a_real_key");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        await response.Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_X_Api_Key_and_a_revoked_key_stops_working()
    {
        var created = await (await Host.Admin.Client.PostAsync($"/organisations/{Host.ShipperB.Id}/api-keys", null)).Json(HttpStatusCode.Created);
        string secret = created.GetProperty("secret").GetString()!;
        using var client = ServerHost.AnonymousClient(Host.BaseUrl);
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        await (await client.GetAsync("/network")).Json(HttpStatusCode.OK);

        var revoked = await Host.Admin.Client.DeleteAsync($"/api-keys/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await client.GetAsync("/network")).Problem(HttpStatusCode.Unauthorized);
        // The organisation's other key still works.
        await (await Host.ShipperB.Client.GetAsync("/network")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_shippers_booking_is_not_found_by_any_endpoint_and_is_not_changed()
    {
        string id = (await Create(Host.ShipperA, OneLeg("2027-01-04T00:00:00Z", forties: 1)))
            .GetProperty("id").GetString()!;
        var b = Host.ShipperB.Client;
        await (await b.GetAsync($"/bookings/{id}")).Problem(HttpStatusCode.NotFound);
        await (await b.GetAsync($"/bookings/{id}/history")).Problem(HttpStatusCode.NotFound);
        await (await b.PostAsync($"/bookings/{id}/confirm", null)).Problem(HttpStatusCode.NotFound);
        await (await b.PostAsync($"/bookings/{id}/cancel", null)).Problem(HttpStatusCode.NotFound);
        // An operator of other services does not see it either.
        await (await Host.OperatorAsco.Client.GetAsync($"/bookings/{id}")).Problem(HttpStatusCode.NotFound);
        await (await Host.OperatorAsco.Client.GetAsync($"/bookings/{id}/history")).Problem(HttpStatusCode.NotFound);
        // The operator of its service sees it but may not change it.
        await (await Host.OperatorKtz.Client.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK);
        await (await Host.OperatorKtz.Client.PostAsync($"/bookings/{id}/confirm", null)).Problem(HttpStatusCode.Forbidden);
        await (await Host.OperatorKtz.Client.PostAsync($"/bookings/{id}/cancel", null)).Problem(HttpStatusCode.Forbidden);

        var booking = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("held", booking.GetProperty("status").GetString());
        var history = await (await Host.ShipperA.Client.GetAsync($"/bookings/{id}/history")).Json(HttpStatusCode.OK);
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task Only_the_operator_of_a_service_sets_its_capacity()
    {
        const string path = "/departures/XAN-DOS-BLOCK@2027-01-07T00:00:00Z/capacity";
        const string body = """{"teu": 1, "wagons": 1, "tonnes": 1}""";
        await (await Host.OperatorAsco.Client.PutJson(path, body)).Problem(HttpStatusCode.Forbidden);
        await (await Host.ShipperA.Client.PutJson(path, body)).Problem(HttpStatusCode.Forbidden);
        await (await Host.Admin.Client.PutJson(path, body)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(110, Unit((await Departure(Host.ShipperA, Block, "2027-01-07T00:00:00Z")).GetProperty("capacity"), "teu"));

        await (await Host.OperatorKtz.Client.PutJson(path, body)).Json(HttpStatusCode.OK);
        Assert.Equal(1, Unit((await Departure(Host.ShipperA, Block, "2027-01-07T00:00:00Z")).GetProperty("capacity"), "teu"));
    }

    [Fact]
    public async Task Operators_do_not_book()
    {
        await (await Host.OperatorKtz.Client.PostJson("/bookings", OneLeg("2027-01-11T00:00:00Z"))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(0, Unit((await Departure(Host.ShipperA, Block, "2027-01-11T00:00:00Z")).GetProperty("held"), "teu"));
    }

    public static TheoryData<string, string, string> AdminEndpoints => new()
    {
        { "POST", "/organisations", """{"name": "Sneaky", "role": "admin"}""" },
        { "GET", "/organisations", "" },
        { "POST", "/organisations/{shipperA}/api-keys", "" },
        { "DELETE", "/api-keys/{adminKey}", "" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Only_an_admin_manages_organisations_and_keys(string method, string path, string body)
    {
        var organisations = await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK);
        int before = organisations.GetArrayLength();
        string adminOrg = organisations.EnumerateArray().First(o => o.GetProperty("role").GetString() == "admin").GetProperty("id").GetString()!;
        path = path.Replace("{shipperA}", Host.ShipperA.Id).Replace("{adminKey}", "key_does_not_matter_" + adminOrg);

        foreach (var party in new[] { Host.ShipperA, Host.OperatorKtz })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body.Length > 0) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            await (await party.Client.SendAsync(request)).Problem(HttpStatusCode.Forbidden);
        }
        Assert.Equal(before, (await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK)).GetArrayLength());
    }
}
