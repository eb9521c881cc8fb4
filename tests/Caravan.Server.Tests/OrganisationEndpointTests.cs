using System.Net;
using Caravan.Server.Tests.Support;

namespace Caravan.Server.Tests;

public sealed class OrganisationEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task The_bootstrap_printed_an_admin_key_once_and_the_admin_creates_organisations_and_keys()
    {
        Assert.Contains("Admin API key (shown once, keep it safe): ", Host.BootstrapOutput);

        var response = await Host.Admin.Client.PostJson("/organisations", """{"name": "ASCO desk", "role": "operator", "carriers": ["ASCO"]}""");
        var organisation = await response.Json(HttpStatusCode.Created);
        string id = organisation.GetProperty("id").GetString()!;
        Assert.Equal($"/organisations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("operator", organisation.GetProperty("role").GetString());
        Assert.Equal(["ASCO"], organisation.GetProperty("carriers").EnumerateArray().Select(c => c.GetString()));

        var key = await (await Host.Admin.Client.PostAsync($"/organisations/{id}/api-keys", null)).Json(HttpStatusCode.Created);
        string secret = key.GetProperty("secret").GetString()!;
        Assert.StartsWith(key.GetProperty("prefix").GetString()!, secret);
        using var client = ServerHost.Client(Host.BaseUrl, secret);
        await (await client.GetAsync("/bookings")).Json(HttpStatusCode.OK);

        var all = await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        // The list never shows secrets.
        Assert.DoesNotContain(secret, all.GetRawText());
    }

    [Theory]
    [InlineData("""{"role": "shipper"}""", "name")]
    [InlineData("""{"name": "X"}""", "role")]
    [InlineData("""{"name": "X", "role": "emperor"}""", "role")]
    [InlineData("""{"name": "X", "role": "operator"}""", "carriers")]
    [InlineData("""{"name": "X", "role": "operator", "carriers": ["Maersk"]}""", "carriers[0]")]
    [InlineData("""{"name": "X", "role": "shipper", "carriers": ["KTZ"]}""", "carriers")]
    public async Task A_bad_organisation_names_the_field_and_creates_nothing(string body, string field)
    {
        int before = (await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK)).GetArrayLength();
        await (await Host.Admin.Client.PostJson("/organisations", body)).Problem(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await (await Host.Admin.Client.GetAsync("/organisations")).Json(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Keys_for_an_unknown_organisation_and_unknown_keys_are_not_found()
    {
        await (await Host.Admin.Client.PostAsync("/organisations/org_nope/api-keys", null)).Problem(HttpStatusCode.NotFound);
        await (await Host.Admin.Client.DeleteAsync("/api-keys/key_nope")).Problem(HttpStatusCode.NotFound);
    }
}
