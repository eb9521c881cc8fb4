using System.Diagnostics;

namespace Caravan.Bench.Simulation;

/// <summary>A result with the wall-clock and process CPU seconds it took.</summary>
internal readonly record struct Timed<T>(T Value, double WallSeconds, double CpuSeconds);

/// <summary>Times a run. The core keeps no clock (its results are the same on any machine), so the benchmark measures.</summary>
internal static class RunClock
{
    public static Timed<T> Measure<T>(Func<T> run)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        T value = run();
        clock.Stop();
        process.Refresh();
        return new Timed<T>(value, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}
