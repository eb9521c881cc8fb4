using System.Threading.RateLimiting;
using Caravan.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Caravan.Server.RateLimiting;

/// <summary>
/// The service's two rate limits, as one limiter for ASP.NET Core's rate-limiting middleware (which runs after
/// authentication): requests with a valid key count against that key's token bucket; requests whose authentication
/// failed (a wrong, revoked, malformed or missing key) count against their client address's bucket. The
/// authentication handler asks <see cref="FailedAuthenticationExhausted"/> before it looks a key up, so an address
/// over its limit costs no database query: its request fails authentication at once and the middleware answers 429.
/// One exception keeps a shared address (an office behind NAT) usable while one client there misbehaves: a key that
/// authenticated in the last <see cref="GoodKeyMemory"/> is still looked up (so revoking it still works at once).
/// </summary>
internal sealed class CaravanRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _perKey;
    private readonly PartitionedRateLimiter<HttpContext> _failedAuthentication;

    /// <summary>How long a key that authenticated stays "known good" for a blocked address.</summary>
    public static readonly TimeSpan GoodKeyMemory = TimeSpan.FromHours(1);

    /// <summary>Bounds the memory: past it the set starts again (the keys in use re-enter on their next request).</summary>
    private const int MaxGoodKeys = 100_000;

    /// <summary>SHA-256 of recently authenticated secrets (never the secrets) → when that was.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _goodKeys = new(StringComparer.Ordinal);

    public CaravanRateLimits(ServerOptions options)
    {
        _perKey = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetTokenBucketLimiter(Caller.From(context.User).KeyId, _ => Bucket(options.KeyRateLimit))
                : RateLimitPartition.GetNoLimiter(""));
        _failedAuthentication = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            CountsAsFailedAuthentication(context)
                ? RateLimitPartition.GetTokenBucketLimiter(Address(context), _ => Bucket(options.FailedAuthenticationLimit))
                : RateLimitPartition.GetNoLimiter(""));
        Global = PartitionedRateLimiter.CreateChained(_perKey, _failedAuthentication);
    }

    /// <summary>The middleware's global limiter: a request must get a permit from both (one of them is always "no limit").</summary>
    public PartitionedRateLimiter<HttpContext> Global { get; }

    /// <summary>
    /// Whether the request's address has no failed authentication left, read from its bucket's statistics without
    /// using one up. Called by the authentication handler, before the request is authenticated (so the request falls
    /// in its address's partition). A request for zero permits is not used instead: the token bucket grants it even
    /// when empty (seen on .NET 10).
    /// </summary>
    public bool FailedAuthenticationExhausted(HttpContext context) =>
        _failedAuthentication.GetStatistics(context) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Notes a secret that authenticated, for <see cref="RecentlyAuthenticated"/>.</summary>
    public void RememberAuthenticated(string secret)
    {
        var digest = Digest(secret);
        var now = Environment.TickCount64;
        // Written at most once a minute per key: 64 clients on one key would otherwise all write the same entry.
        if (_goodKeys.TryGetValue(digest, out var at) && now - at < 60_000) return;
        if (_goodKeys.Count >= MaxGoodKeys) _goodKeys.Clear();
        _goodKeys[digest] = now;
    }

    /// <summary>Whether this secret authenticated within <see cref="GoodKeyMemory"/> (it may have been revoked since: look it up).</summary>
    public bool RecentlyAuthenticated(string secret) =>
        _goodKeys.TryGetValue(Digest(secret), out var at) && Environment.TickCount64 - at < (long)GoodKeyMemory.TotalMilliseconds;

    private static string Digest(string secret) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>The client address the failures count against (the connection's; a proxy in front would need forwarded headers).</summary>
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Not authenticated, and either a key was sent (and was wrong) or the endpoint needs one: a request for the public
    /// documents without a key is not a failed attempt.
    /// </summary>
    private static bool CountsAsFailedAuthentication(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true) return false;
        if (ApiKeyAuthenticationHandler.SentKey(context.Request)) return true;
        var endpoint = context.GetEndpoint();
        return endpoint is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    /// <summary>Refilled in full each period (one timer tick), with no queue: a request either gets a permit now or a 429.</summary>
    private static TokenBucketRateLimiterOptions Bucket(RateLimit limit) => new()
    {
        TokenLimit = limit.Permits,
        TokensPerPeriod = limit.Permits,
        ReplenishmentPeriod = limit.Period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        Global.Dispose();
        _perKey.Dispose();
        _failedAuthentication.Dispose();
    }
}
