namespace Caravan.Simulation.Corridor;

/// <summary>
/// What one replication measured over the horizon (the warm-up left out). Per-year figures are annualised from
/// the horizon; arrays are indexed like <see cref="CorridorPlan.Streams"/>, <see cref="CorridorPlan.Elements"/>
/// and <see cref="CorridorPlan.Segments"/>.
/// </summary>
public sealed class ReplicationResult
{
    public required int Replication { get; init; }
    public required long Events { get; init; }

    // Flow of units (wagon loads) through the measured window.
    public required long ArrivedUnits { get; init; }
    public required long RefusedUnits { get; init; }
    public required long DeliveredUnits { get; init; }
    /// <summary>Units that arrived in the window and were still on their way at its end.</summary>
    public required long UndeliveredUnits { get; init; }
    public required long InSystemAtStart { get; init; }
    public required long InSystemAtEnd { get; init; }
    /// <summary>Every unit ever created since time 0 (warm-up included), delivered or refused or still in the system.</summary>
    public required long CreatedUnitsTotal { get; init; }
    public required long DeliveredUnitsTotal { get; init; }
    public required long RefusedUnitsTotal { get; init; }
    /// <summary>Units alive in the entity pool at the end: counted by the pool, independently of the model's counters.</summary>
    public required long LiveEntitiesAtEnd { get; init; }

    public required double DemandTonnesPerYear { get; init; }
    public required double DeliveredTonnesPerYear { get; init; }
    public required double RefusedTonnesPerYear { get; init; }
    public required double UndeliveredTonnesPerYear { get; init; }
    public required double DeliveredTeuPerYear { get; init; }
    public required double[] DeliveredTonnesPerYearByStream { get; init; }
    public required double[] DemandTonnesPerYearByStream { get; init; }
    /// <summary>[segment, cargo kind] tonnes carried per year by the segment's departures.</summary>
    public required double[,] SegmentTonnesPerYear { get; init; }

    // Transit (ready at origin → delivered), in days, of units delivered in the window: means exact, percentiles
    // within 0.5 % (QuantileSketch), no upper limit.
    public required double TransitMeanDays { get; init; }
    public required double TransitP50Days { get; init; }
    public required double TransitP90Days { get; init; }
    public required double TransitP95Days { get; init; }
    public required double[] TransitP50DaysByStream { get; init; }
    public required double[] TransitP90DaysByStream { get; init; }
    public required double[] TransitMeanDaysByStream { get; init; }
    /// <summary>Mean transit of the units delivered in the first and in the second half of the window.</summary>
    public required double TransitMeanDaysFirstHalf { get; init; }
    public required double TransitMeanDaysSecondHalf { get; init; }
    /// <summary>Every delivered unit's transit hours: quantiles within 0.5 %, exact count, sum and extremes.</summary>
    public required QuantileSketch Transit { get; init; }

    /// <summary>Time-average units in the system (work in progress) over the window, for Little's law.</summary>
    public required double MeanUnitsInSystem { get; init; }
    /// <summary>Units arriving (accepted) per hour over the window.</summary>
    public required double ArrivalRatePerHour { get; init; }
    public required double TransitMeanHours { get; init; }

    // Per element.
    public required double[] Utilisation { get; init; }
    public required double[] MeanQueue { get; init; }
    public required double[] MeanWaitHours { get; init; }
    /// <summary>Queueing delay at the element (beyond the timetable) per unit delivered, in hours: additive over elements.</summary>
    public required double[] DelayHoursPerDeliveredUnit { get; init; }
    public required double[] UnitsServed { get; init; }
    /// <summary>Per element: every wait recorded after the warm-up (percentiles within 1 %).</summary>
    public required QuantileSketch[] Waits { get; init; }
    /// <summary>Per route (index into the plan's routes): transit hours of the units delivered on it.</summary>
    public required QuantileSketch[] RouteTransitHours { get; init; }
    /// <summary>Units a year that switched route at a decision point (adaptive routing).</summary>
    public required double ReroutedUnitsPerYear { get; init; }
    /// <summary>Per element: departures (sailings) a year of a service or vessel; NaN for terminals and pools.</summary>
    public required double[] SailingsPerYear { get; init; }
    /// <summary>Per element: mean units carried per departure; NaN for terminals and pools.</summary>
    public required double[] LoadPerSailing { get; init; }
    /// <summary>Per ferry element (loaded direction): the fleet's share of time not idle and empty at the loading port.</summary>
    public required double[] VesselTimeBusy { get; init; }
    /// <summary>[element, week] average queue over each week of the window.</summary>
    public required double[,] WeeklyQueue { get; init; }
    /// <summary>[element, week] mean wait of the units that finished waiting that week (NaN when none did).</summary>
    public required double[,] WeeklyWaitHours { get; init; }
    public required double[] WeeklyUnitsInSystem { get; init; }
    /// <summary>Hours any Caspian port in the weather list was closed by storms in the window, summed over ports.</summary>
    public required double StormClosureHours { get; init; }
}
