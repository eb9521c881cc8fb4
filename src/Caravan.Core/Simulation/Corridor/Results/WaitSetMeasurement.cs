using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// Turns a simulated scenario into the wait set the planner uses: for every sail-when-full service the model ran
/// (both directions of each ferry), the pooled waits of all replications as 21 quantiles.
/// </summary>
public static class WaitSetMeasurement
{
    public static WaitSet From(ScenarioResult result)
    {
        var services = new Dictionary<string, ServiceWait>(StringComparer.Ordinal);
        foreach (var e in result.Plan.Elements)
        {
            if (e.Kind is not (ElementKind.Ferry or ElementKind.FerryBackhaul) || e.Service is null) continue;
            var pooled = result.PooledWaits(e.Index);
            if (pooled.Count <= 0) continue;
            var quantiles = Enumerable.Range(0, ServiceWait.Points).Select(i => pooled.Quantile(i / (double)(ServiceWait.Points - 1))).ToArray();
            services[e.Service] = new ServiceWait(quantiles, pooled.Count);
        }
        var network = result.Plan.Network;
        return new WaitSet
        {
            Scenario = result.Scenario, Network = network.Name, NetworkVersion = network.Version,
            NetworkFingerprint = network.Fingerprint, Replications = result.Replications.Count, Seed = result.Seed,
            Services = services,
        };
    }
}
