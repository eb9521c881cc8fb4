namespace Caravan.Simulation.Corridor;

/// <summary>
/// Adaptive routing: a consignment chooses its route as a forwarder would, on what it can see when it is booked —
/// each candidate's price, its nominal time and the queues waiting now at the trains, vessels and terminals on it.
/// </summary>
public sealed partial class CorridorModel
{
    /// <summary>The candidate with the least price + value of time × (nominal hours + hours of queue ahead); the first on ties.</summary>
    private int ChooseRoute(int[] candidates, double valueOfTimePerHour)
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
    /// Hours the units queued now on a route's resources will take to clear: a train's or a vessel's backlog over
    /// what its departures carry an hour, a terminal's waiting line over what its servers handle an hour.
    /// </summary>
    private double QueueHoursAhead(RoutePlan route)
    {
        double hours = 0;
        for (int i = route.FirstStep; i < route.EndStep; i++)
        {
            ref StepPlan step = ref _steps[i];
            if (step.Handling >= 0 && step.Hold is { } hold)
                hours += _handling[step.Handling].Waiting * hold.Mean / _plan.Handling[step.Handling].Servers;
            if (step.Carrier >= 0)
            {
                var c = _plan.Carriers[step.Carrier];
                hours += _queues[step.Carrier].Count / (c.Capacity * c.DeparturesPerDay / 24);
            }
            else if (step.Ferry >= 0)
            {
                var f = _plan.Ferries[step.Ferry];
                hours += _ferryQueues[2 * step.Ferry + step.FerryDirection].Count / (f.Capacity * f.Vessels / f.RoundTripHours);
            }
        }
        return hours;
    }
}
