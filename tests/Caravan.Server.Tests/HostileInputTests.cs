using System.Net;
using Caravan.Server.Tests.Support;
using static Caravan.Server.Tests.Support.BookingBodies;

namespace Caravan.Server.Tests;

/// <summary>
/// What an outside tester sent that once got a 500 or was taken more loosely than docs/api.md says: each is now a
/// 400 (or 415, 409) problem naming the field, and nothing is written.
/// </summary>
public sealed class HostileInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    private async Task<long> BookingCount()
    {
        await using var store = await Host.OpenStoreAsync();
        long count = 0;
        string? after = null;
        do
        {
            var page = await store.ListBookingsAsync(new Caravan.Storage.BookingQuery(Limit: 500, After: after));
            count += page.Items.Count;
            after = page.Next;
        } while (after is not null);
        return count;
    }

    [Theory]
    [InlineData("reference", """{"cargo": {"containers40": 1}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "2026-12-03T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}], "reference": "PO\u0000-1"}""")]
    [InlineData("legs[0].from", """{"cargo": {"containers40": 1}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "2026-12-03T00:00:00Z", "from": "CN\u0001XAN", "to": "KZDOS"}]}""")]
    [InlineData("legs[0].departure", """{"cargo": {"containers40": 1}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "9999-12-30T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}]}""")]
    [InlineData("cargo.containers40", """{"cargo": {"containers40": "1"}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "2026-12-03T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}]}""")]
    [InlineData("cargo", """{"cargo": {"containers40": 1}, "cargo": {"containers40": 9}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "2026-12-03T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}]}""")]
    public async Task A_hostile_booking_is_a_400_naming_the_field_and_nothing_is_held(string field, string body)
    {
        var before = await BookingCount();
        await (await Host.ShipperA.Client.PostJson("/bookings", body)).Problem(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await BookingCount());
        Assert.Equal(0, Unit((await Departure(Host.ShipperA, Block, "2026-12-03T00:00:00Z")).GetProperty("held"), "teu"));
    }

    [Theory]
    [InlineData("/bookings?after=%00", "after")]
    [InlineData("/bookings?service=XAN%0ADOS", "service")]
    [InlineData("/departures?from=9999-12-31T00:00:00Z", "from")]
    [InlineData("/departures?from=0001-01-01T00:00:00Z", "from")]
    [InlineData("/voyages?to=9999-12-31T00:00:00Z", "to")]
    public async Task A_hostile_query_is_a_400_naming_the_parameter(string path, string field)
    {
        await (await Host.ShipperA.Client.GetAsync(path)).Problem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_plan_for_year_9999_is_a_400()
    {
        await (await Host.ShipperA.Client.PostJson("/plan", """{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 1}, "readyTime": "9999-12-31T00:00"}"""))
            .Problem(HttpStatusCode.BadRequest, "readyTime");
    }

    [Theory]
    [InlineData("Admin ")]
    [InlineData("ADMIN")]
    [InlineData("shipper, admin")]
    public async Task A_role_is_taken_only_as_spelled(string role)
    {
        var body = $$"""{"name": "Loose", "role": "{{role}}"}""";
        await (await Host.Admin.Client.PostJson("/organisations", body)).Problem(HttpStatusCode.BadRequest, "role");
    }

    [Fact]
    public async Task An_organisation_name_with_a_nul_is_refused()
    {
        await (await Host.Admin.Client.PostJson("/organisations", """{"name": "Silk\u0000Road", "role": "shipper"}""")).Problem(HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("text/plain")]
    public async Task Only_application_json_is_read(string contentType)
    {
        var response = await Host.ShipperA.Client.PostJson("/bookings", OneLeg("2026-12-07T00:00:00Z"), contentType);
        await response.Problem(HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task The_last_admin_key_cannot_revoke_itself()
    {
        var keyId = Host.Admin.Key.Split('_')[1];
        await (await Host.Admin.Client.DeleteAsync($"/api-keys/{keyId}")).Problem(HttpStatusCode.Conflict);
        // Still in.
        await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK);
    }
}
