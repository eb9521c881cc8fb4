using NodaTime;

namespace Caravan.Storage.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it (from any thread), so expiry times are reached on cue.</summary>
public sealed class MovableClock(Instant start) : IClock
{
    private long ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref ticks));

    public void Advance(Duration by) => Interlocked.Add(ref ticks, by.BclCompatibleTicks);
}
