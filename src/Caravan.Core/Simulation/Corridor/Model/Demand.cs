namespace Caravan.Simulation.Corridor;

/// <summary>
/// The demand streams: consignments arrive per stream as a Poisson process whose rate changes by calendar month,
/// pick their route (a share to the alternative or the block train, the rest adaptively or on the main route), and
/// are refused when the queue at their first carrier is beyond the stream's backlog limit. Each stream draws from
/// its own random stream, so scenarios run with one seed see the same arrivals (common random numbers).
/// </summary>
internal sealed class Demand
{
    private readonly CorridorPlan _plan;
    private readonly StepPlan[] _steps;
    private readonly Simulator _sim;
    private readonly RandomStream[] _arrivalRng;
    private readonly EntityPool<CargoUnit> _units;
    private readonly FlowStatistics _flow;
    private readonly AdaptiveRouting _routing;
    private readonly Trains _trains;
    private readonly Vessels _vessels;
    private readonly Journeys _journeys;
    private readonly EventKind _arrival;

    public Demand(CorridorPlan plan, Simulator sim, RandomStream[] arrivalRng, EntityPool<CargoUnit> units, FlowStatistics flow,
        AdaptiveRouting routing, Trains trains, Vessels vessels, Journeys journeys)
    {
        _plan = plan;
        _steps = plan.Steps;
        _sim = sim;
        _arrivalRng = arrivalRng;
        _units = units;
        _flow = flow;
        _routing = routing;
        _trains = trains;
        _vessels = vessels;
        _journeys = journeys;
        _arrival = sim.Register(new ConsignmentArrival(this));
    }

    /// <summary>Schedules the first consignment of every stream that has a route.</summary>
    public void Start()
    {
        foreach (var s in _plan.StreamPlans)
            if (s.Route >= 0) ScheduleNextArrival(s.Index, 0);
    }

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
            : s.Candidates is { } candidates ? _routing.ChooseRoute(candidates, s.ValueOfTimePerHour)
            : s.Route;
        var plan = _plan.RoutePlans[route];
        int n = s.ConsignmentUnits;
        _flow.ConsignmentArrived(stream, n, s.TonnesPerUnit, inWindow);

        if (FirstCarrierBacklog(plan.FirstStep) + n > s.BacklogLimitUnits)
        {
            _flow.ConsignmentRefused(n, s.TonnesPerUnit, inWindow);
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                int u = _units.Allocate();
                ref CargoUnit unit = ref _units[u];
                unit.Stream = stream;
                unit.Route = route;
                unit.Step = plan.FirstStep;
                unit.End = plan.EndStep;
                unit.ArrivedAt = now;
                unit.InWindow = inWindow;
                unit.Next = -1;
                _flow.UnitEntered(s.TonnesPerUnit, inWindow);
                _journeys.BeginStep(u);
            }
            _flow.UpdateUnitsInSystem(now);
        }
        ScheduleNextArrival(stream, now);
    }

    /// <summary>Units queued at the first carrier of a route: what a new consignment would wait behind.</summary>
    private int FirstCarrierBacklog(int firstStep)
    {
        ref StepPlan step = ref _steps[firstStep];
        if (step.Carrier >= 0) return _trains.Waiting(step.Carrier);
        return _vessels.Routes[step.Ferry].Backlog(step.FerryDirection);
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
            double intoYear = CorridorTime.Mod(t - _plan.WarmupHours, CorridorTime.HoursPerYear);
            int month = Math.Min(11, (int)(intoYear / CorridorTime.Month));
            double left = (month + 1) * CorridorTime.Month - intoYear;
            if (month == 11) left = CorridorTime.HoursPerYear - intoYear;
            double rate = rates[month];
            if (rate * left >= budget)
            {
                _sim.ScheduleAt(t + budget / rate, _arrival, stream);
                return;
            }
            budget -= rate * left;
            t += left;
        }
    }

    private sealed class ConsignmentArrival(Demand demand) : IEventHandler
    {
        public void OnEvent(int stream) => demand.OnArrival(stream);
    }
}
