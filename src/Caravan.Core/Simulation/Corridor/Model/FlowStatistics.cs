namespace Caravan.Simulation.Corridor;

/// <summary>
/// What flows through the corridor in one replication: units and tonnes that arrive, are refused, are delivered or
/// are still under way, transit times, and units in the system over time. Counters named "Total" run from time 0
/// (for the conservation checks); the others count the measured window only.
/// </summary>
internal sealed class FlowStatistics
{
    private readonly CorridorPlan _plan;

    public FlowStatistics(CorridorPlan plan)
    {
        _plan = plan;
        int streams = plan.StreamPlans.Length;
        SegmentTonnes = new double[plan.Segments.Count, 4];
        DeliveredTonnesByStream = new double[streams];
        DemandTonnesByStream = new double[streams];
        StreamTransit = new QuantileSketch[streams];
        for (int j = 0; j < streams; j++) StreamTransit[j] = new QuantileSketch();
        RouteTransit = new QuantileSketch[plan.RoutePlans.Length];
        for (int r = 0; r < RouteTransit.Length; r++) RouteTransit[r] = new QuantileSketch();
    }

    public long Arrived { get; private set; }
    public long Refused { get; private set; }
    public long Delivered { get; private set; }
    public long Undelivered { get; private set; }
    public long InSystem { get; private set; }
    public long InSystemAtStart { get; private set; }
    public long CreatedTotal { get; private set; }
    public long DeliveredTotal { get; private set; }
    public long RefusedTotal { get; private set; }
    public long Rerouted { get; private set; }
    public double RefusedTonnes { get; private set; }
    public double UndeliveredTonnes { get; private set; }
    public double DeliveredTonnes { get; private set; }
    public double DeliveredTeu { get; private set; }
    public double[] DeliveredTonnesByStream { get; }
    public double[] DemandTonnesByStream { get; }
    /// <summary>[segment, cargo kind]: tonnes carried in the window.</summary>
    public double[,] SegmentTonnes { get; }
    /// <summary>Transit hours: exact mean, quantiles within 0.5 % and no upper limit.</summary>
    public QuantileSketch Transit { get; } = new();
    public QuantileSketch[] StreamTransit { get; }
    /// <summary>Transit hours per route (a stream's main, fastest, block-train or adaptive route).</summary>
    public QuantileSketch[] RouteTransit { get; }
    /// <summary>
    /// Transit of the units delivered in each half of the window: a queue that grows without bound shows as a
    /// second half slower than the first (the saturation test of <see cref="ScenarioResult"/>).
    /// </summary>
    public Tally TransitFirstHalf { get; } = new();
    public Tally TransitSecondHalf { get; } = new();
    /// <summary>Units in the system, time-weighted.</summary>
    public TimeWeighted UnitsInSystem { get; } = new(0);

    /// <summary>A consignment of <paramref name="units"/> units of a stream arrives (accepted or not).</summary>
    public void ConsignmentArrived(int stream, int units, double tonnesPerUnit, bool inWindow)
    {
        if (inWindow)
        {
            Arrived += units;
            DemandTonnesByStream[stream] += units * tonnesPerUnit;
        }
        CreatedTotal += units;
    }

    /// <summary>A consignment is turned away: the queue at its first carrier is beyond the stream's backlog limit.</summary>
    public void ConsignmentRefused(int units, double tonnesPerUnit, bool inWindow)
    {
        RefusedTotal += units;
        if (inWindow)
        {
            Refused += units;
            RefusedTonnes += units * tonnesPerUnit;
        }
    }

    /// <summary>One unit of an accepted consignment enters the corridor (<see cref="UpdateUnitsInSystem"/> follows).</summary>
    public void UnitEntered(double tonnesPerUnit, bool inWindow)
    {
        if (inWindow)
        {
            Undelivered++;
            UndeliveredTonnes += tonnesPerUnit;
        }
        InSystem++;
    }

    public void UpdateUnitsInSystem(double now) => UnitsInSystem.Update(now, InSystem);

    /// <summary>A unit got off a vehicle: its ride counts for the segment's throughput.</summary>
    public void RideCompleted(in StepPlan step, double now)
    {
        if (now >= _plan.WarmupHours) SegmentTonnes[step.Segment, step.Kind] += step.TonnesPerUnit;
    }

    public void UnitDelivered(in CargoUnit unit, double now)
    {
        var s = _plan.StreamPlans[unit.Stream];
        DeliveredTotal++;
        if (now >= _plan.WarmupHours)
        {
            double hours = now - unit.ArrivedAt;
            Delivered++;
            DeliveredTonnes += s.TonnesPerUnit;
            if (s.Kind == Caravan.Network.CargoKind.Container) DeliveredTeu += CargoUnits.TeuPerUnit;
            DeliveredTonnesByStream[unit.Stream] += s.TonnesPerUnit;
            Transit.Add(hours);
            StreamTransit[unit.Stream].Add(hours);
            RouteTransit[unit.Route].Add(hours);
            (now < _plan.WarmupHours + _plan.HorizonHours / 2 ? TransitFirstHalf : TransitSecondHalf).Add(hours);
        }
        if (unit.InWindow)
        {
            Undelivered--;
            UndeliveredTonnes -= s.TonnesPerUnit;
        }
        InSystem--;
        UnitsInSystem.Update(now, InSystem);
    }

    /// <summary>A unit switched route at a decision point.</summary>
    public void UnitRerouted(double now)
    {
        if (now >= _plan.WarmupHours) Rerouted++;
    }

    /// <summary>The warm-up is over: the time-weighted figures start afresh.</summary>
    public void StartWindow(double now)
    {
        UnitsInSystem.Reset(now);
        InSystemAtStart = InSystem;
    }
}
