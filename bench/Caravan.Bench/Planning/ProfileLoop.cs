using System.Diagnostics;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Requests;

namespace Caravan.Bench.Planning;

/// <summary>
/// <c>plan --loop ea|pareto|deadline [--seconds S]</c>: sets up one case, prints "LOOP &lt;pid&gt;", then runs it over
/// and over for S seconds, so a sampling profiler (e.g. <c>dotnet-trace collect -p &lt;pid&gt;</c>) attached after the
/// line sees the planner and not the set-up. ea and pareto are the large-network queries; deadline is the default
/// network's Pareto queries with a deadline.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(PlanBenchOptions o)
    {
        Planner planner;
        List<PlanRequest> requests;
        Func<PlanRequest, int> run;
        switch (o.Loop)
        {
            case "deadline":
                planner = new Planner(NetworkLoader.LoadDefault());
                requests = BenchQueries.DefaultNetwork().Where(q => q.Request.Deadline is not null).Select(q => q.Request).ToList();
                run = r => planner.Plan(r).Itineraries.Count;
                break;
            case "ea" or "pareto":
                var large = LargeNetworkGenerator.Generate(o.NetworkSeed);
                planner = new Planner(large.Model);
                bool ea = o.Loop == "ea";
                requests = BenchQueries.LargeNetwork(large, o.LargeQueries, o.QuerySeed, ea ? o.EarliestArrivalMaxRides : null).Select(q => q.Request).ToList();
                if (!ea) requests = requests.Take(2).ToList(); // the quicker of the first queries are enough to sample
                run = ea ? r => planner.EarliestArrival(r) is null ? 0 : 1 : r => planner.Plan(r).Itineraries.Count;
                break;
            default:
                Console.Error.WriteLine($"--loop takes ea, pareto or deadline, not '{o.Loop}'");
                return 2;
        }
        foreach (var r in requests) run(r); // warm-up
        Console.WriteLine($"LOOP {Environment.ProcessId}");
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (sw.Elapsed.TotalSeconds < o.LoopSeconds)
            foreach (var r in requests) { run(r); calls++; }
        Console.WriteLine($"{calls} calls in {sw.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
