using Caravan.Network;
using Caravan.Planning;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Simulation.Corridor;

/// <summary>One simulated route beside the planner's answer for the same services.</summary>
public sealed record RouteAgreement(StreamRoute Route, double SimulatedP50Days, double PlannerP50Days)
{
    public double Ratio => PlannerP50Days / SimulatedP50Days;
}

/// <summary>
/// Holds the planner to the simulation: for each route a scenario's streams take, the planner is asked the same trip
/// on the same services, ready at every 4 hours of a week (the simulation's consignments arrive at all hours), and
/// the mean of its median transits is set beside the route's simulated median transit.
/// </summary>
public static class RouteAgreementCheck
{
    private static readonly Instant Monday = Instant.FromUtc(2024, 3, 4, 0, 0);

    /// <summary>Below this many units a year a route's simulated median rests on too few units to compare.</summary>
    public const double MinUnitsPerYear = 200;

    public static IReadOnlyList<RouteAgreement> Compare(ScenarioResult result, Func<StreamInfo, bool> streams)
    {
        var planner = new Planner(result.Plan.Network);
        var list = new List<RouteAgreement>();
        for (int r = 0; r < result.Plan.Routes.Count; r++)
        {
            var route = result.Plan.Routes[r];
            var stream = result.Plan.Streams.Single(s => s.Id == route.Stream);
            // Routes the consignments actually took (an adaptive candidate may go unused).
            if (!streams(stream) || result.RouteUnitsPerYear(r).Mean < MinUnitsPerYear) continue;
            var services = route.Services.ToHashSet(StringComparer.Ordinal);
            var days = new List<double>();
            for (int h = 0; h < 7 * 24; h += 4)
            {
                var plan = planner.Plan(new PlanRequest
                {
                    From = stream.From, To = stream.To, ReadyTime = Monday.Plus(Duration.FromHours(h)),
                    Cargo = CargoUnits.PlanningCargo(stream.Cargo),
                    Constraints = new PlanConstraints
                    {
                        OnlyServices = services, IncludePlanned = result.Plan.Scenario.IncludePlanned,
                        AvoidCountries = result.Plan.Scenario.AvoidCountries.ToHashSet(StringComparer.Ordinal),
                    },
                });
                if (plan.Itineraries.Count > 0) days.Add(plan.Itineraries.Min(i => (i.ArrivalDistribution.P50 - i.ReadyTime).TotalDays));
            }
            if (days.Count > 0) list.Add(new RouteAgreement(route, result.RouteTransitP50Days(r).Mean, days.Average()));
        }
        return list;
    }
}
