using NodaTime;

namespace Caravan.Storage.Tests.Infrastructure;

/// <summary>A clock that moves one second forward on every reading, so each stored time is known in advance.</summary>
public sealed class SteppingClock(Instant start) : IClock
{
    private long readings;

    public Instant GetCurrentInstant() => start + Duration.FromSeconds(Interlocked.Increment(ref readings) - 1);
}
