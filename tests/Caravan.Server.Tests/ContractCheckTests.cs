using System.Text.Json.Nodes;
using Caravan.Server.Tests.Support;

namespace Caravan.Server.Tests;

/// <summary>
/// The contract check every test client runs (<see cref="ContractCheckingHandler"/>) can fail: against a copy of
/// docs/openapi.json with one declaration taken away, answers the real document accepts are refused, naming the
/// operation, the status and the schema error.
/// </summary>
public sealed class ContractCheckTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_property_the_document_does_not_declare_fails_the_request()
    {
        var contract = Without(d => d["components"]!["schemas"]!["BookingPageJson"]!["properties"]!.AsObject().Remove("next"));
        using var client = Client(contract, Host.ShipperA.Key);

        var e = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/bookings"));
        Assert.Contains("GET /bookings (listBookings)", e.Message);
        Assert.Contains("status 200", e.Message);
        Assert.Contains("/next", e.Message);
    }

    [Fact]
    public async Task A_problem_without_a_declared_traceId_fails_the_request()
    {
        var contract = Without(d => d["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject().Remove("traceId"));
        using var client = ServerHost.AnonymousClient(Host.BaseUrl, contract);

        var e = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/network"));
        Assert.Contains("status 401", e.Message);
        Assert.Contains("/traceId", e.Message);
    }

    [Fact]
    public async Task A_status_the_document_does_not_declare_fails_the_request()
    {
        var contract = Without(d => d["paths"]!["/bookings/{id}"]!["get"]!["responses"]!.AsObject().Remove("404"));
        using var client = Client(contract, Host.ShipperA.Key);

        var e = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/bookings/bkg_nothing_here"));
        Assert.Contains("GET /bookings/{id} (getBooking)", e.Message);
        Assert.Contains("status 404 is not declared", e.Message);
    }

    [Fact]
    public async Task A_header_the_document_does_not_declare_fails_the_request()
    {
        var contract = Without(d => d["paths"]!["/network"]!["get"]!["responses"]!["401"]!.AsObject().Remove("headers"));
        using var client = ServerHost.AnonymousClient(Host.BaseUrl, contract);

        var e = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/network"));
        Assert.Contains("header WWW-Authenticate is sent but not declared", e.Message);
    }

    [Fact]
    public async Task The_committed_document_accepts_the_same_answers()
    {
        using var client = ServerHost.AnonymousClient(Host.BaseUrl);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/network")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Host.ShipperA.Client.GetAsync("/bookings")).StatusCode);
    }

    private static OpenApiContract Without(Action<JsonNode> remove)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "openapi.json")))!;
        remove(document);
        return OpenApiContract.Parse(document.ToJsonString());
    }

    private HttpClient Client(OpenApiContract contract, string key)
    {
        var client = ServerHost.AnonymousClient(Host.BaseUrl, contract);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
