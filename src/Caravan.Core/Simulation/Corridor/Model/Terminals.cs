namespace Caravan.Simulation.Corridor;

/// <summary>
/// What happens to a unit at a boarding node before its vehicle: the node's dwell, then — where the node has a
/// handling capacity — a handling server (berth, crane, gauge-change line) held for the handling time, or a pure
/// delay where it has none. Handling servers close while a storm closes their port (see <see cref="Storms"/>).
/// </summary>
internal sealed class Terminals
{
    private readonly CorridorPlan _plan;
    private readonly StepPlan[] _steps;
    private readonly Simulator _sim;
    private readonly RandomStream _durations;
    private readonly EntityPool<CargoUnit> _units;
    private readonly ElementStatistics _elements;
    private readonly Journeys _journeys;
    private readonly EventKind _dwellDone, _holdDone;

    public Terminals(CorridorPlan plan, Simulator sim, RandomStream durations, EntityPool<CargoUnit> units,
        ElementStatistics elements, Journeys journeys)
    {
        _plan = plan;
        _steps = plan.Steps;
        _sim = sim;
        _durations = durations;
        _units = units;
        _elements = elements;
        _journeys = journeys;
        _dwellDone = sim.Register(new DwellDone(this));
        _holdDone = sim.Register(new HoldDone(this));
        Handling = new Resource[plan.Handling.Length];
        for (int h = 0; h < Handling.Length; h++)
        {
            Handling[h] = new Resource(sim, plan.Handling[h].Servers, new HandlingGranted(this, h));
            elements.TrackQueue(plan.Handling[h].Element, Handling[h].QueueLength);
        }
    }

    /// <summary>One resource per handling plan, indexed like <see cref="CorridorPlan.Handling"/>.</summary>
    public Resource[] Handling { get; }

    /// <summary>Units waiting for a handling server.</summary>
    public int Waiting(int handling) => Handling[handling].Waiting;

    /// <summary>The unit reaches the boarding node of its step.</summary>
    public void Enter(int u)
    {
        ref StepPlan step = ref _steps[_units[u].Step];
        if (step.Dwell is { } dwell) _sim.Schedule(dwell.Quantile(_durations.NextDouble()), _dwellDone, u);
        else AfterDwell(u);
    }

    public void ResetStatistics()
    {
        foreach (var r in Handling) r.ResetStatistics();
    }

    private void AfterDwell(int u)
    {
        ref StepPlan step = ref _steps[_units[u].Step];
        if (step.Handling >= 0) Handling[step.Handling].Request(u);
        else if (step.Hold is { } hold) _sim.Schedule(hold.Quantile(_durations.NextDouble()), _holdDone, u);
        else _journeys.Board(u);
    }

    private void OnHandlingGranted(int handling, int u, double requestedAt)
    {
        _elements.RecordWait(_plan.Handling[handling].Element, _sim.Now - requestedAt, _sim.Now - requestedAt, 1);
        _sim.Schedule(_steps[_units[u].Step].Hold!.Quantile(_durations.NextDouble()), _holdDone, u);
    }

    private void AfterHold(int u)
    {
        int h = _steps[_units[u].Step].Handling;
        if (h >= 0) Handling[h].Release();
        _journeys.Board(u);
    }

    private sealed class DwellDone(Terminals terminals) : IEventHandler
    {
        public void OnEvent(int unit) => terminals.AfterDwell(unit);
    }

    private sealed class HoldDone(Terminals terminals) : IEventHandler
    {
        public void OnEvent(int unit) => terminals.AfterHold(unit);
    }

    private sealed class HandlingGranted(Terminals terminals, int handling) : IResourceUser
    {
        public void OnGranted(Resource resource, int entity, double requestedAt) => terminals.OnHandlingGranted(handling, entity, requestedAt);
    }
}
