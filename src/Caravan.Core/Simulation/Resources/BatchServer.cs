namespace Caravan.Simulation;

/// <summary>
/// A ferry or block train that leaves when it holds <see cref="BatchSize"/> units, or when
/// <see cref="MaxWait"/> has passed since the first unit of the current batch arrived, whichever comes first.
/// A batch that fills up leaves at once, so a departure carries at most <see cref="BatchSize"/> units and
/// the next unit starts a new batch with its own deadline. A deadline whose batch already left full is
/// recognised by its batch number and ignored, so no event ever has to be removed from the calendar.
/// </summary>
public sealed class BatchServer
{
    private readonly Simulator _sim;
    private readonly IBatchUser _user;
    private readonly EventKind _deadline;
    private int[] _loading, _departing;
    private int _loaded;
    private int _batchNumber;
    private double _firstArrival;

    public BatchServer(Simulator sim, int batchSize, double maxWait, IBatchUser user)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(user);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
        if (!(maxWait >= 0)) throw new ArgumentOutOfRangeException(nameof(maxWait), maxWait, "Expected a non-negative maximum wait (+∞ for none).");
        _sim = sim;
        _user = user;
        BatchSize = batchSize;
        MaxWait = maxWait;
        _loading = new int[batchSize];
        _departing = new int[batchSize];
        _deadline = sim.Register(new DeadlineHandler(this));
    }

    public int BatchSize { get; }

    public double MaxWait { get; }

    /// <summary>Units loaded and waiting to leave.</summary>
    public int Loaded => _loaded;

    /// <summary>Size of each departed batch.</summary>
    public Tally BatchSizes { get; } = new();

    /// <summary>Time from each departed batch's first unit to its departure.</summary>
    public Tally FirstUnitWaits { get; } = new();

    /// <summary>Loads one unit; may send the batch off before returning.</summary>
    public void Add(int unit)
    {
        if (_loaded == 0)
        {
            _firstArrival = _sim.Now;
            if (!double.IsPositiveInfinity(MaxWait)) _sim.Schedule(MaxWait, _deadline, entity: _batchNumber);
        }
        _loading[_loaded++] = unit;
        if (_loaded == BatchSize) Depart();
    }

    /// <summary>The maximum wait of batch <paramref name="batchNumber"/> is over.</summary>
    private void OnDeadline(int batchNumber)
    {
        // A deadline for a batch that already left full is stale.
        if (batchNumber == _batchNumber && _loaded > 0) Depart();
    }

    private sealed class DeadlineHandler(BatchServer server) : IEventHandler
    {
        public void OnEvent(int batchNumber) => server.OnDeadline(batchNumber);
    }

    private void Depart()
    {
        int count = _loaded;
        (_loading, _departing) = (_departing, _loading);
        _loaded = 0;
        _batchNumber++;
        BatchSizes.Add(count);
        FirstUnitWaits.Add(_sim.Now - _firstArrival);
        _user.OnBatchDeparted(this, _departing.AsSpan(0, count));
    }
}
