namespace Caravan.Simulation.Corridor;

/// <summary>
/// One replication of a <see cref="CorridorPlan"/> on the engine. Units (wagon loads) arrive per stream, dwell at
/// each boarding node, hold a handling server where the node has a capacity, wait for their service's departure
/// (a timetable or interval train, or a ferry that sails when full with a finite fleet shuttling between two
/// ports), ride, and go on to the next leg until delivered. Entity state lives in pools and vehicles carry their
/// units as intrusive linked lists, so the hot path allocates nothing. Split over several files by concern.
/// </summary>
public sealed partial class CorridorModel : IEventHandler
{
    private const int KArrival = 0, KDwellDone = 1, KHoldDone = 2, KDeparture = 3, KVehicleArrival = 4,
        KVesselReady = 5, KLocoRelease = 6, KSample = 7, KWarmupEnd = 8;
    private const double Week = 168, HoursPerYear = 8760, Month = 730;

    private struct Unit
    {
        public int Stream, Route, Step, End;
        public double ArrivedAt, JoinedAt;
        public int Next;
        public bool InWindow;
    }

    private struct Vehicle
    {
        public int Head, Count, Carrier, Ferry, Direction;
        /// <summary>The timetable slot a train was formed for (it may leave later, waiting for a locomotive).</summary>
        public double ScheduledAt;
    }

    private readonly CorridorPlan _plan;
    private readonly StepPlan[] _steps;
    private readonly Simulator _sim;
    private readonly int _self;
    private readonly RandomStream _rng;           // durations: dwell, handling, running, crossing
    private readonly RandomStream[] _arrivalRng;  // one per stream: common random numbers across scenarios
    private readonly EntityPool<Unit> _units = new(1024);
    private readonly EntityPool<Vehicle> _vehicles = new(256);
    private readonly int _replication;

    public CorridorModel(CorridorPlan plan, long seed, int replication)
    {
        _plan = plan;
        _steps = plan.Steps;
        _replication = replication;
        _sim = new Simulator(0, 4096);
        _self = _sim.Register(this);

        // Sub-streams of the replication's stream by jumps of 2^128 draws: provably disjoint, and the same stream
        // for the same purpose in any scenario run with the same seed (arrivals of stream j, durations, weather).
        var root = RandomStream.Create(seed, replication);
        var weatherRng = root.Clone();
        root.Jump();
        _rng = root.Clone();
        _arrivalRng = new RandomStream[plan.StreamPlans.Length];
        for (int j = 0; j < _arrivalRng.Length; j++)
        {
            root.Jump();
            _arrivalRng[j] = root.Clone();
        }

        int elements = plan.Elements.Count;
        _waitSum = new double[elements];
        _waits = new QuantileSketch[elements];
        for (int e = 0; e < elements; e++) _waits[e] = new QuantileSketch();
        _delaySum = new double[elements];
        _waitCount = new double[elements];
        _weekWaitSum = new double[elements];
        _weekWaitCount = new double[elements];
        _weeks = (int)Math.Floor(plan.HorizonHours / Week);
        _weeklyQueue = new double[elements, _weeks];
        _weeklyWait = new double[elements, _weeks];
        _weeklyWip = new double[_weeks];
        _lastQueueArea = new double[elements];
        _segmentTonnes = new double[plan.Segments.Count, 4];
        _deliveredTonnesByStream = new double[plan.StreamPlans.Length];
        _demandTonnesByStream = new double[plan.StreamPlans.Length];
        _streamTransit = new QuantileSketch[plan.StreamPlans.Length];
        for (int j = 0; j < _streamTransit.Length; j++) _streamTransit[j] = new QuantileSketch();
        _routeTransit = new QuantileSketch[plan.RoutePlans.Length];
        for (int r = 0; r < _routeTransit.Length; r++) _routeTransit[r] = new QuantileSketch();
        _wip = new TimeWeighted(0);

        BuildHandling();
        BuildCarriers();
        BuildFerries();
        BuildWeather(weatherRng);

        foreach (var s in plan.StreamPlans)
            if (s.Route >= 0) ScheduleNextArrival(s.Index, 0);
        _sim.ScheduleAt(plan.WarmupHours, _self, KWarmupEnd, 0, Simulator.SystemPriority);
    }

    /// <summary>Runs the warm-up and the horizon and returns what was measured.</summary>
    public ReplicationResult Run()
    {
        _sim.Run(_plan.EndHours);
        return Collect();
    }

    void IEventHandler.OnEvent(int kind, int entity)
    {
        switch (kind)
        {
            case KArrival: OnArrival(entity); break;
            case KDwellDone: AfterDwell(entity); break;
            case KHoldDone: AfterHold(entity); break;
            case KDeparture: OnDeparture(entity); break;
            case KVehicleArrival: OnVehicleArrival(entity); break;
            case KVesselReady: OnVesselReady(entity >> 1, entity & 1); break;
            case KLocoRelease: _locos[entity].Release(); break;
            case KSample: OnSample(); break;
            case KWarmupEnd: OnWarmupEnd(); break;
        }
    }

    // ---------------------------------------------------------------- arrivals

    private void OnArrival(int stream)
    {
        var s = _plan.StreamPlans[stream];
        double now = _sim.Now;
        bool inWindow = now >= _plan.WarmupHours;
        RandomStream rng = _arrivalRng[stream];
        // One uniform per consignment picks the route, drawn whether or not there is a choice (common random numbers).
        double pick = rng.NextDouble();
        int route = pick < s.AlternativeShare ? s.AlternativeRoute
            : pick < s.AlternativeShare + s.BlockTrainShare ? s.BlockTrainRoute
            : s.Candidates is { } candidates ? ChooseRoute(candidates, s.ValueOfTimePerHour)
            : s.Route;
        var plan = _plan.RoutePlans[route];
        int n = s.ConsignmentUnits;
        if (inWindow)
        {
            _arrived += n;
            _demandTonnesByStream[stream] += n * s.TonnesPerUnit;
        }
        _created += n;

        if (FirstCarrierBacklog(plan.FirstStep) + n > s.BacklogLimitUnits)
        {
            _refusedTotal += n;
            if (inWindow)
            {
                _refused += n;
                _refusedTonnes += n * s.TonnesPerUnit;
            }
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                int u = _units.Allocate();
                ref Unit unit = ref _units[u];
                unit.Stream = stream;
                unit.Route = route;
                unit.Step = plan.FirstStep;
                unit.End = plan.EndStep;
                unit.ArrivedAt = now;
                unit.InWindow = inWindow;
                unit.Next = -1;
                if (inWindow)
                {
                    _undelivered++;
                    _undeliveredTonnes += s.TonnesPerUnit;
                }
                _inSystem++;
                BeginStep(u);
            }
            _wip.Update(now, _inSystem);
        }
        ScheduleNextArrival(stream, now);
    }

    /// <summary>
    /// The next arrival of a Poisson process whose rate is constant within each calendar month: one unit
    /// exponential is spent against the integrated rate, month by month (exact; no thinning, no rejected draws).
    /// </summary>
    private void ScheduleNextArrival(int stream, double now)
    {
        var rates = _plan.StreamPlans[stream].MonthlyRate;
        double budget = _arrivalRng[stream].StandardExponential();
        double t = now, end = _plan.EndHours;
        while (t < end)
        {
            double intoYear = Mod(t - _plan.WarmupHours, HoursPerYear);
            int month = Math.Min(11, (int)(intoYear / Month));
            double left = (month + 1) * Month - intoYear;
            if (month == 11) left = HoursPerYear - intoYear;
            double rate = rates[month];
            if (rate * left >= budget)
            {
                _sim.ScheduleAt(t + budget / rate, _self, KArrival, stream);
                return;
            }
            budget -= rate * left;
            t += left;
        }
    }

    private static double Mod(double x, double m) => ((x % m) + m) % m;

    // ---------------------------------------------------------------- a unit at a boarding node

    private void BeginStep(int u)
    {
        if (_units[u].Step > _plan.RoutePlans[_units[u].Route].FirstStep) Reconsider(u);
        ref StepPlan step = ref _steps[_units[u].Step];
        if (step.Dwell is { } dwell) _sim.Schedule(dwell.Quantile(_rng.NextDouble()), _self, KDwellDone, u);
        else AfterDwell(u);
    }

    private void AfterDwell(int u)
    {
        ref StepPlan step = ref _steps[_units[u].Step];
        if (step.Handling >= 0) _handling[step.Handling].Request(u);
        else if (step.Hold is { } hold) _sim.Schedule(hold.Quantile(_rng.NextDouble()), _self, KHoldDone, u);
        else JoinCarrier(u);
    }

    private void OnHandlingGranted(int handling, int u, double requestedAt)
    {
        RecordWait(_plan.Handling[handling].Element, _sim.Now - requestedAt, _sim.Now - requestedAt, 1);
        _sim.Schedule(_steps[_units[u].Step].Hold!.Quantile(_rng.NextDouble()), _self, KHoldDone, u);
    }

    private void AfterHold(int u)
    {
        int h = _steps[_units[u].Step].Handling;
        if (h >= 0) _handling[h].Release();
        JoinCarrier(u);
    }

    private void JoinCarrier(int u)
    {
        ref Unit unit = ref _units[u];
        unit.JoinedAt = _sim.Now;
        ref StepPlan step = ref _steps[unit.Step];
        if (step.Carrier >= 0) JoinScheduled(step.Carrier, u);
        else JoinFerry(step.Ferry, step.FerryDirection, u);
    }

    /// <summary>A unit leaves its vehicle: on to the next leg, or delivered.</summary>
    private void Alight(int u)
    {
        ref Unit unit = ref _units[u];
        ref StepPlan step = ref _steps[unit.Step];
        double now = _sim.Now;
        if (now >= _plan.WarmupHours) _segmentTonnes[step.Segment, step.Kind] += step.TonnesPerUnit;
        unit.Step++;
        if (unit.Step < unit.End)
        {
            BeginStep(u);
            return;
        }
        Deliver(u, now);
    }

    private void Deliver(int u, double now)
    {
        ref Unit unit = ref _units[u];
        var s = _plan.StreamPlans[unit.Stream];
        _deliveredTotal++;
        if (now >= _plan.WarmupHours)
        {
            double hours = now - unit.ArrivedAt;
            _delivered++;
            _deliveredTonnes += s.TonnesPerUnit;
            if (s.Kind == Caravan.Network.CargoKind.Container) _deliveredTeu += CargoUnits.TeuPerUnit;
            _deliveredTonnesByStream[unit.Stream] += s.TonnesPerUnit;
            _transit.Add(hours);
            _streamTransit[unit.Stream].Add(hours);
            _routeTransit[unit.Route].Add(hours);
            (now < _plan.WarmupHours + _plan.HorizonHours / 2 ? _transitFirstHalf : _transitSecondHalf).Add(hours);
        }
        if (unit.InWindow)
        {
            _undelivered--;
            _undeliveredTonnes -= s.TonnesPerUnit;
        }
        _inSystem--;
        _wip.Update(now, _inSystem);
        _units.Free(u);
    }
}
