using System.Security.Claims;
using Caravan.Network;
using Caravan.Storage;

namespace Caravan.Server.Auth;

/// <summary>The organisation making a request, read back from the claims <see cref="ApiKeyAuthenticationHandler"/> set.</summary>
internal sealed record Caller(string OrganisationId, string KeyId, OrganisationRole Role, IReadOnlySet<string> Carriers)
{
    private const string KeyIdClaim = "caravan:key";
    private const string CarrierClaim = "caravan:carrier";

    public Actor Actor => new(OrganisationId, KeyId);
    public bool IsAdmin => Role == OrganisationRole.Admin;

    /// <summary>An operator runs a service when it lists the service's operator or carrier (as the network names them).</summary>
    public bool Runs(Service service) =>
        Role == OrganisationRole.Operator && (Carriers.Contains(service.Operator) || Carriers.Contains(service.Carrier));

    public static IEnumerable<Claim> Claims(Organisation organisation, ApiKey key)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, organisation.Id);
        yield return new Claim(ClaimTypes.Name, organisation.Name);
        yield return new Claim(KeyIdClaim, key.Id);
        yield return new Claim(ClaimTypes.Role, RoleName(organisation.Role));
        foreach (var carrier in organisation.Carriers) yield return new Claim(CarrierClaim, carrier);
    }

    public static Caller From(ClaimsPrincipal user)
    {
        string org = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No authenticated organisation.");
        var role = Enum.Parse<OrganisationRole>(user.FindFirstValue(ClaimTypes.Role)!, ignoreCase: true);
        return new Caller(org, user.FindFirstValue(KeyIdClaim)!, role,
            user.FindAll(CarrierClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>"shipper", "operator", "admin": the role names in claims, policies and JSON.</summary>
    public static string RoleName(OrganisationRole role) => role.ToString().ToLowerInvariant();
}
