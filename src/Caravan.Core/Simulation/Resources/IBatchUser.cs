namespace Caravan.Simulation;

/// <summary>The model side of a <see cref="BatchServer"/>.</summary>
public interface IBatchUser
{
    /// <summary>
    /// A batch leaves now with <paramref name="units"/> in loading order. The span is only valid during the
    /// call; units added during the call start the next batch.
    /// </summary>
    void OnBatchDeparted(BatchServer server, ReadOnlySpan<int> units);
}
