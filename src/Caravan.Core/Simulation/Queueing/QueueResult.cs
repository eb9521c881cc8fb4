namespace Caravan.Simulation;

/// <summary>What one <see cref="MmcQueue"/> run measured. Times are in hours (the unit of the rates).</summary>
public sealed record QueueResult
{
    /// <summary>Customers simulated, warm-up included.</summary>
    public required long Customers { get; init; }

    /// <summary>Customers in the statistics (after warm-up).</summary>
    public required long MeasuredCustomers { get; init; }

    /// <summary>Events dispatched by the engine.</summary>
    public required long Events { get; init; }

    /// <summary>Mean time in queue Wq (before service starts).</summary>
    public required double MeanWait { get; init; }

    /// <summary>Half-width of the 95% confidence interval for <see cref="MeanWait"/> by batch means.</summary>
    public required double MeanWaitHalfWidth { get; init; }

    /// <summary>Batches behind <see cref="MeanWaitHalfWidth"/>.</summary>
    public required int Batches { get; init; }

    /// <summary>Time-average number waiting Lq, from the first measured arrival to the last arrival.</summary>
    public required double MeanQueueLength { get; init; }

    /// <summary>Busy server-time over available server-time in the same window.</summary>
    public required double Utilisation { get; init; }

    /// <summary>Mean time in system W (wait plus service).</summary>
    public required double MeanSystemTime { get; init; }

    /// <summary>Largest number waiting in the measured window.</summary>
    public required double MaxQueueLength { get; init; }

    /// <summary>Simulated time at the end of the run.</summary>
    public required double SimulatedHours { get; init; }
}
