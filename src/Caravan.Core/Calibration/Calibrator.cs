using Caravan.Network;
using Caravan.Planning;
using Caravan.Simulation.Corridor;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Calibration;

/// <summary>One check's outcome: the model's value (null when it could not be measured, with the reason in the note).</summary>
public sealed record CalibrationCheck(CalibrationTarget Target, double? Model, bool Pass, string? Note);

public sealed record CalibrationReport(string Network, string NetworkVersion, int Replications, long Seed, IReadOnlyList<CalibrationCheck> Checks)
{
    /// <summary>The simulated ferry waits the planner used, or null when it used the file's fill times.</summary>
    public WaitSet? WaitSet { get; init; }

    public int Passed => Checks.Count(c => c.Pass);
    public int Failed => Checks.Count - Passed;
}

/// <summary>
/// Holds a network and its scenarios to the published figures of a <see cref="CalibrationTable"/>: each scenario a
/// check names is simulated once (replications in parallel, common seed), the planner answers the block-train
/// checks, and the network itself answers the running-time checks.
/// </summary>
public static class Calibrator
{
    /// <summary>A Monday in an ordinary week of 2024; block-train checks plan from each of its seven days.</summary>
    private static readonly LocalDate Week = new(2024, 3, 4);

    public static CalibrationReport Run(CalibrationTable table, NetworkModel network, int replications, long seed,
        Action<string>? progress = null)
    {
        var simulated = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
        var failedScenarios = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in table.Targets.Select(t => t.Measure.Scenario).OfType<string>().Distinct())
        {
            progress?.Invoke($"simulating {name}");
            try
            {
                simulated[name] = ScenarioRunner.Run(ScenarioLoader.Load(name), network, replications, seed);
            }
            catch (ScenarioLoadException e)
            {
                failedScenarios[name] = $"scenario {name} does not load: {e.Errors[0]}";
            }
        }

        var planner = new Planner(network);
        var checks = new List<CalibrationCheck>();
        foreach (var target in table.Targets)
        {
            progress?.Invoke($"checking {target.Id}");
            var (model, note) = target.Measure switch
            {
                { Scenario: { } s } when failedScenarios.TryGetValue(s, out var why) => (null, why),
                DeliveredMegatonnes m => (simulated[m.ScenarioName].DeliveredTonnesPerYear.Mean / 1e6, (string?)null),
                DeliveredTeu m => (simulated[m.ScenarioName].DeliveredTeuPerYear.Mean, null),
                BlockTrainTeu m => (BlockTrainTeuPerYear(simulated[m.ScenarioName], network), null),
                BlockTrainDays m => BlockTrainTransitDays(planner, m),
                RunningHours m => ServiceRunningHours(network, m),
                _ => throw new InvalidOperationException($"No calibration measure for {target.Measure.GetType().Name}."),
            };
            checks.Add(new CalibrationCheck(target, model, model is { } v && target.Tolerance.Contains(v), note));
        }
        return new CalibrationReport(network.Name, network.Version, replications, seed, checks) { WaitSet = network.Waits };
    }

    /// <summary>Containers delivered on routes that leave on a block train, TEU a year (counted unit by unit).</summary>
    private static double BlockTrainTeuPerYear(ScenarioResult result, NetworkModel network)
    {
        var products = network.Services.ToDictionary(s => s.Id, s => s.Product, StringComparer.Ordinal);
        var containers = result.Plan.Streams.Where(s => s.Cargo == CargoKind.Container).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, result.Plan.Routes.Count)
            .Where(r => containers.Contains(result.Plan.Routes[r].Stream) && products[result.Plan.Routes[r].Services[0]] == ServiceProduct.BlockTrain)
            .Sum(r => result.RouteUnitsPerYear(r).Mean * CargoUnits.TeuPerUnit);
    }

    private static (double?, string?) BlockTrainTransitDays(Planner planner, BlockTrainDays m)
    {
        var days = new List<double>();
        var zone = planner.Network.NodesById.TryGetValue(m.From, out var origin) ? origin.TimeZone : DateTimeZone.Utc;
        for (int d = 0; d < 7; d++)
        {
            var ready = Week.PlusDays(d).At(new LocalTime(8, 0)).InZoneLeniently(zone).ToInstant();
            PlanResult result;
            try
            {
                result = planner.Plan(new PlanRequest
                {
                    From = m.From, To = m.To, ReadyTime = ready,
                    Cargo = CargoUnits.PlanningCargo(CargoKind.Container),
                    Constraints = new PlanConstraints { BlockTrainsOnly = true },
                });
            }
            catch (PlanRequestException e)
            {
                return (null, $"the planner refuses the trip ({e.Field}: found '{e.Value}', expected {e.Expected})");
            }
            var best = result.Itineraries
                .Select(i => (i.ArrivalDistribution.P50 - i.Departure).TotalDays)
                .DefaultIfEmpty(double.NaN)
                .Min();
            if (double.IsNaN(best)) return (null, $"the planner offers no block-train itinerary from {m.From} to {m.To}");
            days.Add(best);
        }
        return (days.Average(), null);
    }

    private static (double?, string?) ServiceRunningHours(NetworkModel network, RunningHours m)
    {
        var service = network.Services.FirstOrDefault(s => s.Id == m.Service);
        if (service is null) return (null, $"the network has no service {m.Service}");
        int from = service.IndexOfStop(m.From), to = from < 0 ? -1 : service.IndexOfStop(m.To, from + 1);
        if (from < 0 || to < 0) return (null, $"service {m.Service} does not run from {m.From} to {m.To}");
        return (service.Legs.Skip(from).Take(to - from).Sum(l => l.Link.RunningTime.Median), null);
    }
}
