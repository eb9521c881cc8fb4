namespace Caravan.Simulation.Corridor;

/// <summary>
/// The state of one ferry route between two ports: its fleet at the loading port, the vessel loading at the berth,
/// and per <see cref="FerryDirection"/> the units waiting and what the sailings carried.
/// </summary>
internal sealed class FerryRoute
{
    public FerryRoute(FerryPlan plan, BatchServer loader)
    {
        Plan = plan;
        Loader = loader;
        IdleVessels = plan.Vessels; // the whole fleet starts at the loading port
        IdleTime = new TimeWeighted(0, plan.Vessels);
    }

    public FerryPlan Plan { get; }

    /// <summary>The vessel at the berth in the loaded direction: sails when full or after the maximum wait.</summary>
    public BatchServer Loader { get; }

    /// <summary>A vessel is alongside at the loading port, taking units aboard.</summary>
    public bool Loading { get; set; }

    /// <summary>Vessels at the loading port, not loading.</summary>
    public int IdleVessels { get; set; }

    /// <summary>Vessels at the loading port with nothing aboard, time-weighted.</summary>
    public TimeWeighted IdleTime { get; }

    /// <summary>Units waiting per direction (in the loaded direction, not yet aboard the vessel at the berth).</summary>
    public RingQueue<int>[] Waiting { get; } = [new(64), new(64)];

    /// <summary>Units waiting per direction, those aboard the vessel at the berth included, time-weighted.</summary>
    public TimeWeighted[] QueueLength { get; } = [new(0), new(0)];

    /// <summary>Sailings and units carried per direction in the window.</summary>
    public double[] Sailings { get; } = new double[2];
    public double[] Carried { get; } = new double[2];

    /// <summary>Units a consignment joining in <paramref name="direction"/> would find ahead of it.</summary>
    public int Backlog(FerryDirection direction) =>
        direction == FerryDirection.Loaded ? Waiting[0].Count + Loader.Loaded : Waiting[1].Count;
}
