using System.Runtime.CompilerServices;

namespace Caravan.Simulation;

/// <summary>
/// The future event list: an array-based 4-ary min-heap of struct entries ordered by
/// (time, priority, insertion sequence). Equal times are broken by priority (smaller first) and then by
/// the order of scheduling, so a run never depends on heap internals and is reproducible bit for bit.
/// A 4-ary heap is shallower than a binary one and its four children share a cache line or two,
/// which is what matters for the small calendars of queueing models. Nothing is allocated per event.
/// </summary>
public sealed class EventCalendar<TPayload> where TPayload : struct
{
    /// <summary>Priorities must fit in 16 bits: they share one 64-bit ordering key with a 48-bit sequence.</summary>
    public const int MinPriority = short.MinValue, MaxPriority = short.MaxValue;

    private const int SequenceBits = 48;

    private struct Entry
    {
        public double Time;
        public ulong Order; // biased priority in the top 16 bits, insertion sequence in the low 48
        public TPayload Payload;
    }

    private Entry[] _heap;
    private int _count;
    private ulong _sequence;

    // After a pop the root is left as a hole and the entries sit in slots 1.._count. Most handlers schedule
    // one event right after they are popped (the next arrival, the next departure), and that event then fills
    // the hole with a single sift-down (Python's heapreplace) instead of a sift-down plus a sift-up.
    private bool _rootVacant;

    public EventCalendar(int initialCapacity = 64) => _heap = new Entry[Math.Max(4, initialCapacity)];

    public int Count => _count;

    /// <summary>The time of the next event; +∞ when the calendar is empty.</summary>
    public double NextTime
    {
        get
        {
            if (_rootVacant) FillRoot();
            return _count > 0 ? _heap[0].Time : double.PositiveInfinity;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(double time, in TPayload payload, int priority = 0)
    {
        if (double.IsNaN(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "An event time cannot be NaN.");
        if ((uint)(priority - MinPriority) > (uint)(MaxPriority - MinPriority))
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Expected a priority in [{MinPriority}, {MaxPriority}].");
        if (_count + 1 >= _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);

        var entry = new Entry
        {
            Time = time,
            Order = ((ulong)(uint)(priority - MinPriority) << SequenceBits) | (_sequence++ & ((1UL << SequenceBits) - 1)),
            Payload = payload,
        };
        if (_rootVacant)
        {
            _rootVacant = false;
            SiftDown(entry, ++_count);
        }
        else
        {
            SiftUp(_count++, entry);
        }
    }

    /// <summary>
    /// Removes the earliest event if there is one no later than <paramref name="horizon"/>: the executive's
    /// loop test and pop in one call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop(double horizon, out double time, out TPayload payload)
    {
        if (_rootVacant) FillRoot();
        if (_count == 0 || !(_heap[0].Time <= horizon))
        {
            time = 0;
            payload = default;
            return false;
        }
        ref Entry top = ref _heap[0];
        time = top.Time;
        payload = top.Payload;
        _count--;
        _rootVacant = true;
        return true;
    }

    /// <summary>Removes and returns the earliest event.</summary>
    public TPayload Pop(out double time)
    {
        if (!TryPop(double.PositiveInfinity, out time, out TPayload payload))
            throw new InvalidOperationException("The event calendar is empty.");
        return payload;
    }

    public void Clear()
    {
        _count = 0;
        _sequence = 0;
        _rootVacant = false;
    }

    // Time first; the ordering key (priority, then sequence) only on equal times. Non-short-circuit operators
    // let the JIT compute the answer without a second unpredictable branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in Entry a, in Entry b) => (a.Time < b.Time) | ((a.Time == b.Time) & (a.Order < b.Order));

    // The root is a hole and the entries are in slots 1.._count: move the last one up into the hole.
    private void FillRoot()
    {
        _rootVacant = false;
        if (_count > 0) SiftDown(_heap[_count], _count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    private void SiftUp(int hole, Entry entry)
    {
        Entry[] heap = _heap;
        while (hole > 0)
        {
            int parent = (hole - 1) >> 2;
            if (!Before(entry, heap[parent])) break;
            heap[hole] = heap[parent];
            hole = parent;
        }
        heap[hole] = entry;
    }

    // Places entry into a heap of `count` slots whose root is a hole, moving the hole down to where entry belongs.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    private void SiftDown(Entry entry, int count)
    {
        Entry[] heap = _heap;
        int hole = 0;
        while (true)
        {
            int first = (hole << 2) + 1;
            if (first >= count) break;
            int best = first;
            int end = Math.Min(first + 4, count);
            for (int child = first + 1; child < end; child++)
                best = Before(heap[child], heap[best]) ? child : best;
            if (!Before(heap[best], entry)) break;
            heap[hole] = heap[best];
            hole = best;
        }
        heap[hole] = entry;
    }
}
