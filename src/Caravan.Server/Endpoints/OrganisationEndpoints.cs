using System.Security.Claims;
using Caravan.Network;
using Caravan.Server.Auth;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Server.Endpoints;

/// <summary>Organisations and their API keys: admins only (anyone else gets 403).</summary>
internal static class OrganisationEndpoints
{
    public const int MaxNameLength = 200;

    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/organisations").WithTags("Organisations")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        organisations.MapPost("/", Create).WithName("createOrganisation")
            .WithSummary("Create a shipper, operator or admin organisation")
            .WithDescription("An operator lists the operators or carriers (as the network's services name them) whose services it runs.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        organisations.MapGet("/", List).WithName("listOrganisations")
            .WithSummary("Every organisation");
        organisations.MapPost("/{id}/api-keys", CreateKey).WithName("createApiKey")
            .WithSummary("Issue an API key to an organisation")
            .WithDescription("The secret is in this answer only; the store keeps a hash.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGroup("/api-keys").WithTags("Organisations")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .MapDelete("/{id}", RevokeKey).WithName("revokeApiKey")
            .WithSummary("Revoke an API key; requests with it get 401 from now on")
            .WithDescription("409 for the last active admin key: make another admin key first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Created<OrganisationJson>> Create(
        OrganisationBody body, ClaimsPrincipal user, NetworkModel network, ICaravanStore store, CancellationToken ct)
    {
        var errors = new FieldErrors();
        string name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength) errors.Add("name", body.Name, $"a name of 1 to {MaxNameLength} characters");
        if (body.Role is null) errors.Add("role", null, "shipper, operator or admin");
        var carriers = body.Carriers ?? [];
        var known = network.Services.SelectMany(s => new[] { s.Operator, s.Carrier }).ToHashSet(StringComparer.Ordinal);
        if (body.Role == OrganisationRole.Operator && carriers.Count == 0)
            errors.Add("carriers", null, $"the operators or carriers this operator runs, e.g. [\"{network.Services.FirstOrDefault()?.Operator}\"]");
        if (body.Role is not null and not OrganisationRole.Operator && carriers.Count > 0)
            errors.Add("carriers", string.Join(",", carriers), "no carriers: only an operator runs services");
        for (int i = 0; i < carriers.Count; i++)
            if (!known.Contains(carriers[i] ?? ""))
                errors.Add($"carriers[{i}]", carriers[i], $"an operator or carrier of the network's services ({string.Join(", ", known.Order(StringComparer.Ordinal))})");
        errors.ThrowIfAny();

        var created = await store.CreateOrganisationAsync(new NewOrganisation(name, body.Role!.Value, [.. carriers.Distinct()]), Caller.From(user).Actor, ct);
        return TypedResults.Created($"/organisations/{created.Id}", OrganisationJson.Of(created));
    }

    internal static async Task<Ok<IReadOnlyList<OrganisationJson>>> List(ICaravanStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<OrganisationJson>>([.. (await store.ListOrganisationsAsync(ct)).Select(OrganisationJson.Of)]);

    internal static async Task<Results<Created<ApiKeyJson>, ProblemHttpResult>> CreateKey(
        string id, ClaimsPrincipal user, ICaravanStore store, CancellationToken ct)
    {
        if (await store.FindOrganisationAsync(id, ct) is null) return DepartureEndpoints.NotFound($"No organisation {id}.");
        var (key, secret) = await store.CreateApiKeyAsync(id, Caller.From(user).Actor, ct);
        return TypedResults.Created($"/api-keys/{key.Id}", ApiKeyJson.Of(key, secret));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string id, ClaimsPrincipal user, ICaravanStore store, ApiKeyCache keys, CancellationToken ct) =>
        await store.RevokeApiKeyAsync(id, Caller.From(user).Actor, ct) switch
        {
            RevokeResult.Revoked => Forgotten(keys, id),
            RevokeResult.LastAdminKey => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last admin key",
                detail: $"{id} is the last active admin key: without it nobody could make keys any more. Make another admin key first (POST /organisations/{{id}}/api-keys), then revoke this one."),
            _ => DepartureEndpoints.NotFound($"No API key {id}."),
        };

    /// <summary>After the revocation committed: this process stops taking the key at once (others within the cache time).</summary>
    private static NoContent Forgotten(ApiKeyCache keys, string id)
    {
        keys.Forget(id);
        return TypedResults.NoContent();
    }
}
