namespace Caravan.Simulation.Corridor;

/// <summary>
/// One unit (wagon load) of cargo on its way, kept in an <see cref="EntityPool{TState}"/>; events and queues refer
/// to it by its slot. A vehicle carries its units as an intrusive list through <see cref="Next"/>, so boarding and
/// alighting allocate nothing.
/// </summary>
internal struct CargoUnit
{
    public int Stream;
    /// <summary>The route it follows (adaptive routing may switch it at a decision point).</summary>
    public int Route;
    /// <summary>The ride it is on or about to take, and the end of its route's rides (exclusive), as step indices.</summary>
    public int Step, End;
    public double ArrivedAt;
    /// <summary>When it joined the queue for its current vehicle.</summary>
    public double JoinedAt;
    /// <summary>The next unit aboard the same vehicle, or −1.</summary>
    public int Next;
    /// <summary>It arrived in the measured window (after the warm-up).</summary>
    public bool InWindow;
}
