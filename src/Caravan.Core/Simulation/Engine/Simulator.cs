using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// The discrete-event executive: a clock and a calendar. Components register one handler per kind of event they
/// schedule and schedule (kind, entity) events; <see cref="Run"/> pops them in (time, priority, sequence) order and
/// dispatches each to its kind's handler. Time is a plain double in whatever unit the model uses; the corridor
/// models and <see cref="MmcQueue"/> use hours.
/// </summary>
public sealed class Simulator
{
    /// <summary>Priority for structural changes (capacity, closures) so they apply before ordinary events at the same instant.</summary>
    public const int SystemPriority = -1;

    private readonly EventCalendar<SimEvent> _calendar;
    private IEventHandler[] _handlers = new IEventHandler[4];
    private int _handlerCount;
    private bool _stopRequested;

    public Simulator(double startTime = 0, int initialCalendarCapacity = 64)
    {
        Now = startTime;
        _calendar = new EventCalendar<SimEvent>(initialCalendarCapacity);
    }

    public double Now { get; private set; }

    /// <summary>Events dispatched so far.</summary>
    public long EventsProcessed { get; private set; }

    public int PendingEvents => _calendar.Count;

    /// <summary>Adds a kind of event, received by <paramref name="handler"/>, and returns it to schedule events with.</summary>
    public EventKind Register(IEventHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_handlerCount == _handlers.Length) Array.Resize(ref _handlers, _handlers.Length * 2);
        _handlers[_handlerCount] = handler;
        return new EventKind(_handlerCount++);
    }

    /// <summary>Schedules an event <paramref name="delay"/> time units from now (delay ≥ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Schedule(double delay, EventKind kind, int entity = 0, int priority = 0)
    {
        if (!(delay >= 0)) throw new ArgumentOutOfRangeException(nameof(delay), delay, "Expected a non-negative delay.");
        _calendar.Schedule(Now + delay, new SimEvent(Registered(kind), entity), priority);
    }

    /// <summary>Schedules an event at an absolute time no earlier than <see cref="Now"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void ScheduleAt(double time, EventKind kind, int entity = 0, int priority = 0)
    {
        if (!(time >= Now)) throw new ArgumentOutOfRangeException(nameof(time), time, $"Cannot schedule before the current time {Now}.");
        _calendar.Schedule(time, new SimEvent(Registered(kind), entity), priority);
    }

    // A kind this simulator never issued (beyond its handlers) fails here, when it is scheduled, rather than when
    // the event comes due. One unsigned compare, so the hot path keeps its speed.
    private EventKind Registered(EventKind kind) =>
        (uint)kind.Handler < (uint)_handlerCount ? kind
            : throw new ArgumentOutOfRangeException(nameof(kind), kind.Handler, $"No handler is registered for this kind of event ({_handlerCount} registered).");

    /// <summary>
    /// Runs until the calendar is empty, <see cref="Stop"/> is called, or the next event is later than
    /// <paramref name="until"/> (the clock then stands at <paramref name="until"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Run(double until = double.PositiveInfinity)
    {
        _stopRequested = false;
        IEventHandler[] handlers = _handlers;
        EventCalendar<SimEvent> calendar = _calendar;
        while (!_stopRequested && calendar.TryPop(until, out double time, out SimEvent e))
        {
            Now = time;
            EventsProcessed++;
            if (handlers.Length != _handlers.Length) handlers = _handlers; // a handler registered mid-run
            handlers[e.Kind.Handler].OnEvent(e.Entity);
        }
        if (!_stopRequested && !double.IsPositiveInfinity(until) && until > Now) Now = until;
    }

    /// <summary>Ends <see cref="Run"/> after the current event.</summary>
    public void Stop() => _stopRequested = true;
}
