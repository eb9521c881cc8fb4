using System.Net;
using System.Text.Json;
using Caravan.Server.Tests.Support;

namespace Caravan.Server.Tests;

/// <summary>
/// The served OpenAPI document equals the committed docs/openapi.json, and describes every endpoint. After changing
/// an endpoint, regenerate the copy with: CARAVAN_UPDATE_OPENAPI=1 dotnet test tests/Caravan.Server.Tests --filter OpenApiDocumentTests
/// (with that variable set, test clients do not check answers against the copy being replaced; see ContractCheckingHandler).
/// </summary>
public sealed class OpenApiDocumentTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;
    private static string Committed => Path.Combine(TestPaths.RepositoryRoot, "docs", "openapi.json");

    [Fact]
    public async Task The_served_document_equals_docs_openapi_json()
    {
        var response = await Host.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string served = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("CARAVAN_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(Committed, served);

        Assert.True(File.Exists(Committed), "docs/openapi.json is missing; see this class's summary to generate it");
        string committed = (await File.ReadAllTextAsync(Committed)).ReplaceLineEndings("\n");
        Assert.True(committed == served, "docs/openapi.json differs from the served document; see this class's summary to regenerate it");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_tag_and_an_error_response()
    {
        var document = JsonDocument.Parse(await Host.Anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();
        // 3 network + plan + quote + 2 departures + 2 voyages + 6 bookings + 3 organisations + 1 api-key = 19 operations.
        Assert.Equal(19, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            string where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), where);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), where);
            Assert.True(operation.GetProperty("tags").GetArrayLength() > 0, where);
            Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('4'));
        }
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_without_a_key()
    {
        var page = await Host.Anonymous.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
