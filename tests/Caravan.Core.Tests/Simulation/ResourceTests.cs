using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class ResourceTests
{
    /// <summary>A tiny model: entities arrive at given times with a priority and hold a unit for a fixed service time.</summary>
    private sealed class FixedServiceModel : IResourceUser
    {
        private readonly Simulator _sim;
        private readonly EventKind _arrive, _finish;
        private readonly double _service;
        private readonly int[] _priorities;

        public FixedServiceModel(Simulator sim, int servers, double service, double[] arrivals, int[]? priorities = null, int levels = 1)
        {
            _sim = sim;
            _service = service;
            _priorities = priorities ?? new int[arrivals.Length];
            _arrive = sim.Register(new Arrival(this));
            _finish = sim.Register(new Finish(this));
            Servers = new Resource(sim, servers, this, levels);
            for (int i = 0; i < arrivals.Length; i++) sim.ScheduleAt(arrivals[i], _arrive, i);
        }

        public Resource Servers { get; }
        public SortedDictionary<int, (double Start, double Wait)> Starts { get; } = [];

        private sealed class Arrival(FixedServiceModel model) : IEventHandler
        {
            public void OnEvent(int entity) => model.Servers.Request(entity, model._priorities[entity]);
        }

        private sealed class Finish(FixedServiceModel model) : IEventHandler
        {
            public void OnEvent(int entity) => model.Servers.Release();
        }

        public void OnGranted(Resource resource, int entity, double requestedAt)
        {
            Starts[entity] = (_sim.Now, _sim.Now - requestedAt);
            _sim.Schedule(_service, _finish, entity);
        }
    }

    [Fact]
    public void A_closure_delays_service_starts_but_not_services_under_way()
    {
        // One server, service 2 h, port closed from 3 to 7. Arrivals A=0, B=1, C=3.5, D=8.
        // A: starts 0, ends 2.                      wait 0
        // B: waits for A, starts 2, ends 4 (runs through the closure's start at 3). wait 1
        // C: arrives 3.5 while closed; the server frees at 4 but the port is shut; starts at 7, ends 9. wait 3.5
        // D: arrives 8, server busy with C until 9; starts 9.   wait 1
        var sim = new Simulator();
        var model = new FixedServiceModel(sim, servers: 1, service: 2, arrivals: [0, 1, 3.5, 8]);
        new CapacitySchedule(sim, model.Servers).Closure(3, 7);
        sim.Run();

        Assert.Equal((0.0, 0.0), model.Starts[0]);
        Assert.Equal((2.0, 1.0), model.Starts[1]);
        Assert.Equal((7.0, 3.5), model.Starts[2]);
        Assert.Equal((9.0, 1.0), model.Starts[3]);
        // Busy: [0,4) and [7,11) = 8 h. Capacity in force: 1 on [0,3) and [7,11) = 7 server-hours.
        // Utilisation 8/7: work that started before the closure still counts while the port is shut.
        Assert.Equal(8.0 / 7, model.Servers.Utilisation(11), 12);
    }

    [Fact]
    public void An_arrival_exactly_at_reopening_is_served_and_one_exactly_at_closing_waits()
    {
        // Two servers, service 1 h, closed on [2, 5). E arrives at 2 (closing instant) → waits to 5.
        // F arrives at 5 (reopening instant) → starts at 5 on the second server. Capacity changes run first.
        var sim = new Simulator();
        var model = new FixedServiceModel(sim, servers: 2, service: 1, arrivals: [2, 5]);
        new CapacitySchedule(sim, model.Servers).Closure(2, 5);
        sim.Run();
        Assert.Equal((5.0, 3.0), model.Starts[0]);
        Assert.Equal((5.0, 0.0), model.Starts[1]);
    }

    [Fact]
    public void Capacity_changes_and_overlapping_closures_compose()
    {
        // One server until 10, then two. Closures [1, 4) and [3, 6) overlap: shut on [1, 6).
        // Service 3 h. Arrival 0: starts 0, ends 3. Arrival 2: shut until 6 (the end of the first closure at 4
        // does not reopen, the second still holds) → starts 6, ends 9. Arrival 2.5: the one server is busy until 9
        // → starts 9. Arrival 9.5: the server is busy until 12, but a second one comes at 10 → starts 10.
        var sim = new Simulator();
        var model = new FixedServiceModel(sim, servers: 1, service: 3, arrivals: [0, 2, 2.5, 9.5]);
        new CapacitySchedule(sim, model.Servers).Closure(1, 4).Closure(3, 6).At(10, 2);
        sim.Run();
        Assert.Equal(0.0, model.Starts[0].Start);
        Assert.Equal(6.0, model.Starts[1].Start);
        Assert.Equal(9.0, model.Starts[2].Start);
        Assert.Equal(10.0, model.Starts[3].Start);
    }

    [Fact]
    public void Waiting_line_serves_priority_levels_first_and_fifo_within_a_level()
    {
        // One server, service 1 h; entity 0 arrives at 0 and occupies it. Entities 1..4 arrive at 0.1..0.4
        // with priorities 1, 0, 1, 0 (0 = urgent). Service order after 0: 2, 4 (urgent, FIFO), then 1, 3.
        var sim = new Simulator();
        var model = new FixedServiceModel(sim, 1, 1, [0, 0.1, 0.2, 0.3, 0.4], priorities: [0, 1, 0, 1, 0], levels: 2);
        sim.Run();
        Assert.Equal(1.0, model.Starts[2].Start);
        Assert.Equal(2.0, model.Starts[4].Start);
        Assert.Equal(3.0, model.Starts[1].Start);
        Assert.Equal(4.0, model.Starts[3].Start);
        // Time-average queue length over [0, 5]: 1 on [0.1,0.2), 2 on [0.2,0.3), 3 on [0.3,0.4), 4 on [0.4,1),
        // 3 on [1,2), 2 on [2,3), 1 on [3,4): area 0.1+0.2+0.3+2.4+3+2+1 = 9 → 9/5 = 1.8.
        Assert.Equal(1.8, model.Servers.QueueLength.Mean(5), 12);
    }

    private sealed class StoreLog(Simulator sim) : IStoreUser
    {
        public List<string> Events { get; } = [];
        public void OnGot(Store store, int getter, int item, double requestedAt) => Events.Add($"got g{getter} i{item} waited {sim.Now - requestedAt}");
        public void OnPut(Store store, int item, double offeredAt) => Events.Add($"put i{item} waited {sim.Now - offeredAt}");
    }

    private sealed class Clock(Simulator sim, Action<double> act) : IEventHandler
    {
        public void OnEvent(int entity) => act(sim.Now);
    }

    [Fact]
    public void Store_blocks_getters_when_empty_and_putters_when_full()
    {
        var sim = new Simulator();
        var log = new StoreLog(sim);
        var store = new Store(sim, log, capacity: 1);
        EventKind h = sim.Register(new Clock(sim, t =>
        {
            if (t == 1) store.Get(7);                          // empty: getter 7 waits
            if (t == 2) { store.Put(10); store.Put(11); }      // 10 goes straight to getter 7; 11 fills the store
            if (t == 3) store.Put(12);                         // full: 12 waits
            if (t == 5) store.Get(8);                          // takes 11; 12 moves in, having waited 2
        }));
        foreach (double t in new double[] { 1, 2, 3, 5 }) sim.ScheduleAt(t, h, 0);
        sim.Run();
        Assert.Equal(["put i10 waited 0", "got g7 i10 waited 1", "put i11 waited 0", "put i12 waited 2", "got g8 i11 waited 0"], log.Events);
        Assert.Equal(1, store.Count);
        // Level: 0 on [0,2), 1 from 2 on → mean over [0, 6] = 4/6.
        Assert.Equal(4.0 / 6, store.Level.Mean(6), 12);
    }
}
