using Caravan.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Auth;

/// <summary>
/// Who may call what, by role. Finer rules (a shipper's own bookings, an operator's own services) depend on the
/// resource and are checked in the endpoints, which answer 404 for what the caller may not see and 403 for what
/// it may see but not change.
/// </summary>
internal static class Policies
{
    /// <summary>Any organisation with a valid key; the default for every endpoint but the documents.</summary>
    public const string Member = "member";
    public const string Admin = "admin";
    /// <summary>Organisations that book cargo: shippers (and admins, who may act for the service).</summary>
    public const string Booker = "booker";
    public const string OperatorOnly = "operator";

    public static void AddCaravanAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Member, p => p.RequireAuthenticatedUser())
            .AddPolicy(Admin, p => p.RequireRole(Caller.RoleName(OrganisationRole.Admin)))
            .AddPolicy(Booker, p => p.RequireRole(Caller.RoleName(OrganisationRole.Shipper), Caller.RoleName(OrganisationRole.Admin)))
            .AddPolicy(OperatorOnly, p => p.RequireRole(Caller.RoleName(OrganisationRole.Operator)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
