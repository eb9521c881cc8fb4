using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// Per-entity state (a customer's arrival time, a wagon's destination) in one growing array of structs, with
/// freed slots reused through a free list. Events refer to entities by slot index, so a model's hot path
/// allocates nothing once the pool has grown to the peak number of entities in the system.
/// </summary>
public sealed class EntityPool<TState> where TState : struct
{
    private TState[] _states;
    private int[] _free;
    private int _freeCount, _used;

    public EntityPool(int initialCapacity = 64)
    {
        _states = new TState[Math.Max(1, initialCapacity)];
        _free = new int[_states.Length];
    }

    /// <summary>Entities currently allocated.</summary>
    public int Live => _used - _freeCount;

    /// <summary>Takes a slot and resets its state to default.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public int Allocate()
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_used == _states.Length)
            {
                Array.Resize(ref _states, _states.Length * 2);
                Array.Resize(ref _free, _states.Length);
            }
            slot = _used++;
        }
        _states[slot] = default;
        return slot;
    }

    public void Free(int slot) => _free[_freeCount++] = slot;

    /// <summary>The state of a slot, by reference so it can be updated in place.</summary>
    public ref TState this[int slot] => ref _states[slot];
}
