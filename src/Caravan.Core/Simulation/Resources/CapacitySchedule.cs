namespace Caravan.Simulation;

/// <summary>
/// Planned changes to a <see cref="Resource"/>'s capacity over time: new capacity levels (a second crane from
/// a date) and closures (a storm shuts the port from t1 to t2: no service starts while closed; services under
/// way finish). Closures may overlap; the resource reopens at the scheduled capacity when the last one ends.
/// Changes run at <see cref="Simulator.SystemPriority"/>, before other events at the same instant, so an
/// arrival exactly at reopening is served and one exactly at closing waits.
/// </summary>
public sealed class CapacitySchedule
{
    private readonly Simulator _sim;
    private readonly Resource _resource;
    private readonly EventKind _levelChange, _closureStart, _closureEnd;
    private readonly List<int> _levels = [];
    private int _scheduledCapacity;
    private int _openClosures;

    public CapacitySchedule(Simulator sim, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(resource);
        _sim = sim;
        _resource = resource;
        _scheduledCapacity = resource.Capacity;
        _levelChange = sim.Register(new LevelChange(this));
        _closureStart = sim.Register(new ClosureStart(this));
        _closureEnd = sim.Register(new ClosureEnd(this));
    }

    public bool IsClosed => _openClosures > 0;

    /// <summary>From <paramref name="time"/> on the capacity is <paramref name="capacity"/> (deferred while closed).</summary>
    public CapacitySchedule At(double time, int capacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Expected a non-negative capacity.");
        _levels.Add(capacity);
        _sim.ScheduleAt(time, _levelChange, _levels.Count - 1, Simulator.SystemPriority);
        return this;
    }

    /// <summary>No service starts in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public CapacitySchedule Closure(double from, double to)
    {
        if (!(to >= from)) throw new ArgumentException($"A closure must end no earlier than it starts, got {from} to {to}.");
        _sim.ScheduleAt(from, _closureStart, 0, Simulator.SystemPriority);
        _sim.ScheduleAt(to, _closureEnd, 0, Simulator.SystemPriority);
        return this;
    }

    private void Apply() => _resource.SetCapacity(_openClosures > 0 ? 0 : _scheduledCapacity);

    private sealed class LevelChange(CapacitySchedule schedule) : IEventHandler
    {
        public void OnEvent(int level)
        {
            schedule._scheduledCapacity = schedule._levels[level];
            schedule.Apply();
        }
    }

    private sealed class ClosureStart(CapacitySchedule schedule) : IEventHandler
    {
        public void OnEvent(int entity)
        {
            schedule._openClosures++;
            schedule.Apply();
        }
    }

    private sealed class ClosureEnd(CapacitySchedule schedule) : IEventHandler
    {
        public void OnEvent(int entity)
        {
            schedule._openClosures--;
            schedule.Apply();
        }
    }
}
