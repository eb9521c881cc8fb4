using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>One entity waiting for a resource, with the time it started waiting.</summary>
public readonly record struct Waiting(int Entity, double Since);

/// <summary>
/// A priority queue that is FIFO within each priority level: one ring buffer per level, level 0 served first.
/// With the handful of levels a port or terminal needs this is O(1) per operation, and order among equals is
/// exactly arrival order, which a heap would only give with an extra sequence key.
/// </summary>
public sealed class WaitingLine
{
    private readonly RingQueue<Waiting>[] _levels;

    public WaitingLine(int priorityLevels = 1)
    {
        if (priorityLevels < 1) throw new ArgumentOutOfRangeException(nameof(priorityLevels), priorityLevels, "Expected at least one priority level.");
        _levels = new RingQueue<Waiting>[priorityLevels];
        for (int i = 0; i < priorityLevels; i++) _levels[i] = new RingQueue<Waiting>();
    }

    public int PriorityLevels => _levels.Length;

    public int Count { get; private set; }

    /// <summary>Queues an entity at <paramref name="priority"/> (0 = most urgent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Enqueue(int entity, double since, int priority = 0)
    {
        if ((uint)priority >= (uint)_levels.Length)
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Expected a priority in [0, {_levels.Length - 1}].");
        _levels[priority].Enqueue(new Waiting(entity, since));
        Count++;
    }

    /// <summary>The longest-waiting entity of the most urgent non-empty level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public Waiting Dequeue()
    {
        RingQueue<Waiting>[] levels = _levels;
        for (int i = 0; i < levels.Length; i++)
        {
            if (levels[i].Count > 0)
            {
                Count--;
                return levels[i].Dequeue();
            }
        }
        throw new InvalidOperationException("Nobody is waiting.");
    }
}
