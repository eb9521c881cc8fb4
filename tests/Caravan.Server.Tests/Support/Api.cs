using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Caravan.Server.Tests.Support;

/// <summary>Requests and the checks every answer of a kind must pass.</summary>
internal static class Api
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, string json, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Checks an RFC 9457 problem: the status, the problem media type, a detail, no stack trace or exception name, and,
    /// when <paramref name="field"/> is given, an "errors" entry for it. Returns the document.
    /// </summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors map: {body}");
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}': {body}");
            Assert.True(messages.GetArrayLength() > 0);
            Assert.Contains("expected", messages[0].GetString());
        }
        return problem;
    }
}
