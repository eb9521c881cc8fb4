using NodaTime;

namespace Caravan.Server.Tests.Support;

/// <summary>A clock stopped at one instant, so "future departure" and default windows do not depend on the day the tests run.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    /// <summary>Monday 2026-11-30 00:00 UTC: the tiny network's Xi'an block train leaves Mondays and Thursdays 08:00 +08:00, i.e. 00:00 UTC.</summary>
    public static Instant Default { get; } = Instant.FromUtc(2026, 11, 30, 0, 0);

    public Instant GetCurrentInstant() => now;
}
