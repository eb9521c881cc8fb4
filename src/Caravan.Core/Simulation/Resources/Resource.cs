using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// c identical servers (berths, cranes, locomotives) with a waiting line that is FIFO within priority levels.
/// Service is non-preemptive: lowering the capacity (a storm closing the port) stops new starts until
/// the busy count is below the new capacity, while services already started run to completion.
/// Queue length, busy servers and capacity are tracked as time-weighted statistics.
/// </summary>
public sealed class Resource
{
    private readonly Simulator _sim;
    private readonly IResourceUser _user;
    private readonly WaitingLine _line;

    public Resource(Simulator sim, int capacity, IResourceUser user, int priorityLevels = 1)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(user);
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Expected a non-negative capacity.");
        _sim = sim;
        _user = user;
        _line = new WaitingLine(priorityLevels);
        Capacity = NominalCapacity = capacity;
        QueueLength = new TimeWeighted(sim.Now);
        BusyServers = new TimeWeighted(sim.Now);
        CapacityInForce = new TimeWeighted(sim.Now, capacity);
    }

    /// <summary>The capacity it was built with.</summary>
    public int NominalCapacity { get; }

    /// <summary>The capacity now in force (0 while closed).</summary>
    public int Capacity { get; private set; }

    public int Busy { get; private set; }

    public int Waiting => _line.Count;

    public TimeWeighted QueueLength { get; }
    public TimeWeighted BusyServers { get; }
    public TimeWeighted CapacityInForce { get; }

    /// <summary>Busy server-time over available server-time since the last reset; NaN if no capacity was available.</summary>
    public double Utilisation(double now)
    {
        double available = CapacityInForce.Area(now);
        return available > 0 ? BusyServers.Area(now) / available : double.NaN;
    }

    /// <summary>
    /// Asks for one unit. Granted at once (and <see cref="IResourceUser.OnGranted"/> called before this returns)
    /// when a unit is free; otherwise the entity waits. Returns whether it was granted at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public bool Request(int entity, int priority = 0)
    {
        double now = _sim.Now;
        if (Busy < Capacity)
        {
            // Free capacity implies an empty line: every release and capacity rise drains the line first.
            Busy++;
            BusyServers.Update(now, Busy);
            _user.OnGranted(this, entity, now);
            return true;
        }
        _line.Enqueue(entity, now, priority);
        QueueLength.Update(now, _line.Count);
        return false;
    }

    /// <summary>Returns one unit and starts the next waiting entity if capacity allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Release()
    {
        if (Busy == 0) throw new InvalidOperationException("Release without a matching grant.");
        Busy--;
        if (_line.Count > 0 && Busy < Capacity)
        {
            StartWaiting();
            return;
        }
        BusyServers.Update(_sim.Now, Busy);
    }

    /// <summary>Changes the capacity in force; a rise starts waiting entities at once, a fall preempts nobody.</summary>
    public void SetCapacity(int capacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Expected a non-negative capacity.");
        Capacity = capacity;
        CapacityInForce.Update(_sim.Now, capacity);
        while (_line.Count > 0 && Busy < Capacity) StartWaiting();
    }

    /// <summary>Warm-up deletion for the time-weighted statistics.</summary>
    public void ResetStatistics()
    {
        double now = _sim.Now;
        QueueLength.Reset(now);
        BusyServers.Reset(now);
        CapacityInForce.Reset(now);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    private void StartWaiting()
    {
        double now = _sim.Now;
        Waiting next = _line.Dequeue();
        QueueLength.Update(now, _line.Count);
        Busy++;
        BusyServers.Update(now, Busy);
        _user.OnGranted(this, next.Entity, next.Since);
    }
}
