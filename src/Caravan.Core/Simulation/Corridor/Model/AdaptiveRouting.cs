namespace Caravan.Simulation.Corridor;

/// <summary>
/// Adaptive routing: a consignment chooses its route as a forwarder would, on what it can see when it is booked —
/// each candidate's price, its nominal time and the queues waiting now at the trains, vessels and terminals on it.
/// </summary>
internal sealed class AdaptiveRouting
{
    private readonly CorridorPlan _plan;
    private readonly StepPlan[] _steps;
    private readonly Simulator _sim;
    private readonly EntityPool<CargoUnit> _units;
    private readonly FlowStatistics _flow;
    private readonly Terminals _terminals;
    private readonly Trains _trains;
    private readonly Vessels _vessels;

    public AdaptiveRouting(CorridorPlan plan, Simulator sim, EntityPool<CargoUnit> units, FlowStatistics flow,
        Terminals terminals, Trains trains, Vessels vessels)
    {
        _plan = plan;
        _steps = plan.Steps;
        _sim = sim;
        _units = units;
        _flow = flow;
        _terminals = terminals;
        _trains = trains;
        _vessels = vessels;
    }

    /// <summary>The candidate with the least price + value of time × (nominal hours + hours of queue ahead); the first on ties.</summary>
    public int ChooseRoute(int[] candidates, double valueOfTimePerHour)
    {
        int best = candidates[0];
        double bestCost = double.PositiveInfinity;
        foreach (int r in candidates)
        {
            var route = _plan.RoutePlans[r];
            double cost = route.CostPerUnit + valueOfTimePerHour * (route.NominalHours + QueueHoursAhead(route));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = r;
            }
        }
        return best;
    }

    /// <summary>
    /// A decision point: a unit of an adaptive stream that reaches a node on its route may switch to another
    /// candidate that rode the same services so far (Aktau: the container ship, the rail ferry or the Ro-Ro; Beyneu:
    /// Aktau or Kuryk), if what remains of it costs less in price + value of time × (nominal hours + queue ahead).
    /// </summary>
    public void Reconsider(int u)
    {
        ref CargoUnit unit = ref _units[u];
        var stream = _plan.StreamPlans[unit.Stream];
        if (stream.Candidates is not { } candidates || stream.SharedRides is not { } shared) return;
        int here = Array.IndexOf(candidates, unit.Route);
        if (here < 0) return; // a booked route (fastest, block train) is not reconsidered
        int ride = unit.Step - _plan.RoutePlans[unit.Route].FirstStep;
        int best = unit.Route;
        double bestCost = RemainingCost(unit.Route, ride, stream.ValueOfTimePerHour);
        for (int k = 0; k < candidates.Length; k++)
        {
            if (k == here || shared[here, k] < ride) continue;
            double cost = RemainingCost(candidates[k], ride, stream.ValueOfTimePerHour);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = candidates[k];
            }
        }
        if (best == unit.Route) return;
        _flow.UnitRerouted(_sim.Now);
        var to = _plan.RoutePlans[best];
        unit.Route = best;
        unit.Step = to.FirstStep + ride;
        unit.End = to.EndStep;
    }

    /// <summary>What is left of a route from its ride <paramref name="ride"/> on: price + value of time × (nominal hours + queue ahead).</summary>
    private double RemainingCost(int r, int ride, double valueOfTimePerHour)
    {
        var route = _plan.RoutePlans[r];
        double cost = 0, hours = 0;
        for (int i = ride; i < route.RideCost.Length; i++)
        {
            cost += route.RideCost[i];
            hours += route.RideHours[i];
        }
        return cost + valueOfTimePerHour * (hours + QueueHoursAhead(route, route.FirstStep + ride));
    }

    /// <summary>
    /// Hours the units queued now on a route's resources will take to clear: a train's or a vessel's backlog over
    /// what its departures carry an hour, a terminal's waiting line over what its servers handle an hour.
    /// </summary>
    private double QueueHoursAhead(RoutePlan route, int fromStep = -1)
    {
        double hours = 0;
        for (int i = fromStep < 0 ? route.FirstStep : fromStep; i < route.EndStep; i++)
        {
            ref StepPlan step = ref _steps[i];
            if (step.Handling >= 0 && step.Hold is { } hold)
                hours += _terminals.Waiting(step.Handling) * hold.Mean / _plan.Handling[step.Handling].Servers;
            if (step.Carrier >= 0)
            {
                var c = _plan.Carriers[step.Carrier];
                hours += _trains.Waiting(step.Carrier) / (c.Capacity * c.DeparturesPerDay / 24);
            }
            else if (step.Ferry >= 0)
            {
                var f = _plan.Ferries[step.Ferry];
                hours += _vessels.Routes[step.Ferry].Waiting[(int)step.FerryDirection].Count / (f.Capacity * f.Vessels / f.RoundTripHours);
            }
        }
        return hours;
    }
}
