using Caravan.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Caravan.Server.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json, generated from the endpoints' metadata, and the Scalar reference
/// page at /docs that reads it. A copy is kept in docs/openapi.json; a test fails when the two differ, so the
/// document is generated to be the same on every machine (a fixed server entry, stable order). The schemas and
/// responses are completed by <see cref="WireTypes"/> and <see cref="ResponseContract"/>, and every answer the server
/// tests receive is checked against the committed copy.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Network"] = "The corridor network the service plans on: nodes, services, exchange rates.",
        ["Planning"] = "Itineraries and prices, as `caravan plan` and `caravan quote` compute them.",
        ["Departures"] = "Departures with their capacity and what is held on them; operators publish capacity.",
        ["Bookings"] = "Holding capacity for an itinerary, confirming and cancelling it.",
        ["Organisations"] = "Shippers, operators and admins, and their API keys (admins only).",
    };

    public static void AddCaravanOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o => o
            .AddSchemaTransformer(EnumSchemas.Transform)
            .AddSchemaTransformer(WireTypes.Apply)
            .AddDocumentTransformer(ResponseContract.Apply)
            .AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Caravan API",
                Version = "v1",
                Description = "Plan, price and book freight on the Trans-Caspian (Middle) Corridor. Errors are RFC 9457 problem " +
                              "details whose `errors` map names each field at fault. See docs/api.md.",
            };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key as `Authorization: Bearer KEY`.",
                },
                ["apiKeyHeader"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.KeyHeader,
                    Description = "The same API key as `X-Api-Key: KEY`.",
                },
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKeyHeader", document)] = [] },
            ];
            return Task.CompletedTask;
        }));
    }

    public static void MapCaravanOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Caravan API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
    }
}
