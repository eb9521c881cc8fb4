using BenchmarkDotNet.Attributes;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Requests;

namespace Caravan.Bench.Planning;

/// <summary>
/// BenchmarkDotNet view of case (a): full Pareto <see cref="Planner.Plan"/> on the default network, one benchmark per
/// query of <see cref="BenchQueries.DefaultNetwork"/>. Run with
/// <c>dotnet run -c Release --project bench/Caravan.Bench -- --filter '*DefaultNetworkPlan*'</c>; the <c>plan</c>
/// command gives the same figures faster, with the large network and the baseline.
/// </summary>
[MemoryDiagnoser]
public class DefaultNetworkPlanBenchmarks
{
    private Planner _planner = null!;
    private Dictionary<string, PlanRequest> _requests = null!;

    public static IEnumerable<string> Queries => BenchQueries.DefaultNetwork().Select(q => q.Name);

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _planner = new Planner(NetworkLoader.LoadDefault());
        _requests = BenchQueries.DefaultNetwork().ToDictionary(q => q.Name, q => q.Request);
    }

    [Benchmark]
    public int Plan() => _planner.Plan(_requests[Query]).Itineraries.Count;
}
