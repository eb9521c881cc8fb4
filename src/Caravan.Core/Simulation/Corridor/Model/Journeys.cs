namespace Caravan.Simulation.Corridor;

/// <summary>
/// A unit's way along its route, ride by ride: at each boarding node it passes the terminal (dwell, handling), joins
/// the queue of its train or ferry, rides, and alights to begin the next ride or to be delivered. The flow is a loop
/// (what alights boards again), so the components it passes through are connected after they are built.
/// </summary>
internal sealed class Journeys
{
    private readonly CorridorPlan _plan;
    private readonly StepPlan[] _steps;
    private readonly Simulator _sim;
    private readonly EntityPool<CargoUnit> _units;
    private readonly FlowStatistics _flow;
    private Terminals? _terminals;
    private Trains? _trains;
    private Vessels? _vessels;
    private AdaptiveRouting? _routing;

    public Journeys(CorridorPlan plan, Simulator sim, EntityPool<CargoUnit> units, FlowStatistics flow)
    {
        _plan = plan;
        _steps = plan.Steps;
        _sim = sim;
        _units = units;
        _flow = flow;
    }

    public void Connect(Terminals terminals, Trains trains, Vessels vessels, AdaptiveRouting routing)
    {
        _terminals = terminals;
        _trains = trains;
        _vessels = vessels;
        _routing = routing;
    }

    private Terminals Terminals => _terminals ?? throw NotConnected();
    private Trains Trains => _trains ?? throw NotConnected();
    private Vessels Vessels => _vessels ?? throw NotConnected();
    private AdaptiveRouting Routing => _routing ?? throw NotConnected();

    private static InvalidOperationException NotConnected() => new("Journeys.Connect must be called before the simulation runs.");

    /// <summary>The unit is at the boarding node of its current step (a decision point for adaptive routing after the first).</summary>
    public void BeginStep(int u)
    {
        if (_units[u].Step > _plan.RoutePlans[_units[u].Route].FirstStep) Routing.Reconsider(u);
        Terminals.Enter(u);
    }

    /// <summary>The terminal is done with the unit: it queues for its train or ferry.</summary>
    public void Board(int u)
    {
        ref CargoUnit unit = ref _units[u];
        unit.JoinedAt = _sim.Now;
        ref StepPlan step = ref _steps[unit.Step];
        if (step.Carrier >= 0) Trains.Join(step.Carrier, u);
        else Vessels.Join(step.Ferry, step.FerryDirection, u);
    }

    /// <summary>A unit leaves its vehicle: on to the next ride, or delivered.</summary>
    public void Alight(int u)
    {
        ref CargoUnit unit = ref _units[u];
        double now = _sim.Now;
        _flow.RideCompleted(_steps[unit.Step], now);
        unit.Step++;
        if (unit.Step < unit.End)
        {
            BeginStep(u);
            return;
        }
        _flow.UnitDelivered(unit, now);
        _units.Free(u);
    }
}
