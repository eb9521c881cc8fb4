using NodaTime;

namespace Caravan.Server.Tests.Support;

/// <summary>A clock that stands still at <see cref="FixedClock.Default"/> until a test moves it, so holds expire on cue.</summary>
internal sealed class MovableClock : IClock
{
    private long _ticks = FixedClock.Default.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Advance(Duration by) => Interlocked.Add(ref _ticks, by.BclCompatibleTicks);
}
