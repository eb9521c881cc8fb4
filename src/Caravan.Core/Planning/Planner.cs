using System.Collections.Concurrent;
using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning.Compiled;
using Caravan.Planning.Search;
using Caravan.Tariffs;
using Caravan.Planning.Requests;

namespace Caravan.Planning;

/// <summary>
/// Plans shipments on one network: the Pareto set of itineraries over arrival time, cost, CO2e and, with a
/// deadline, the probability of arriving by it. Thread-safe; build once per network and reuse.
/// </summary>
public sealed class Planner
{
    public NetworkModel Network { get; }

    private readonly CompiledNetwork _net;
    private readonly TariffCalculator _tariffs;
    private readonly EmissionCalculator _emissions;
    private readonly ConcurrentDictionary<(ulong Seed, int Count), SampleTable> _draws = new();

    public Planner(NetworkModel network)
    {
        Network = network;
        _net = new CompiledNetwork(network);
        _tariffs = new TariffCalculator(network);
        _emissions = new EmissionCalculator(network);
    }

    /// <summary>
    /// The Pareto set of itineraries, fastest first. Throws <see cref="PlanRequestException"/> naming the field when
    /// the request is invalid; an empty list means the cargo cannot be moved as asked.
    /// </summary>
    public PlanResult Plan(PlanRequest request)
    {
        var query = Prepare(request);
        var draws = Draws(request);
        var search = new LabelSearch(query, request.Deadline is null ? null : draws, SearchProfile.Pareto);
        var targets = search.Run();
        var builder = new ItineraryBuilder(query, search, new RideTiming(query, draws));
        var itineraries = ParetoFilter(targets.Select(builder.Build).ToList());
        return new PlanResult(request, Network.Currencies.QuoteCurrency, itineraries);
    }

    /// <summary>The itinerary with the earliest nominal arrival (a time-dependent Dijkstra), or null when there is none.</summary>
    public Itinerary? EarliestArrival(PlanRequest request)
    {
        var query = Prepare(request);
        var search = new LabelSearch(query, null, SearchProfile.EarliestArrival);
        var targets = search.Run();
        if (targets.Count == 0) return null;
        return new ItineraryBuilder(query, search, new RideTiming(query, Draws(request))).Build(targets[0]);
    }

    /// <summary>Draw tables are cached for the few (seed, count) pairs in use; past that a server's clients could grow it without bound.</summary>
    private const int MaxCachedDrawTables = 8;

    private SampleTable Draws(PlanRequest request)
    {
        var key = (request.Seed, request.Samples);
        if (_draws.TryGetValue(key, out var table)) return table;
        table = new SampleTable(_net, key.Seed, key.Samples);
        return _draws.Count < MaxCachedDrawTables ? _draws.GetOrAdd(key, table) : table;
    }

    private QueryContext Prepare(PlanRequest request)
    {
        PlanRequestValidator.Validate(request, Network);
        return new QueryContext(_net, request, _tariffs, _emissions);
    }

    /// <summary>
    /// Keeps the itineraries no other beats or equals in every criterion (equal ones once), fastest first.
    /// </summary>
    internal static IReadOnlyList<Itinerary> ParetoFilter(IReadOnlyList<Itinerary> candidates)
    {
        var kept = new List<Itinerary>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var a = candidates[i];
            bool dominated = false;
            for (int j = 0; j < candidates.Count && !dominated; j++)
            {
                if (i == j) continue;
                var b = candidates[j];
                bool noWorse = b.Arrival <= a.Arrival && b.TotalCost <= a.TotalCost
                    && b.Emissions.Co2eWTW <= a.Emissions.Co2eWTW
                    && (b.OnTimeProbability ?? 0) >= (a.OnTimeProbability ?? 0);
                bool equal = b.Arrival == a.Arrival && b.TotalCost == a.TotalCost
                    && b.Emissions.Co2eWTW == a.Emissions.Co2eWTW && b.OnTimeProbability == a.OnTimeProbability;
                // Of equal ones keep the first (the one with fewer rides comes first from the search).
                dominated = noWorse && (!equal || j < i);
            }
            if (!dominated) kept.Add(a);
        }
        return kept.OrderBy(x => x.Arrival).ThenBy(x => x.TotalCost).ThenBy(x => x.Emissions.Co2eWTW).ToList();
    }
}

/// <summary>A request the planner cannot answer as asked: names the field, the value and what was expected.</summary>
public sealed class PlanRequestException(string field, string? value, string expected)
    : Exception($"{field}: found {(value is null ? "nothing" : $"'{value}'")}, expected {expected}")
{
    public string Field { get; } = field;
    public string? Value { get; } = value;
    public string Expected { get; } = expected;
}
