using Caravan.Simulation;

namespace Caravan.Core.Tests.Simulation;

public class BatchServerTests
{
    private sealed class Loader : IEventHandler, IBatchUser
    {
        private readonly Simulator _sim;
        public Loader(Simulator sim, int batchSize, double maxWait, double[] arrivals)
        {
            _sim = sim;
            Server = new BatchServer(sim, batchSize, maxWait, this);
            EventKind arrival = sim.Register(this);
            for (int i = 0; i < arrivals.Length; i++) sim.ScheduleAt(arrivals[i], arrival, i);
        }

        public BatchServer Server { get; }
        public List<(double Time, int[] Units)> Departures { get; } = [];

        public void OnEvent(int entity) => Server.Add(entity);

        public void OnBatchDeparted(BatchServer server, ReadOnlySpan<int> units) => Departures.Add((_sim.Now, units.ToArray()));
    }

    [Fact]
    public void Departs_when_full_or_at_the_maximum_wait_since_the_first_unit()
    {
        // Ferry of K = 3 wagons, leaves at the latest 5 h after its first wagon.
        // Wagons 0,1,2 at 0, 1, 2 → full at 2: leaves at 2 with {0,1,2}. Its deadline (0 + 5 = 5) is now stale.
        // Wagon 3 at 4 opens a batch, deadline 9; wagon 4 at 6 → at 9 leaves with {3,4} (not at the stale 5).
        // Wagons 5,6,7 at 10, 10, 10.5 → full at 10.5. Wagon 8 at 20 → alone, leaves at 25.
        var sim = new Simulator();
        var loader = new Loader(sim, batchSize: 3, maxWait: 5, arrivals: [0, 1, 2, 4, 6, 10, 10, 10.5, 20]);
        sim.Run();

        Assert.Equal(4, loader.Departures.Count);
        Assert.Equal(2.0, loader.Departures[0].Time);
        Assert.Equal([0, 1, 2], loader.Departures[0].Units);
        Assert.Equal(9.0, loader.Departures[1].Time);
        Assert.Equal([3, 4], loader.Departures[1].Units);
        Assert.Equal(10.5, loader.Departures[2].Time);
        Assert.Equal([5, 6, 7], loader.Departures[2].Units);
        Assert.Equal(25.0, loader.Departures[3].Time);
        Assert.Equal([8], loader.Departures[3].Units);
        // Sizes 3, 2, 3, 1 → mean 9/4; first-unit waits 2, 5, 0.5, 5 → mean 12.5/4.
        Assert.Equal(2.25, loader.Server.BatchSizes.Mean, 12);
        Assert.Equal(3.125, loader.Server.FirstUnitWaits.Mean, 12);
    }

    [Fact]
    public void Without_a_maximum_wait_only_a_full_batch_leaves()
    {
        var sim = new Simulator();
        var loader = new Loader(sim, batchSize: 2, maxWait: double.PositiveInfinity, arrivals: [0, 1, 50]);
        sim.Run();
        Assert.Single(loader.Departures);
        Assert.Equal(1.0, loader.Departures[0].Time);
        Assert.Equal(1, loader.Server.Loaded);
    }
}
