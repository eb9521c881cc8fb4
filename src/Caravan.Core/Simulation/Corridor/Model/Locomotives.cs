namespace Caravan.Simulation.Corridor;

/// <summary>
/// Locomotive pools: a train of a service with a pool leaves only once a locomotive is free, and the locomotive
/// comes back to the pool after the run there and back plus the pool's turnaround.
/// </summary>
internal sealed class Locomotives
{
    private readonly CorridorPlan _plan;
    private readonly Simulator _sim;
    private readonly Trains _trains;
    private readonly EventKind _released;

    public Locomotives(CorridorPlan plan, Simulator sim, ElementStatistics elements, Trains trains)
    {
        _plan = plan;
        _sim = sim;
        _trains = trains;
        _released = sim.Register(new Released(this));
        Pools = new Resource[plan.Pools.Length];
        for (int p = 0; p < Pools.Length; p++)
        {
            Pools[p] = new Resource(sim, plan.Pools[p].Locomotives, new Granted(this, p));
            elements.TrackQueue(plan.Pools[p].Element, Pools[p].QueueLength);
        }
    }

    /// <summary>One resource per pool, indexed like <see cref="CorridorPlan.Pools"/>.</summary>
    public Resource[] Pools { get; }

    /// <summary>The train asks its pool for a locomotive; <see cref="Trains.OnLocomotive"/> is called when it has one.</summary>
    public void Request(int pool, int train) => Pools[pool].Request(train);

    /// <summary>The train just left on a run of <paramref name="runHours"/>: its locomotive is back after the round trip.</summary>
    public void ReturnAfter(int pool, double runHours) =>
        _sim.Schedule(2 * runHours + _plan.Pools[pool].TurnaroundHours, _released, pool);

    public void ResetStatistics()
    {
        foreach (var r in Pools) r.ResetStatistics();
    }

    private sealed class Granted(Locomotives locomotives, int pool) : IResourceUser
    {
        public void OnGranted(Resource resource, int train, double requestedAt) => locomotives._trains.OnLocomotive(pool, train, requestedAt);
    }

    private sealed class Released(Locomotives locomotives) : IEventHandler
    {
        public void OnEvent(int pool) => locomotives.Pools[pool].Release();
    }
}
