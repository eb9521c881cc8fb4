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
    /// <summary>Offset of each label's arrival draws in the search's draw pool (-1 without draws).</summary>
    private int[] _samples = new int[4];
    /// <summary>Label index, or -1 once the label is found dominated (it then no longer dominates others).</summary>
    private int[] _label = new int[4];

    public int Count { get; private set; }

    /// <summary>Adds label number <paramref name="index"/> with its criteria and returns its slot.</summary>
    public int Add(int index, in Label label)
    {
        if (Count == _label.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _arrival, size);
            Array.Resize(ref _cents, size);
            Array.Resize(ref _co2, size);
            Array.Resize(ref _rides, size);
            Array.Resize(ref _samples, size);
            Array.Resize(ref _label, size);
        }
        _arrival[Count] = label.Arrival;
        _cents[Count] = label.Cents;
        _co2[Count] = label.Co2eGrams;
        _rides[Count] = label.Rides;
        _samples[Count] = label.Samples;
        _label[Count] = index;
        return Count++;
    }

    public void Kill(int slot) => _label[slot] = -1;

    /// <summary>
    /// A label of this bag (other than <paramref name="exceptSlot"/>, alive) is no worse than
    /// <paramref name="candidate"/> in arrival, cost, CO2e and rides, and — when <paramref name="candidateDraws"/> is
    /// not empty — no later in any arrival draw. The bag's labels' draws are read from <paramref name="drawPool"/>.
    /// </summary>
    public bool Dominates(in Label candidate, int exceptSlot, ReadOnlySpan<int> candidateDraws, ReadOnlySpan<int> drawPool)
    {
        long arrival = candidate.Arrival, cents = candidate.Cents;
        double co2 = candidate.Co2eGrams;
        int rides = candidate.Rides, k = candidateDraws.Length;
        var a = _arrival.AsSpan(0, Count);
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > arrival || _cents[i] > cents || _co2[i] > co2 || _rides[i] > rides) continue;
            if (_label[i] < 0 || i == exceptSlot) continue;
            if (k == 0 || ArrivalDraws.NoLater(drawPool.Slice(_samples[i], k), candidateDraws)) return true;
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
