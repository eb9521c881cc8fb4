namespace Caravan.TestSupport.Soak;

/// <summary>Which server the soak kills: always the second (the first survives the whole run) or each in turn.</summary>
public enum SoakKillMode
{
    /// <summary>Kill the second server every time: the first lives through the whole soak, so its memory can be judged.</summary>
    Second,

    /// <summary>Kill the first, then the second, and so on: both recover; memory is judged per process life.</summary>
    Alternate,
}

/// <summary>
/// How long and how hard a soak runs. <see cref="Clients"/> concurrent clients load both servers for
/// <see cref="LoadSeconds"/>; every <see cref="KillEverySeconds"/> one server is SIGKILLed and restarted on its port.
/// Memory is read <see cref="WarmupSeconds"/> after a process starts (JIT, pools and caches filled) and at the end.
/// </summary>
public sealed record SoakOptions
{
    public int Clients { get; init; } = 16;

    public double LoadSeconds { get; init; } = 60;

    public double KillEverySeconds { get; init; } = 20;

    public double WarmupSeconds { get; init; } = 10;

    public SoakKillMode KillMode { get; init; } = SoakKillMode.Second;

    /// <summary>Departures of the KTZ train the load books on; the operator publishes a small capacity on them so they fill up.</summary>
    public int TrainDepartures { get; init; } = 12;

    /// <summary>TEU the operator publishes per train departure: small enough that some fill and refuse bookings (409).</summary>
    public double TrainCapacityTeu { get; init; } = 60;

    public int Seed { get; init; } = 20260302;

    /// <summary>
    /// For proving the checks can fail only: retry a booking whose answer was lost with a new Idempotency-Key, as a
    /// careless client would, which may book twice.
    /// </summary>
    public bool CarelessRetries { get; init; }

    /// <summary>Progress lines (server starts, kills, counts); the result carries the figures.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>"Flat" memory: the survivor's RSS at the end is at most this factor of its RSS after warm-up …</summary>
    public const double RssGrowthFactor = 1.5;

    /// <summary>… plus this slack (bytes), for the GC's segments and pools that a short run fills only once.</summary>
    public const long RssSlackBytes = 20L * 1024 * 1024;
}
