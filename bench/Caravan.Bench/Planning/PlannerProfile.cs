using System.Collections;
using System.Diagnostics;
using System.Reflection;
using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Compiled;
using Caravan.Planning.Search;
using Caravan.Tariffs;
using Caravan.Planning.Requests;

namespace Caravan.Bench.Planning;

/// <summary>Mean milliseconds per query in each stage of a plan, and what the search did, for finding where time goes.</summary>
public sealed record PlanProfile(
    string Case,
    int Queries,
    double ValidateMs,
    double QueryContextMs,
    double SampleTableMs,
    double SearchMs,
    double ItinerariesMs,
    double TotalMs,
    double LabelsPerQuery,
    double RidesPricedPerQuery,
    double RidePricingMs, // re-pricing the rides the search priced (tariff + emissions), timed apart: the search's pricing cost

    double TargetsPerQuery)
{
    /// <summary>The per-query mean over profiles of single queries.</summary>
    public static PlanProfile Mean(string name, IReadOnlyList<PlanProfile> profiles)
    {
        int n = profiles.Sum(p => p.Queries);
        double M(Func<PlanProfile, double> f) => profiles.Sum(p => f(p) * p.Queries) / Math.Max(1, n);
        return new PlanProfile(name, n, M(p => p.ValidateMs), M(p => p.QueryContextMs), M(p => p.SampleTableMs), M(p => p.SearchMs),
            M(p => p.ItinerariesMs), M(p => p.TotalMs), M(p => p.LabelsPerQuery), M(p => p.RidesPricedPerQuery), M(p => p.RidePricingMs),
            M(p => p.TargetsPerQuery));
    }

    public string Describe() =>
        $"{Case} ({Queries} queries, mean per query): total {Latency.Format(TotalMs)} = validate {Latency.Format(ValidateMs)}"
        + $" + query context {Latency.Format(QueryContextMs)} + sample table {Latency.Format(SampleTableMs)}"
        + $" + search {Latency.Format(SearchMs)} + itineraries {Latency.Format(ItinerariesMs)};"
        + $" {LabelsPerQuery:N0} labels, {TargetsPerQuery:N1} labels at the destination,"
        + (RidesPricedPerQuery > 0 ? $" {RidesPricedPerQuery:N0} distinct rides priced costing ≈ {Latency.Format(RidePricingMs)} of the search" : "");
}

/// <summary>
/// Replays <see cref="Planner.Plan"/> / <see cref="Planner.EarliestArrival"/> stage by stage with the planner's own
/// internal types (the bench has internals access) and a stopwatch around each stage. The stages are the planner's:
/// validation, the per-request <see cref="QueryContext"/>, the draws, the label search and building itineraries.
/// </summary>
internal sealed class PlannerProfile
{
    private static readonly FieldInfo LabelCount = typeof(LabelSearch).GetField("_labelCount", BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly NetworkModel _model;
    private readonly CompiledNetwork _net;
    private readonly TariffCalculator _tariffs;
    private readonly EmissionCalculator _emissions;

    public PlannerProfile(NetworkModel model)
    {
        _model = model;
        _net = new CompiledNetwork(model);
        _tariffs = new TariffCalculator(model);
        _emissions = new EmissionCalculator(model);
    }

    public PlanProfile Run(string name, IReadOnlyList<PlanRequest> requests, bool earliestArrivalOnly)
    {
        double validate = 0, context = 0, sampleTable = 0, search = 0, build = 0, pricing = 0, labels = 0, rides = 0, targets = 0;
        var tables = new Dictionary<(ulong, int), SampleTable>();
        foreach (var request in requests)
        {
            long t = Stopwatch.GetTimestamp();
            PlanRequestValidator.Validate(request, _model);
            validate += Lap(ref t);
            var q = new QueryContext(_net, request, _tariffs, _emissions);
            context += Lap(ref t);
            // The planner caches its sample table per (seed, count) across queries; so does this replay.
            if (!tables.TryGetValue((request.Seed, request.Samples), out var draws))
                tables[(request.Seed, request.Samples)] = draws = new SampleTable(_net, request.Seed, request.Samples);
            sampleTable += Lap(ref t);
            var labelSearch = new LabelSearch(q, earliestArrivalOnly || request.Deadline is null ? null : draws,
                earliestArrivalOnly ? SearchProfile.EarliestArrival : SearchProfile.Pareto);
            var found = labelSearch.Run();
            search += Lap(ref t);
            var builder = new ItineraryBuilder(q, labelSearch, new RideTiming(q, draws));
            if (earliestArrivalOnly) { if (found.Count > 0) builder.Build(found[0]); }
            else Planner.ParetoFilter(found.Select(builder.Build).ToList());
            build += Lap(ref t);

            labels += (int)LabelCount.GetValue(labelSearch)!;
            targets += found.Count;
            // Rides are priced lazily per service inside the query context now (RideTariff), timed within the search.
        }
        int n = Math.Max(1, requests.Count);
        return new PlanProfile(name, requests.Count, validate / n, context / n, sampleTable / n, search / n, build / n,
            (validate + context + sampleTable + search + build) / n, labels / n, rides / n, pricing / n, targets / n);
    }

    private static double Lap(ref long t)
    {
        double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        t = Stopwatch.GetTimestamp();
        return ms;
    }
}
