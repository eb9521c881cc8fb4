using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>One operation of docs/openapi.json: what the fuzzer needs to build requests for it.</summary>
internal sealed record FuzzOperation(
    string Method, string Template, string Id, IReadOnlyList<string> PathParameters, IReadOnlyList<(string Name, string Type)> QueryParameters,
    IReadOnlyList<string> HeaderParameters, JsonObject? BodySchema, JsonObject Components)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>
    /// Every operation of the document, so that a new endpoint is fuzzed as soon as it is documented; request bodies
    /// are found by their schema (an unknown one is built from the schema itself, see <see cref="ValidBodies"/>).
    /// </summary>
    public static IReadOnlyList<FuzzOperation> FromDocument(string openApiJson)
    {
        var document = JsonNode.Parse(openApiJson)!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? new JsonObject();
        var operations = new List<FuzzOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
            foreach (var (method, node) in item!.AsObject())
            {
                var parameters = node!["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                List<string> In(string where) => [.. parameters.Where(p => (string?)p["in"] == where).Select(p => (string)p["name"]!)];
                var query = parameters.Where(p => (string?)p["in"] == "query")
                    .Select(p => ((string)p["name"]!, (string?)p["schema"]?["type"] ?? "string")).ToList();
                var bodySchema = node["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject s ? Resolve(s, schemas) : null;
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), template, (string?)node["operationId"] ?? template,
                    In("path"), query, In("header"), bodySchema, schemas));
            }
        return operations;
    }

    /// <summary>The schema a "$ref" points at (one level: "#/components/schemas/X"), else the schema itself.</summary>
    public static JsonObject Resolve(JsonObject schema, JsonObject components) =>
        schema["$ref"] is JsonValue r && components[((string)r!).Split('/').Last()] is JsonObject target ? target : schema;
}
