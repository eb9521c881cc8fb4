using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// Confidence interval for the mean of a correlated output series (successive waits in one run) by
/// non-overlapping batch means. The batch size is not known in advance, so it adapts: observations fill
/// up to 2·<c>batches</c> batches, and when those are full adjacent pairs merge, doubling the batch size.
/// At the end there are between <c>batches</c> and 2·<c>batches</c> full batches; the partial one is left out.
/// </summary>
public sealed class BatchMeans
{
    private readonly double[] _sums;
    private readonly int _minBatches;
    private int _fullBatches;
    private long _batchSize = 1;
    private double _partialSum;
    private long _partialCount;

    public BatchMeans(int batches = 20)
    {
        if (batches < 2) throw new ArgumentOutOfRangeException(nameof(batches), batches, "Expected at least two batches.");
        _minBatches = batches;
        _sums = new double[2 * batches];
    }

    public long Count { get; private set; }

    public long BatchSize => _batchSize;

    public int FullBatches => _fullBatches;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void Add(double value)
    {
        Count++;
        _partialSum += value;
        if (++_partialCount < _batchSize) return;

        _sums[_fullBatches++] = _partialSum;
        _partialSum = 0;
        _partialCount = 0;
        if (_fullBatches == _sums.Length) Collapse();
    }

    public void Reset()
    {
        Count = 0;
        _fullBatches = 0;
        _batchSize = 1;
        _partialSum = 0;
        _partialCount = 0;
    }

    /// <summary>
    /// Mean ± Student-t half-width over the full batches' means (t with batches − 1 degrees of freedom).
    /// The centre is the mean of the full batches, so it can differ slightly from the mean of every observation.
    /// </summary>
    public ConfidenceInterval ConfidenceInterval(double level = 0.95)
    {
        var tally = new Tally();
        for (int i = 0; i < _fullBatches; i++) tally.Add(_sums[i] / _batchSize);
        return tally.ConfidenceInterval(level);
    }

    private void Collapse()
    {
        for (int i = 0; i < _minBatches; i++) _sums[i] = _sums[2 * i] + _sums[2 * i + 1];
        _fullBatches = _minBatches;
        _batchSize *= 2;
    }
}
