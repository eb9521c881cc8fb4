using Caravan.Planning.Compiled;

namespace Caravan.Planning.Search;

/// <summary>
/// Multi-criteria label-setting search over rides (a ride = one service from a boarding to an alighting stop).
/// A label is dropped when another label at the same node and vehicle state is no worse in every criterion
/// (arrival, cost, CO2e, rides and — with a deadline — every arrival draw), or when a label already at the
/// destination is no worse than the best any continuation could do (the label plus admissible lower bounds).
/// All criteria only grow along an itinerary and every step is monotone in its start time, so what is dropped
/// can never lead to an answer that is not dominated: the result is the exact Pareto set (see docs/planner.md).
/// Labels are settled in order of arrival plus the time lower bound (A*), which reaches the destination early.
/// </summary>
internal sealed class LabelSearch
{
    private readonly QueryContext _q;
    private readonly CompiledNetwork _net;
    private readonly RideTiming _timing;
    private readonly SearchProfile _profile;
    private readonly LowerBounds _bounds;
    private readonly int _k;
    private readonly int _stateSlots;
    /// <summary>
    /// With a deadline, a draw that can no longer arrive by it (even at the minimum running time of what remains,
    /// see <see cref="LowerBounds.DrawSeconds"/>) is stored as this value ("late"): a late draw stays late whatever
    /// follows, so how late does not matter, and labels that differ only in how late they are become comparable.
    /// </summary>
    private readonly int _late;

    private Label[] _labels = new Label[256];
    private int _labelCount;
    private int[] _pool;
    private int _poolUsed;
    private readonly Bag?[] _bags;
    /// <summary>Earliest-arrival profile only: the best arrival known (settled or pending) per node and vehicle state.</summary>
    private readonly long[]? _bestArrival;
    private readonly List<int> _targets = new();
    /// <summary>The targets' criteria in parallel arrays (every candidate label is checked against all of them).</summary>
    private long[] _targetArrival = new long[16];
    private long[] _targetCents = new long[16];
    private double[] _targetCo2 = new double[16];
    private int[] _targetOnTime = new int[16];
    private readonly PriorityQueue<int, (long Estimate, long Cents)> _queue = new();
    /// <summary>The draws of the ride being extended (each alighting stop adds its leg to them).</summary>
    private readonly int[] _ride;

    public LabelSearch(QueryContext q, SampleTable? draws, SearchProfile profile)
    {
        _q = q;
        _net = q.Net;
        _timing = new RideTiming(q, draws);
        _profile = profile;
        _bounds = new LowerBounds(q, withCo2: profile == SearchProfile.Pareto, withDraws: draws is not null && q.Request.Deadline is not null);
        _k = draws?.Count ?? 0;
        _late = q.Request.Deadline is { } d ? (int)Math.Min(int.MaxValue, d.ToUnixTimeSeconds() - q.ReadySeconds + 1) : int.MaxValue;
        _stateSlots = (_net.States.Count + 1) * 2;
        _bags = new Bag?[_net.Nodes.Length * _stateSlots];
        if (profile == SearchProfile.EarliestArrival)
        {
            _bestArrival = new long[_bags.Length];
            Array.Fill(_bestArrival, long.MaxValue);
        }
        _pool = new int[Math.Max(1, _k * 64)];
        _ride = new int[_k];
    }

    public ref Label this[int index] => ref _labels[index];

    /// <summary>The search's draws of a label (arrival at its node, seconds after the ready time, "late" capped).</summary>
    public ReadOnlySpan<int> Draws(int label) =>
        _labels[label].Samples < 0 ? ReadOnlySpan<int>.Empty : _pool.AsSpan(_labels[label].Samples, _k);

    /// <summary>Runs the search and returns the labels that reached the destination.</summary>
    public IReadOnlyList<int> Run()
    {
        // Cargo the origin may not handle (or an origin the shipper avoids) goes nowhere.
        if (!_q.NodeUsable(_q.Origin) || _bounds.Seconds[_q.Origin] == long.MaxValue) return _targets;
        var origin = new Label
        {
            Node = _q.Origin, State = Label.OriginState, Arrival = _q.ReadySeconds,
            Parent = -1, Service = -1, Board = -1, Alight = -1, Transshipment = -1, Departure = _q.ReadySeconds,
            Samples = _k > 0 ? Store(new int[_k]) : -1,
        };
        Push(origin);
        while (_queue.TryDequeue(out int index, out _))
        {
            var label = _labels[index];
            ReadOnlySpan<int> draws = Draws(index);
            // The bag holds labels still in the queue too: one that dominates this label (and is alive) or that
            // became dominated since, by something that then dominates this one as well, makes it useless.
            if (DominatedAtTarget(label, draws) || DominatedInBag(label, draws, exceptSlot: label.BagSlot))
            {
                _bags[BagIndex(label)]!.Kill(label.BagSlot);
                continue;
            }
            if (label.Node == _q.Destination)
            {
                AddTarget(index, label, _k > 0 ? OnTime(draws) : 0);
                if (_profile == SearchProfile.EarliestArrival) break;
                continue;
            }
            if (label.Rides < _q.Request.MaxRides) Expand(index);
        }
        return _targets;
    }

    private void Expand(int parentIndex)
    {
        var parent = _labels[parentIndex];
        int node = parent.Node;
        bool pareto = _profile == SearchProfile.Pareto;
        foreach (var (s, board) in _net.Calls[node])
        {
            if (s == parent.Service || !_q.ServiceUsable(s)) continue;
            var service = _net.Services[s];
            if (service.SailsWhenFull && board != 0) continue;
            if (!_q.LegUsable(s, board)) continue;

            int rule = parent.State == Label.OriginState
                ? CompiledNetwork.NotNeeded
                : _net.Transshipment(node, parent.State, service.LegStates[board]);
            if (rule == CompiledNetwork.NotPossible) continue;
            var transshipment = rule >= 0 && pareto ? _q.Transshipment(rule) : default;

            bool blockTrain = _net.BlockTrainConnection(parent.Service, service);
            // A block train is a through product booked from where the cargo starts: it takes on no cargo that
            // arrives by a standard service (which would otherwise fill its slots and skip the wagonload dwell).
            if (service.BlockTrain && !blockTrain) continue;
            if (parent.Service < 0 && !service.BlockTrain && _q.Request.Constraints.StartOnBlockTrain) continue;
            long departure = _timing.Depart(service, board, _timing.Ready(parent.Arrival, node, blockTrain, rule), service.FillSeconds);
            if (departure == long.MaxValue) continue;
            if (_k > 0 && !_timing.DepartDraws(Draws(parentIndex), node, blockTrain, service, board, rule, _ride, _late)) continue;

            for (int alight = board + 1; alight < service.Stops.Length; alight++)
            {
                int leg = alight - 1;
                if (!_q.LegUsable(s, leg)) break;
                int to = service.Stops[alight];
                if (!_q.NodeUsable(to)) break;
                if (to == _q.Origin || _bounds.Seconds[to] == long.MaxValue)
                {
                    if (_k > 0) _timing.AddRunning(service, leg, _ride);
                    continue;
                }
                if (_k > 0) AddRunningAndMarkLate(service, leg, to);
                var ride = pareto ? _q.Ride(s, board, alight) : default;

                var child = new Label
                {
                    Node = to,
                    State = service.LegStates[leg],
                    Rides = parent.Rides + 1,
                    Arrival = departure + service.OffsetSeconds[alight] - service.OffsetSeconds[board],
                    Cents = parent.Cents + transshipment.Cents + ride.Cents,
                    Co2eGrams = parent.Co2eGrams + transshipment.Co2eGrams + ride.Co2eGrams,
                    Parent = parentIndex, Service = s, Board = board, Alight = alight,
                    Transshipment = rule, Departure = departure, Samples = -1,
                };
                ReadOnlySpan<int> draws = _ride.AsSpan(0, _k);
                if (_bestArrival is not null)
                {
                    // Single criterion: a label no earlier than one already known at this node and state is useless.
                    ref long best = ref _bestArrival[BagIndex(child)];
                    if (child.Arrival >= best) continue;
                    best = child.Arrival;
                }
                if (DominatedAtTarget(child, draws) || DominatedInBag(child, draws, exceptSlot: -1)) continue;
                if (_k > 0) child.Samples = Store(draws);
                Push(child);
            }
        }
    }

    /// <summary>
    /// A destination label beats every continuation of this one: no later than its arrival plus the remaining
    /// running time, no dearer and no more CO2e than this label plus the least that remains, and on time in at least
    /// as many draws as this label still can be.
    /// </summary>
    private bool DominatedAtTarget(in Label label, ReadOnlySpan<int> draws)
    {
        if (_targets.Count == 0) return false;
        long arrival = label.Arrival + _bounds.Seconds[label.Node];
        double co2 = label.Co2eGrams + _bounds.Co2eGrams[label.Node];
        long cents = label.Cents + _bounds.Cents[label.Node];
        int onTime = _k > 0 ? OnTime(draws) : 0;
        bool earliestOnly = _profile == SearchProfile.EarliestArrival;
        for (int i = 0; i < _targets.Count; i++)
        {
            if (_targetArrival[i] > arrival) continue;
            if (earliestOnly) return true;
            if (_targetCents[i] <= cents && _targetCo2[i] <= co2 && _targetOnTime[i] >= onTime) return true;
        }
        return false;
    }

    private void AddTarget(int index, in Label label, int onTime)
    {
        int n = _targets.Count;
        if (n == _targetArrival.Length)
        {
            Array.Resize(ref _targetArrival, n * 2);
            Array.Resize(ref _targetCents, n * 2);
            Array.Resize(ref _targetCo2, n * 2);
            Array.Resize(ref _targetOnTime, n * 2);
        }
        _targetArrival[n] = label.Arrival;
        _targetCents[n] = label.Cents;
        _targetCo2[n] = label.Co2eGrams;
        _targetOnTime[n] = onTime;
        _targets.Add(index);
    }

    /// <summary>A label at the same node and vehicle state is no worse in every criterion (and every draw, if any).</summary>
    private bool DominatedInBag(in Label label, ReadOnlySpan<int> draws, int exceptSlot)
    {
        var bag = _bags[BagIndex(label)];
        if (bag is null) return false;
        if (_profile == SearchProfile.EarliestArrival) return bag.ArrivesNoLater(label.Arrival, exceptSlot);
        return bag.Dominates(label, exceptSlot, draws, _pool.AsSpan(0, _poolUsed));
    }

    /// <summary>Adds a leg's running draws and marks late every draw that can no longer make the deadline from there.</summary>
    private void AddRunningAndMarkLate(CompiledService service, int leg, int node)
    {
        _timing.AddRunning(service, leg, _ride);
        long latest = _late - 1 - _bounds.DrawSeconds[node];
        for (int k = 0; k < _k; k++)
            if (_ride[k] > latest) _ride[k] = _late;
    }

    private int OnTime(ReadOnlySpan<int> draws)
    {
        int n = 0;
        foreach (int d in draws) if (d < _late) n++;
        return n;
    }

    private Bag BagAt(in Label label) => _bags[BagIndex(label)] ??= new Bag();

    /// <summary>
    /// Labels compete only with labels that continue alike: same node, same vehicle state (it decides the
    /// transshipment) and whether they came on a block train (it decides the dwell before the next block train).
    /// </summary>
    private int BagIndex(in Label label) =>
        label.Node * _stateSlots + (label.State + 1) * 2 + (label.Service >= 0 && _net.Services[label.Service].BlockTrain ? 1 : 0);

    private void Push(in Label label)
    {
        if (_labelCount == _labels.Length) Array.Resize(ref _labels, _labels.Length * 2);
        _labels[_labelCount] = label;
        _labels[_labelCount].BagSlot = BagAt(label).Add(_labelCount, label);
        _queue.Enqueue(_labelCount, (label.Arrival + _bounds.Seconds[label.Node], label.Cents));
        _labelCount++;
    }

    private int Store(ReadOnlySpan<int> draws)
    {
        if (_poolUsed + _k > _pool.Length) Array.Resize(ref _pool, _pool.Length * 2);
        draws.CopyTo(_pool.AsSpan(_poolUsed));
        int offset = _poolUsed;
        _poolUsed += _k;
        return offset;
    }
}
