namespace Caravan.Planning.Search;

/// <summary>
/// The labels at one node and vehicle state, pending and settled, with their criteria in parallel arrays: the
/// dominance scan over them is most of a search's work, and contiguous arrays keep it in cache.
/// </summary>
internal sealed class Bag
{
    private long[] _arrival = new long[4];
    private long[] _cents = new long[4];
    private double[] _co2 = new double[4];
    private int[] _rides = new int[4];
    /// <summary>Label index, or -1 once the label is found dominated (it then no longer dominates others).</summary>
    private int[] _label = new int[4];

    public int Count { get; private set; }

    /// <summary>Adds a label and returns its slot.</summary>
    public int Add(int label, long arrival, long cents, double co2, int rides)
    {
        if (Count == _label.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _arrival, size);
            Array.Resize(ref _cents, size);
            Array.Resize(ref _co2, size);
            Array.Resize(ref _rides, size);
            Array.Resize(ref _label, size);
        }
        _arrival[Count] = arrival;
        _cents[Count] = cents;
        _co2[Count] = co2;
        _rides[Count] = rides;
        _label[Count] = label;
        return Count++;
    }

    public void Kill(int slot) => _label[slot] = -1;

    /// <summary>
    /// The labels of this bag (other than <paramref name="exceptSlot"/>, alive) no worse in arrival, cost, CO2e and
    /// rides, one by one through <paramref name="drawsNoLater"/> for the last test (null: no draws to compare).
    /// </summary>
    public bool Dominates(long arrival, long cents, double co2, int rides, int exceptSlot, Func<int, bool>? drawsNoLater)
    {
        var a = _arrival.AsSpan(0, Count);
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > arrival || _cents[i] > cents || _co2[i] > co2 || _rides[i] > rides) continue;
            int label = _label[i];
            if (label < 0 || i == exceptSlot) continue;
            if (drawsNoLater is null || drawsNoLater(label)) return true;
        }
        return false;
    }

    /// <summary>Earliest-arrival profile: an alive label other than the slot arrives no later.</summary>
    public bool ArrivesNoLater(long arrival, int exceptSlot)
    {
        for (int i = 0; i < Count; i++)
            if (_arrival[i] <= arrival && _label[i] >= 0 && i != exceptSlot) return true;
        return false;
    }
}
