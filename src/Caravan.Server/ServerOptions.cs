using Caravan.Network;
using NodaTime;

namespace Caravan.Server;

/// <summary>How to start the service. Every property has a default, so <c>new ServerOptions()</c> serves the default network from ./caravan.db.</summary>
public sealed record ServerOptions
{
    /// <summary>The file the embedded SQLite store uses when no <see cref="Database"/> is given.</summary>
    public const string DefaultSqliteFile = "caravan.db";

    /// <summary>Where to listen, e.g. "http://127.0.0.1:5080" (several separated by ';'); null: ASPNETCORE_URLS or http://localhost:5000.</summary>
    public string? Urls { get; init; }

    /// <summary>
    /// The store: a PostgreSQL connection string ("Host=…;Database=…") or an SQLite one ("Data Source=FILE"). Null: the
    /// CARAVAN_DB environment variable, else an SQLite file caravan.db in the current directory.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>A network file to serve instead of the embedded default corridor network.</summary>
    public string? NetworkPath { get; init; }

    /// <summary>An already loaded network (tests); wins over <see cref="NetworkPath"/>.</summary>
    public NetworkModel? Network { get; init; }

    /// <summary>Where the one-time bootstrap admin key and the listening addresses are printed. Null: standard output.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>"Now" for default ready times and departure windows.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// How long a verified API key is taken as valid without asking the store again (<see cref="Auth.ApiKeyCache"/>), so
    /// that a busy client does not pay a database read per request. A key revoked through this process stops at once;
    /// one revoked through another process sharing the database stops within this time. Zero: every request reads it.
    /// </summary>
    public TimeSpan ApiKeyCacheTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 256 * 1024;

    /// <summary>How long a booking holds its capacity before it expires unless confirmed (POST /bookings/{id}/confirm).</summary>
    public Duration HoldDuration { get; init; } = Duration.FromMinutes(30);

    /// <summary>How often each server looks for holds past their expiry and releases their capacity.</summary>
    public TimeSpan HoldSweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The most TEU one organisation may hold at once in held bookings (summed over legs); null: no cap.</summary>
    public double? MaxHeldTeuPerOrganisation { get; init; }

    /// <summary>Requests one API key may make: a token bucket of this many permits, refilled in full every period.</summary>
    public RateLimiting.RateLimit KeyRateLimit { get; init; } = new(10_000, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Failed authentications (wrong, revoked or missing key) one client address may make; beyond it the address gets
    /// 429 without the key being looked up, until the bucket refills.
    /// </summary>
    public RateLimiting.RateLimit FailedAuthenticationLimit { get; init; } = new(100, TimeSpan.FromMinutes(1));

    /// <summary>Framework log level (Warning keeps the console for what an operator must read).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}
