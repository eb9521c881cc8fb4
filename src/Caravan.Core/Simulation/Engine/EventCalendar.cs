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

    public EventCalendar(int initialCapacity = 64) => _heap = new Entry[Math.Max(4, initialCapacity)];

    public int Count => _count;

    /// <summary>The time of the next event; +∞ when the calendar is empty.</summary>
    public double NextTime => _count > 0 ? _heap[0].Time : double.PositiveInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(double time, in TPayload payload, int priority = 0)
    {
        if (double.IsNaN(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "An event time cannot be NaN.");
        if ((uint)(priority - MinPriority) > (uint)(MaxPriority - MinPriority))
            throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Expected a priority in [{MinPriority}, {MaxPriority}].");
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);

        var entry = new Entry
        {
            Time = time,
            Order = ((ulong)(uint)(priority - MinPriority) << SequenceBits) | (_sequence++ & ((1UL << SequenceBits) - 1)),
            Payload = payload,
        };
        SiftUp(_count++, entry);
    }

    /// <summary>
    /// Removes the earliest event if there is one no later than <paramref name="horizon"/>: the executive's
    /// loop test and pop in one call, so the hot loop touches the heap's root once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop(double horizon, out double time, out TPayload payload)
    {
        if (_count == 0 || !(_heap[0].Time <= horizon))
        {
            time = 0;
            payload = default;
            return false;
        }
        ref Entry top = ref _heap[0];
        time = top.Time;
        payload = top.Payload;
        int last = --_count;
        if (last > 0) SiftDown(_heap[last]);
        return true;
    }

    /// <summary>Removes and returns the earliest event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TPayload Pop(out double time)
    {
        if (_count == 0) throw new InvalidOperationException("The event calendar is empty.");
        ref Entry top = ref _heap[0];
        time = top.Time;
        TPayload payload = top.Payload;
        int last = --_count;
        if (last > 0) SiftDown(_heap[last]);
        return payload;
    }

    public void Clear()
    {
        _count = 0;
        _sequence = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Order < b.Order);

    private void SiftUp(int hole, in Entry entry)
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

    // Moves the hole left at the root down to where entry belongs (entry was the last element).
    private void SiftDown(in Entry entry)
    {
        Entry[] heap = _heap;
        int count = _count, hole = 0;
        while (true)
        {
            int first = (hole << 2) + 1;
            if (first >= count) break;
            int best = first;
            int end = Math.Min(first + 4, count);
            for (int child = first + 1; child < end; child++)
                if (Before(heap[child], heap[best])) best = child;
            if (!Before(heap[best], entry)) break;
            heap[hole] = heap[best];
            hole = best;
        }
        heap[hole] = entry;
    }
}
