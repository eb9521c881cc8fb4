using System.Numerics;

namespace Caravan.Planning.Search;

/// <summary>Draw-by-draw comparison of two labels' arrival draws (seconds after the ready time, "late" capped).</summary>
internal static class ArrivalDraws
{
    /// <summary>Every draw of <paramref name="mine"/> is no later than the same draw of <paramref name="other"/>.</summary>
    public static bool NoLater(ReadOnlySpan<int> mine, ReadOnlySpan<int> other)
    {
        int n = other.Length;
        int k = 0;
        // Vectorised: this comparison is most of the work of a search with a deadline.
        for (; k <= n - Vector<int>.Count; k += Vector<int>.Count)
            if (Vector.GreaterThanAny(new Vector<int>(mine[k..]), new Vector<int>(other[k..]))) return false;
        for (; k < n; k++)
            if (mine[k] > other[k]) return false;
        return true;
    }
}
