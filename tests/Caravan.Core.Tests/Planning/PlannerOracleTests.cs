using Caravan.Network;
using Caravan.Planning;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The planner's Pareto set equals the brute-force oracle's, criterion by criterion, on many seeded random
/// networks, with and without a deadline, with constraints and planned routes.
/// </summary>
public class PlannerOracleTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 60).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pareto_set_equals_brute_force(int seed)
    {
        var network = RandomNetworks.Create(seed);
        var rng = new Random(seed * 7919);
        var planner = new Planner(network);
        for (int q = 0; q < 4; q++)
        {
            var from = network.Nodes[rng.Next(network.Nodes.Count)].Id;
            var to = network.Nodes[rng.Next(network.Nodes.Count)].Id;
            if (from == to) continue;
            var ready = Instant.FromUtc(2026, 3, 20, rng.Next(0, 24), 0) + Duration.FromDays(rng.Next(0, 15)); // spans the EU clock change
            var request = new PlanRequest
            {
                From = from, To = to, ReadyTime = ready, Cargo = RandomNetworks.RandomCargo(rng),
                Deadline = rng.Next(2) == 0 ? ready + Duration.FromDays(rng.Next(3, 12)) : null,
                Samples = 32, Seed = (ulong)seed, MaxRides = 4,
                Constraints = new PlanConstraints
                {
                    IncludePlanned = rng.Next(2) == 0,
                    AvoidModes = rng.Next(5) == 0 ? new HashSet<TransportMode> { TransportMode.Road } : new HashSet<TransportMode>(),
                    AvoidCountries = rng.Next(8) == 0 ? new HashSet<string> { "AZ" } : new HashSet<string>(),
                },
            };

            var expected = new BruteForceOracle(network, request).ParetoSet();
            var actual = planner.Plan(request).Itineraries;

            var exp = expected.Select(Key).OrderBy(x => x).ToList();
            var act = actual.Select(i => Key(new BruteForceOracle.Criteria(
                i.Arrival.ToUnixTimeSeconds(), i.TotalCost, i.Emissions.Co2eWTW, i.OnTimeProbability))).OrderBy(x => x).ToList();
            Assert.Equal(exp, act);
        }
    }

    [Fact]
    public void Most_random_queries_have_itineraries()
    {
        int withAnswers = 0, multi = 0;
        for (int seed = 1; seed <= 60; seed++)
        {
            var network = RandomNetworks.Create(seed);
            var planner = new Planner(network);
            foreach (var from in network.Nodes)
                foreach (var to in network.Nodes)
                {
                    if (from == to) continue;
                    var r = planner.Plan(new PlanRequest
                    {
                        From = from.Id, To = to.Id, ReadyTime = Instant.FromUtc(2026, 3, 25, 0, 0),
                        Cargo = new Shipments.Cargo { Kind = CargoKind.Container, Containers40 = 2 }, Samples = 32, MaxRides = 4,
                    });
                    if (r.Itineraries.Count > 0) withAnswers++;
                    if (r.Itineraries.Count > 1) multi++;
                }
        }
        // The oracle comparison is only meaningful if the random networks produce real choices.
        Assert.True(withAnswers > 200, $"only {withAnswers} queries had an answer");
        Assert.True(multi > 50, $"only {multi} of {withAnswers} queries had more than one Pareto itinerary");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(29)]
    public void Earliest_arrival_equals_the_fastest_itinerary_of_the_oracle(int seed)
    {
        var network = RandomNetworks.Create(seed);
        var planner = new Planner(network);
        foreach (var to in network.Nodes.Skip(1))
        {
            var request = new PlanRequest
            {
                From = network.Nodes[0].Id, To = to.Id, ReadyTime = Instant.FromUtc(2026, 6, 1, 6, 0),
                Cargo = new Shipments.Cargo { Kind = CargoKind.Container, Containers40 = 3 }, Samples = 16, MaxRides = 4,
                Constraints = new PlanConstraints { IncludePlanned = true },
            };
            var oracle = new BruteForceOracle(network, request);
            oracle.ParetoSet();
            var best = oracle.All.Count == 0 ? (long?)null : oracle.All.Min(c => c.Arrival);
            Assert.Equal(best, planner.EarliestArrival(request)?.Arrival.ToUnixTimeSeconds());
        }
    }

    private static string Key(BruteForceOracle.Criteria c) =>
        $"{c.Arrival}|{c.Cost:F2}|{c.Co2eGrams:F3}|{c.OnTime?.ToString("F4") ?? "-"}";
}
