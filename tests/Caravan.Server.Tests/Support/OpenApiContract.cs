using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Caravan.Server.Tests.Support;

/// <summary>
/// docs/openapi.json as a contract every answer must keep: the operation (method and path template) must declare the
/// status, the media type and the headers the server sent, and the body must validate against the declared schema
/// (JSON Schema 2020-12, as OpenAPI 3.1 uses it, with formats such as date-time checked). Requests outside the
/// document (/docs, /openapi, an unknown route or method) are not described by it and pass unchecked.
/// </summary>
public sealed class OpenApiContract
{
    /// <summary>Headers a client may act on: sending one the document does not declare for the answer is a violation.</summary>
    private static readonly string[] TrackedHeaders = ["Location", "Idempotent-Replayed", "WWW-Authenticate", "Retry-After"];

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly Lazy<OpenApiContract> CommittedDocument =
        new(() => Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "openapi.json"))));

    private readonly List<Operation> _operations;
    private readonly JsonObject _schemas;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();

    private OpenApiContract(List<Operation> operations, JsonObject schemas)
    {
        _operations = operations;
        _schemas = schemas;
    }

    /// <summary>The committed docs/openapi.json, which every test client checks answers against.</summary>
    public static OpenApiContract Committed => CommittedDocument.Value;

    public static OpenApiContract Parse(string openApiJson)
    {
        var document = JsonNode.Parse(openApiJson)!.AsObject();
        var operations = new List<Operation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            // "/bookings/{id}/confirm" → ^/bookings/[^/]+/confirm$
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");
            foreach (var (method, operation) in item!.AsObject())
                operations.Add(new Operation(method.ToUpperInvariant(), template, pattern, operation!.AsObject()));
        }
        var schemas = document["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        return new OpenApiContract(operations, schemas);
    }

    /// <summary>What the document says is wrong with this answer; empty when the answer keeps the contract or the request is not in the document.</summary>
    public IReadOnlyList<string> Check(HttpMethod method, string path, HttpResponseMessage response, string body)
    {
        var operation = _operations.FirstOrDefault(o => o.Method == method.Method && o.Pattern.IsMatch(path));
        if (operation is null) return [];

        int status = (int)response.StatusCode;
        var responses = operation.Node["responses"]!.AsObject();
        string? key = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }
            .FirstOrDefault(responses.ContainsKey);
        if (key is null)
            return [$"status {status} is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})"];

        var declared = responses[key]!.AsObject();
        var problems = new List<string>();
        CheckHeaders(declared, response, problems);

        var content = declared["content"]?.AsObject();
        if (body.Length == 0)
        {
            if (content is { Count: > 0 } && status != 204) problems.Add("the body is empty but the document declares content");
            return problems;
        }
        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (content is null || mediaType is null || !content.ContainsKey(mediaType))
        {
            problems.Add($"media type '{mediaType}' is not declared (declared: {string.Join(", ", content?.Select(c => c.Key) ?? [])})");
            return problems;
        }
        if (content[mediaType]?["schema"] is not JsonObject schema) return problems;

        JsonElement instance;
        try { instance = JsonDocument.Parse(body).RootElement; }
        catch (JsonException e) { problems.Add($"the body is not JSON: {e.Message}"); return problems; }

        var result = Schema($"{operation.Method} {operation.Template} {key} {mediaType}", schema).Evaluate(instance, Evaluation);
        if (!result.IsValid) problems.AddRange(Errors(result));
        return problems;
    }

    /// <summary>"GET /bookings/{id}" for a request, or null when the document does not describe it.</summary>
    public string? Describe(HttpMethod method, string path) =>
        _operations.FirstOrDefault(o => o.Method == method.Method && o.Pattern.IsMatch(path)) is { } o ? $"{o.Method} {o.Template} ({o.Node["operationId"]})" : null;

    private static void CheckHeaders(JsonObject declared, HttpResponseMessage response, List<string> problems)
    {
        var headers = declared["headers"]?.AsObject();
        foreach (string name in TrackedHeaders)
        {
            bool sent = Has(response.Headers, name) || Has(response.Content.Headers, name);
            bool documented = headers?.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) == true;
            if (sent && !documented) problems.Add($"header {name} is sent but not declared");
        }
        foreach (var (name, header) in headers ?? [])
        {
            if (header?["required"]?.GetValue<bool>() != true) continue;
            if (!Has(response.Headers, name) && !Has(response.Content.Headers, name)) problems.Add($"required header {name} is missing");
        }
    }

    private static bool Has(HttpHeaders headers, string name) => headers.TryGetValues(name, out _);

    /// <summary>
    /// The response schema as a JSON Schema 2020-12 document of its own: the document's components become its $defs,
    /// so that "#/components/schemas/X" references resolve within it.
    /// </summary>
    private JsonSchema Schema(string key, JsonObject responseSchema) => _built.GetOrAdd(key, _ =>
    {
        var root = JsonNode.Parse(Rewrite(responseSchema.ToJsonString()))!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = JsonNode.Parse(Rewrite(_schemas.ToJsonString()));
        var id = new Uri($"https://contract.caravan.test/{Guid.NewGuid():N}");
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    });

    private static string Rewrite(string json) => json.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);

    /// <summary>"/legs/0/quantity: required: Required properties [\"teu\"] are not present", the innermost failures only.</summary>
    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Prepend(result)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")} ({d.SchemaLocation.Fragment}): {e.Key}: {e.Value}"))
            .Distinct()
            .Take(10);

    private sealed record Operation(string Method, string Template, Regex Pattern, JsonObject Node);
}
