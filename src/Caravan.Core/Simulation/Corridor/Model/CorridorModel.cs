namespace Caravan.Simulation.Corridor;

/// <summary>
/// One replication of a <see cref="CorridorPlan"/> on the engine. Units (wagon loads) arrive per stream
/// (<see cref="Demand"/>), pass the terminal at each boarding node (<see cref="Terminals"/>), wait for their
/// service's departure — a timetable or interval train (<see cref="Trains"/>, <see cref="Locomotives"/>) or a ferry
/// that sails when full with a finite fleet shuttling between two ports (<see cref="Vessels"/>) — ride, and go on
/// to the next ride until delivered (<see cref="Journeys"/>). Storms close ports (<see cref="Storms"/>); adaptive
/// streams choose among routes by the queues they see (<see cref="AdaptiveRouting"/>). This class only builds the
/// parts, starts them in a fixed order and collects the result. Entity state lives in pools and vehicles carry
/// their units as intrusive linked lists, so the hot path allocates nothing.
/// </summary>
public sealed class CorridorModel
{
    private readonly CorridorPlan _plan;
    private readonly Simulator _sim;
    private readonly int _replication;
    private readonly EntityPool<CargoUnit> _units = new(1024);
    private readonly FlowStatistics _flow;
    private readonly ElementStatistics _elements;
    private readonly Terminals _terminals;
    private readonly Trains _trains;
    private readonly Vessels _vessels;
    private readonly Storms _storms;

    public CorridorModel(CorridorPlan plan, long seed, int replication)
    {
        _plan = plan;
        _replication = replication;
        _sim = new Simulator(0, 4096);

        // Sub-streams of the replication's stream by jumps of 2^128 draws: provably disjoint, and the same stream
        // for the same purpose in any scenario run with the same seed (arrivals of stream j, durations, weather).
        var root = RandomStream.Create(seed, replication);
        var weatherRng = root.Clone();
        root.Jump();
        var durations = root.Clone(); // dwell, handling, running, crossing: shared, drawn in event order
        var arrivalRng = new RandomStream[plan.StreamPlans.Length];
        for (int j = 0; j < arrivalRng.Length; j++)
        {
            root.Jump();
            arrivalRng[j] = root.Clone();
        }

        _flow = new FlowStatistics(plan);
        _elements = new ElementStatistics(plan, _sim, _flow);
        var journeys = new Journeys(plan, _sim, _units, _flow);
        _terminals = new Terminals(plan, _sim, durations, _units, _elements, journeys);
        _trains = new Trains(plan, _sim, durations, _units, _elements, journeys);
        _storms = new Storms(plan, weatherRng);
        _vessels = new Vessels(plan, _sim, durations, _units, _elements, _storms, journeys);
        var routing = new AdaptiveRouting(plan, _sim, _units, _flow, _terminals, _trains, _vessels);
        journeys.Connect(_terminals, _trains, _vessels, routing);
        var demand = new Demand(plan, _sim, arrivalRng, _units, _flow, routing, _trains, _vessels, journeys);

        // The calendar breaks ties by the order of scheduling, so this order is part of the model's output.
        _trains.ScheduleFirstDepartures();
        _storms.CloseTerminals(_sim, _terminals);
        demand.Start();
        _sim.ScheduleAt(plan.WarmupHours, _sim.Register(new WarmupEnd(this)), 0, Simulator.SystemPriority);
    }

    /// <summary>Runs the warm-up and the horizon and returns what was measured.</summary>
    public ReplicationResult Run()
    {
        _sim.Run(_plan.EndHours);
        return ReplicationSummary.Collect(new ReplicationSummary.Parts(_plan, _sim, _replication,
            _units.Live, _flow, _elements, _terminals, _trains, _vessels, _storms));
    }

    /// <summary>Warm-up deletion: every time-weighted statistic starts afresh, and the weekly samples begin.</summary>
    private void OnWarmupEnd()
    {
        double now = _sim.Now;
        _terminals.ResetStatistics();
        _trains.ResetStatistics(now);
        _vessels.ResetStatistics(now);
        _flow.StartWindow(now);
        _elements.StartWindow();
    }

    private sealed class WarmupEnd(CorridorModel model) : IEventHandler
    {
        public void OnEvent(int entity) => model.OnWarmupEnd();
    }
}
