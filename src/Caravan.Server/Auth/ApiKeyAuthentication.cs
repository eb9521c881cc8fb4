using System.Security.Claims;
using System.Text.Encodings.Web;
using Caravan.Server.RateLimiting;
using Caravan.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Caravan.Server.Auth;

/// <summary>
/// Authenticates a request by its API key, sent as "Authorization: Bearer KEY" or "X-Api-Key: KEY", which the store
/// checks against its hashes (a key verified moments ago is taken from <see cref="ApiKeyCache"/>). The organisation becomes the principal, its role a role claim and the carriers it
/// operates carrier claims. No key: no principal (the endpoint's policy then answers 401); a wrong key: a failure.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys,
    CaravanRateLimits limits)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Longer keys are refused unread: no store round trip for garbage.</summary>
    private const int MaxKeyLength = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret = ReadKey();
        if (secret is null) return AuthenticateResult.NoResult();
        if (secret.Length == 0 || secret.Length > MaxKeyLength) return AuthenticateResult.Fail("Malformed API key.");
        // An address that has used up its failed attempts gets no look-up (the rate limiter then answers 429), except
        // for a key that authenticated recently: one bad client must not lock out the others behind the same address.
        if (limits.FailedAuthenticationExhausted(Context) && !limits.RecentlyAuthenticated(secret))
            return AuthenticateResult.Fail("Too many failed authentications from this address.");

        var found = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (found is not { } f) return AuthenticateResult.Fail("Unknown or revoked API key.");
        limits.RememberAuthenticated(secret);

        var identity = new ClaimsIdentity(Caller.Claims(f.Organisation, f.Key), SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The status-code pages turn the empty 401 into a problem document.
        Response.StatusCode = 401;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>Whether the request carries a key at all (right or wrong).</summary>
    public static bool SentKey(HttpRequest request) =>
        request.Headers.ContainsKey(KeyHeader) || request.Headers.ContainsKey(HeaderNames.Authorization);

    private string? ReadKey()
    {
        if (Request.Headers.TryGetValue(KeyHeader, out var header)) return header.ToString().Trim();
        string? authorization = Request.Headers.Authorization;
        if (authorization is null) return null;
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : "";
    }
}
