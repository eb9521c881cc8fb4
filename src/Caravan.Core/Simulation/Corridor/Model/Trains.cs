namespace Caravan.Simulation.Corridor;

/// <summary>
/// Scheduled trains and sailings: each carrier (a service's departures from one boarding stop to one alighting
/// stop) leaves on its timetable or interval with up to its capacity of the units queued for it, after a
/// locomotive from its pool if it has one, runs for the drawn running time and lets its units alight.
/// </summary>
internal sealed class Trains
{
    /// <summary>A train under way: its units (an intrusive list through <see cref="CargoUnit.Next"/>) and its carrier.</summary>
    private struct Train
    {
        public int Head, Count, Carrier;
        /// <summary>The timetable slot it was formed for (it may leave later, waiting for a locomotive).</summary>
        public double ScheduledAt;
    }

    private readonly CorridorPlan _plan;
    private readonly Simulator _sim;
    private readonly RandomStream _durations;
    private readonly EntityPool<CargoUnit> _units;
    private readonly EntityPool<Train> _trains = new(256);
    private readonly ElementStatistics _elements;
    private readonly Journeys _journeys;
    private readonly Locomotives _locomotives;
    private readonly EventKind _departure, _arrival;
    private readonly RingQueue<int>[] _queues;
    private readonly TimeWeighted[] _queueLength;
    private readonly int[] _nextOffset, _week;

    public Trains(CorridorPlan plan, Simulator sim, RandomStream durations, EntityPool<CargoUnit> units,
        ElementStatistics elements, Journeys journeys)
    {
        _plan = plan;
        _sim = sim;
        _durations = durations;
        _units = units;
        _elements = elements;
        _journeys = journeys;
        _locomotives = new Locomotives(plan, sim, elements, this);
        _departure = sim.Register(new DepartureTime(this));
        _arrival = sim.Register(new TrainArrival(this));
        int n = plan.Carriers.Length;
        _queues = new RingQueue<int>[n];
        _queueLength = new TimeWeighted[n];
        _nextOffset = new int[n];
        _week = new int[n];
        Departures = new double[n];
        Carried = new double[n];
        for (int c = 0; c < n; c++)
        {
            _queues[c] = new RingQueue<int>(64);
            _queueLength[c] = new TimeWeighted(0);
            elements.TrackQueue(plan.Carriers[c].Element, _queueLength[c]);
        }
    }

    /// <summary>Departures and units carried per carrier in the window.</summary>
    public double[] Departures { get; }
    public double[] Carried { get; }

    public Resource[] LocomotivePools => _locomotives.Pools;

    /// <summary>Units queued for the carrier.</summary>
    public int Waiting(int carrier) => _queues[carrier].Count;

    public void ScheduleFirstDepartures()
    {
        for (int c = 0; c < _plan.Carriers.Length; c++)
        {
            var plan = _plan.Carriers[c];
            _sim.ScheduleAt(plan.WeeklyOffsets is { } w ? w[0] : plan.Phase, _departure, c);
        }
    }

    public void Join(int carrier, int u)
    {
        _queues[carrier].Enqueue(u);
        _queueLength[carrier].Update(_sim.Now, _queues[carrier].Count);
    }

    public void ResetStatistics(double now)
    {
        _locomotives.ResetStatistics();
        foreach (var q in _queueLength) q.Reset(now);
    }

    private void OnDepartureTime(int c)
    {
        var plan = _plan.Carriers[c];
        double now = _sim.Now;
        if (now >= _plan.WarmupHours) Departures[c]++;
        var queue = _queues[c];
        int n = Math.Min(queue.Count, plan.Capacity);
        if (n > 0)
        {
            int t = _trains.Allocate();
            int head = queue.Dequeue(), tail = head;
            for (int k = 1; k < n; k++)
            {
                int u = queue.Dequeue();
                _units[tail].Next = u;
                tail = u;
            }
            _units[tail].Next = -1;
            _queueLength[c].Update(now, queue.Count);
            ref Train train = ref _trains[t];
            train.Head = head;
            train.Count = n;
            train.Carrier = c;
            train.ScheduledAt = now;
            if (plan.Pool >= 0) _locomotives.Request(plan.Pool, t);
            else Depart(t);
        }
        double next = NextDeparture(c, now);
        if (next <= _plan.EndHours) _sim.ScheduleAt(next, _departure, c);
    }

    /// <summary>The carrier's departure after the one at <paramref name="now"/>.</summary>
    private double NextDeparture(int c, double now)
    {
        var plan = _plan.Carriers[c];
        if (plan.WeeklyOffsets is not { } offsets) return now + plan.EveryHours;
        if (++_nextOffset[c] == offsets.Length)
        {
            _nextOffset[c] = 0;
            _week[c]++;
        }
        return _week[c] * CorridorTime.Week + offsets[_nextOffset[c]];
    }

    /// <summary>The first scheduled departure at or after <paramref name="t"/>: the one a unit ready at t can make.</summary>
    private double FirstDepartureFrom(int c, double t)
    {
        var plan = _plan.Carriers[c];
        if (plan.WeeklyOffsets is not { } offsets)
            return t <= plan.Phase ? plan.Phase : plan.Phase + plan.EveryHours * Math.Ceiling((t - plan.Phase) / plan.EveryHours);
        double week = Math.Floor(t / CorridorTime.Week);
        double within = t - week * CorridorTime.Week;
        int i = Array.BinarySearch(offsets, within);
        if (i < 0) i = ~i;
        return i < offsets.Length ? week * CorridorTime.Week + offsets[i] : (week + 1) * CorridorTime.Week + offsets[0];
    }

    /// <summary>The train has its locomotive: the wait for it counts at the pool.</summary>
    public void OnLocomotive(int pool, int t, double requestedAt)
    {
        double wait = _sim.Now - requestedAt;
        _elements.RecordWait(_plan.Pools[pool].Element, wait, wait, _trains[t].Count);
        Depart(t);
    }

    private void Depart(int t)
    {
        Train train = _trains[t];
        var plan = _plan.Carriers[train.Carrier];
        double now = _sim.Now;
        // Waiting for the timetable is not queueing; waiting beyond the first departure the unit could make is.
        for (int u = train.Head; u >= 0; u = _units[u].Next)
        {
            double joined = _units[u].JoinedAt;
            _elements.RecordWait(plan.Element, now - joined, Math.Max(0, train.ScheduledAt - FirstDepartureFrom(train.Carrier, joined)), 1);
        }
        if (now >= _plan.WarmupHours) Carried[train.Carrier] += train.Count;
        double run = 0;
        foreach (var leg in plan.Running) run += leg.Quantile(_durations.NextDouble());
        _sim.Schedule(run, _arrival, t);
        if (plan.Pool >= 0) _locomotives.ReturnAfter(plan.Pool, run);
    }

    private void OnArrival(int t)
    {
        Train train = _trains[t]; // a copy: alighting units may board another train at once
        _trains.Free(t);
        int u = train.Head;
        for (int k = 0; k < train.Count; k++)
        {
            int next = _units[u].Next; // read first: the unit may board another vehicle at once
            _journeys.Alight(u);
            u = next;
        }
    }

    private sealed class DepartureTime(Trains trains) : IEventHandler
    {
        public void OnEvent(int carrier) => trains.OnDepartureTime(carrier);
    }

    private sealed class TrainArrival(Trains trains) : IEventHandler
    {
        public void OnEvent(int train) => trains.OnArrival(train);
    }
}
