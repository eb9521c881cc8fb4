using System.Runtime.CompilerServices;
namespace Caravan.Simulation;

/// <summary>
/// The M/M/c (or M/D/c) queue built from the engine's parts: Poisson arrivals, a <see cref="Resource"/>
/// with c servers, exponential or fixed service. It is the engine's validation model (the results have
/// closed forms, see <see cref="QueueTheory"/>) and its speed benchmark.
/// </summary>
public static class MmcQueue
{
    public static QueueResult Run(QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // No clock here: the caller times the run (the CLI reports it, the benchmark measures it).
        var model = new MmcModel(options);
        model.Simulate();
        return model.Result();
    }

    /// <summary>Runs replications 0..n−1 of the same model, with seeds Seed, Seed+1, … (independent streams).</summary>
    public static QueueResult[] Replicate(QueueOptions options, int replications)
    {
        if (replications < 1) throw new ArgumentOutOfRangeException(nameof(replications), replications, "Expected at least one replication.");
        var results = new QueueResult[replications];
        for (int r = 0; r < replications; r++) results[r] = Run(options with { Seed = options.Seed + r });
        return results;
    }
}

/// <summary>
/// The queue's state and event logic. Arrivals and services draw from separate streams of the seed, so two
/// configurations run with one seed see the same arrivals (common random numbers). Two kinds of event: the next
/// arrival (no entity) and a customer's departure (its slot in the pool).
/// </summary>
internal sealed class MmcModel : IResourceUser
{
    private struct Customer
    {
        public double ArrivedAt;
        public bool Measured;
    }

    private readonly Simulator _sim = new();
    private readonly Resource _servers;
    private readonly EntityPool<Customer> _customers = new();
    private readonly RandomStream _arrivalStream, _serviceStream;
    private readonly EventKind _arrival, _departure;
    private readonly double _meanInterarrival, _meanService;
    private readonly bool _deterministic;
    private readonly long _warmup, _total;

    // Only means are reported, so plain sums do (no division per customer as in a Welford tally);
    // the spread comes from the batch means, which is the right measure for correlated waits anyway.
    private double _waitSum, _systemTimeSum;
    private long _measured, _departedMeasured;
    private readonly BatchMeans _waitBatches = new(batches: 20);
    private long _arrived;
    private double _windowQueueLength, _windowUtilisation, _windowMaxQueue;

    public MmcModel(QueueOptions options)
    {
        _arrival = _sim.Register(new ArrivalHandler(this));
        _departure = _sim.Register(new DepartureHandler(this));
        _servers = new Resource(_sim, options.Servers, this);
        _arrivalStream = RandomStream.Create(options.Seed, stream: 0);
        _serviceStream = RandomStream.Create(options.Seed, stream: 1);
        _meanInterarrival = 1 / options.ArrivalRate;
        _meanService = 1 / options.ServiceRate;
        _deterministic = options.Service == ServiceKind.Deterministic;
        _warmup = options.EffectiveWarmup;
        _total = options.Customers;
    }

    public void Simulate()
    {
        _sim.Schedule(_meanInterarrival * _arrivalStream.StandardExponential(), _arrival);
        _sim.Run(); // ends when the last customer has left
    }

    private sealed class ArrivalHandler(MmcModel model) : IEventHandler
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
        public void OnEvent(int entity) => model.Arrive();
    }

    private sealed class DepartureHandler(MmcModel model) : IEventHandler
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
        public void OnEvent(int customer) => model.Depart(customer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    private void Arrive()
    {
        long number = _arrived++;
        if (number == _warmup)
        {
            // Warm-up deletion: the time-weighted window opens at the first measured arrival.
            _servers.ResetStatistics();
        }
        if (number == _total - 1)
        {
            // The window closes at the last arrival, so the emptying tail does not dilute Lq and utilisation.
            double now = _sim.Now;
            _windowQueueLength = _servers.QueueLength.Mean(now);
            _windowUtilisation = _servers.Utilisation(now);
            _windowMaxQueue = _servers.QueueLength.Max;
        }
        else
        {
            _sim.Schedule(_meanInterarrival * _arrivalStream.StandardExponential(), _arrival);
        }

        int slot = _customers.Allocate();
        ref Customer customer = ref _customers[slot];
        customer.ArrivedAt = _sim.Now;
        customer.Measured = number >= _warmup;
        _servers.Request(slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    public void OnGranted(Resource resource, int entity, double requestedAt)
    {
        if (_customers[entity].Measured)
        {
            double wait = _sim.Now - requestedAt;
            _waitSum += wait;
            _measured++;
            _waitBatches.Add(wait);
        }
        double service = _deterministic ? _meanService : _meanService * _serviceStream.StandardExponential();
        _sim.Schedule(service, _departure, entity);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: see docs/simulation-engine.md, "Fast from cold"
    private void Depart(int slot)
    {
        _servers.Release();
        ref Customer customer = ref _customers[slot];
        if (customer.Measured)
        {
            _systemTimeSum += _sim.Now - customer.ArrivedAt;
            _departedMeasured++;
        }
        _customers.Free(slot);
    }

    public QueueResult Result()
    {
        ConfidenceInterval ci = _waitBatches.ConfidenceInterval(0.95);
        return new QueueResult
        {
            Customers = _arrived,
            MeasuredCustomers = _measured,
            Events = _sim.EventsProcessed,
            MeanWait = _waitSum / _measured,
            MeanWaitHalfWidth = ci.HalfWidth,
            Batches = _waitBatches.FullBatches,
            MeanQueueLength = _windowQueueLength,
            Utilisation = _windowUtilisation,
            MeanSystemTime = _systemTimeSum / _departedMeasured,
            MaxQueueLength = _windowMaxQueue,
            SimulatedHours = _sim.Now,
        };
    }
}
