namespace Caravan.Simulation;

/// <summary>
/// A FIFO buffer of items (containers in a yard, wagons in a siding) with a capacity. A get waits while the
/// store is empty and a put waits while it is full; waiting getters and putters are served in arrival order.
/// Callbacks are always made, synchronously when the operation completes at once.
/// Items are integers (entity slots), so nothing is allocated per item.
/// </summary>
public sealed class Store
{
    private readonly Simulator _sim;
    private readonly IStoreUser _user;
    private readonly RingQueue<int> _items = new();
    private readonly RingQueue<Waiting> _getters = new();
    private readonly RingQueue<Waiting> _putters = new(); // Entity is the item offered

    public Store(Simulator sim, IStoreUser user, int capacity = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(user);
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Expected a positive capacity.");
        _sim = sim;
        _user = user;
        Capacity = capacity;
        Level = new TimeWeighted(sim.Now);
    }

    public int Capacity { get; }

    public int Count => _items.Count;

    public int WaitingGetters => _getters.Count;

    public int WaitingPutters => _putters.Count;

    /// <summary>Items held, time-weighted.</summary>
    public TimeWeighted Level { get; }

    /// <summary>Offers an item; returns whether it was accepted at once.</summary>
    public bool Put(int item)
    {
        double now = _sim.Now;
        if (_getters.Count > 0)
        {
            // The store is empty whenever someone waits to get: hand the item straight over.
            Waiting getter = _getters.Dequeue();
            _user.OnPut(this, item, now);
            _user.OnGot(this, getter.Entity, item, getter.Since);
            return true;
        }
        if (_items.Count < Capacity)
        {
            _items.Enqueue(item);
            Level.Update(now, _items.Count);
            _user.OnPut(this, item, now);
            return true;
        }
        _putters.Enqueue(new Waiting(item, now));
        return false;
    }

    /// <summary>Asks for the oldest item; returns whether one was there.</summary>
    public bool Get(int getter)
    {
        double now = _sim.Now;
        if (_items.Count == 0)
        {
            _getters.Enqueue(new Waiting(getter, now));
            return false;
        }
        int item = _items.Dequeue();
        if (_putters.Count > 0)
        {
            // A slot just opened: the longest-waiting putter's item moves in.
            Waiting putter = _putters.Dequeue();
            _items.Enqueue(putter.Entity);
            _user.OnPut(this, putter.Entity, putter.Since);
        }
        Level.Update(now, _items.Count);
        _user.OnGot(this, getter, item, now);
        return true;
    }
}
