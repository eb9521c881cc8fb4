using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// The time average of a piecewise-constant quantity (queue length, busy servers): the area under the step
/// function divided by the elapsed time. Record each new value at the time it changes.
/// </summary>
public sealed class TimeWeighted
{
    private double _area, _lastTime, _startTime;

    public TimeWeighted(double startTime = 0, double initialValue = 0)
    {
        _startTime = _lastTime = startTime;
        Current = initialValue;
        Max = initialValue;
    }

    /// <summary>The value since the last change.</summary>
    public double Current { get; private set; }

    public double Max { get; private set; }

    /// <summary>The value becomes <paramref name="value"/> at <paramref name="time"/> (never earlier than the last change).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Update(double time, double value)
    {
        _area += Current * (time - _lastTime);
        _lastTime = time;
        Current = value;
        if (value > Max) Max = value;
    }

    /// <summary>∫ value dt from the start (or the last reset) to <paramref name="time"/>.</summary>
    public double Area(double time) => _area + Current * (time - _lastTime);

    /// <summary>The time average up to <paramref name="time"/>; the current value if no time has passed.</summary>
    public double Mean(double time)
    {
        double elapsed = time - _startTime;
        return elapsed > 0 ? Area(time) / elapsed : Current;
    }

    /// <summary>Warm-up deletion: forget the area so far and average from <paramref name="time"/> on, keeping the current value.</summary>
    public void Reset(double time)
    {
        _area = 0;
        _startTime = _lastTime = time;
        Max = Current;
    }
}
