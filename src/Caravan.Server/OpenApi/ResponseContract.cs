using Caravan.Server.Auth;
using Caravan.Server.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caravan.Server.OpenApi;

/// <summary>
/// The answers every operation may give, as the server really gives them: the two problem shapes (with traceId, and
/// with the errors map where requests are refused field by field), 429 and 503 with Retry-After, the Location of what
/// a 201 made, WWW-Authenticate on 401, Idempotent-Replayed on a replayed booking, and the server to call.
/// </summary>
internal static class ResponseContract
{
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Statuses whose problems may carry the "errors" map (field → messages).</summary>
    private static readonly HashSet<string> FieldStatuses = ["400", "409", "413", "414", "415", "422", "431"];

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "http://localhost:5000",
                Description = "`caravan serve` with its default address. Every server serves this document at /openapi/v1.json " +
                              "and answers at its own address (--urls): point a client's base URL there.",
            },
        ];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema(withErrors: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(withErrors: true);

        foreach (var (_, item) in document.Paths)
            foreach (var (_, operation) in item.Operations ?? [])
                Complete(document, operation);
        return Task.CompletedTask;
    }

    private static void Complete(OpenApiDocument document, OpenApiOperation operation)
    {
        var responses = operation.Responses ??= new OpenApiResponses();
        // Every request passes the same checks before its endpoint (Problems/ProblemSetup): a path or query with control
        // characters, an over-long target or headers, and a body that is too large or not JSON are refused on any
        // operation, also one that reads no body.
        Add(responses, "400", "The request is not valid: `errors` names each field at fault.", document);
        Add(responses, "413", "The body is larger than the server takes (256 KB by default).", document);
        Add(responses, "414", "The path and query are longer than 8 KB.", document);
        Add(responses, "415", "The body is not application/json.", document);
        Add(responses, "431", "The headers are larger than 32 KB.", document);
        Add(responses, "429", "Too many requests: wait as long as Retry-After says, then try again.", document, RetryAfter());
        Add(responses, "503", "The service cannot answer now (its database is unreachable, or it is starting or stopping): try again after Retry-After.", document, RetryAfter());

        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse r) continue;
            if (r.Content?.TryGetValue(ProblemJson, out var media) == true)
                media.Schema = new OpenApiSchemaReference(FieldStatuses.Contains(status) ? ValidationProblem : Problem, document);
            if (status == "401")
                Header(r, "WWW-Authenticate", "The scheme to authenticate with: `Bearer` (an API key).", required: true);
            if (status == "201")
                Header(r, "Location", "The path of what was made, e.g. /bookings/bkg_….", required: true);
            if (status == "201" && operation.OperationId == "createBooking")
                Header(r, BookingEndpoints.ReplayedHeader,
                    "`true` when this answer replays the booking an earlier request with the same Idempotency-Key made; absent otherwise.",
                    required: false, enumValue: "true");
        }
    }

    private static void Add(OpenApiResponses responses, string status, string description, OpenApiDocument document, IOpenApiHeader? retryAfter = null)
    {
        if (responses.ContainsKey(status)) return;
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(FieldStatuses.Contains(status) ? ValidationProblem : Problem, document) },
            },
        };
        if (retryAfter is not null) response.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = retryAfter };
        responses[status] = response;
    }

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before trying again (RFC 9110, section 10.2.3).",
        Required = false,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
    };

    private static void Header(OpenApiResponse response, string name, string description, bool required, string? enumValue = null)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var schema = new OpenApiSchema { Type = JsonSchemaType.String };
        if (enumValue is not null) schema.Enum = [System.Text.Json.Nodes.JsonValue.Create(enumValue)];
        response.Headers[name] = new OpenApiHeader { Description = description, Required = required, Schema = schema };
    }

    /// <summary>RFC 9457 problem details as the server writes them: always status, title, detail and traceId.</summary>
    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors
                ? "An RFC 9457 problem about the request; `errors` maps each field at fault (a JSON path such as `legs[1].departure`, " +
                  "a query parameter or a header) to what was found and expected."
                : "An RFC 9457 problem.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI reference that identifies the problem type."),
                ["title"] = Text("A short summary of the problem type."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong with this request, in a sentence."),
                ["instance"] = Text("A URI reference that identifies this occurrence."),
                ["traceId"] = Text("The W3C trace id of the request; quote it when reporting a problem."),
                ["retryAfterSeconds"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32",
                    Description = "On 429: the seconds to wait, as the Retry-After header says.",
                },
            },
            Required = new HashSet<string> { "status", "title", "detail", "traceId" },
            AdditionalPropertiesAllowed = false,
        };
        if (withErrors)
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each field at fault and what was found and expected there.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        if (withErrors)
            schema.Properties["maxHeldTeu"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number, Format = "double",
                Description = "On 409 for the cap on held TEU: the cap the server was started with (caravan serve --max-held-teu).",
            };
        return schema;
    }
}
