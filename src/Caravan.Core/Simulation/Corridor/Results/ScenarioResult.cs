using Caravan.Network;

namespace Caravan.Simulation.Corridor;

/// <summary>A mean over replications with its 95 % Student-t interval; NaN where no replication had a value.</summary>
public readonly record struct Estimate(double Mean, double HalfWidth, int Count)
{
    public double Lower => Mean - HalfWidth;
    public double Upper => Mean + HalfWidth;

    public static Estimate Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return new Estimate(double.NaN, double.NaN, 0);
        var ci = ConfidenceInterval.FromReplications(finite);
        return new Estimate(ci.Mean, finite.Count > 1 ? ci.HalfWidth : double.NaN, finite.Count);
    }
}

/// <summary>One stream's outcome.</summary>
public sealed record StreamResult(StreamInfo Stream, Estimate DemandTonnesPerYear, Estimate DeliveredTonnesPerYear,
    Estimate TransitMeanDays, Estimate TransitP50Days, Estimate TransitP90Days);

/// <summary>One element's outcome: how busy it was and how much queueing it caused.</summary>
/// <remarks>
/// Utilisation: for a vessel or a train, its load factor (carried over what its departures could carry); for a
/// terminal or a locomotive pool, the share of its servers busy. Wait percentiles are per replication, within 1 %.
/// </remarks>
public sealed record ElementResult(ElementInfo Element, Estimate Utilisation, Estimate MeanQueue, Estimate MeanWaitHours,
    Estimate DelayHoursPerDeliveredUnit, Estimate UnitsPerYear)
{
    public Estimate WaitP10Hours { get; init; }
    public Estimate WaitP50Hours { get; init; }
    public Estimate WaitP90Hours { get; init; }
    public Estimate SailingsPerYear { get; init; }
    public Estimate LoadPerSailing { get; init; }
}

/// <summary>Tonnes per year carried by one segment (an operator's services) for one cargo kind.</summary>
public sealed record SegmentThroughput(string Segment, CargoKind Cargo, Estimate TonnesPerYear);

/// <summary>An element's place in the bottleneck ranking.</summary>
public sealed record Bottleneck(int Rank, ElementResult Element);

/// <summary>A weekly series for one element: the mean over replications and its interval, week by week.</summary>
public sealed record WeeklySeries(string Name, IReadOnlyList<Estimate> Queue, IReadOnlyList<Estimate> WaitHours);

/// <summary>
/// A scenario's results over all replications, each figure with its 95 % confidence interval
/// (<see cref="ScenarioRunner"/>). The replications themselves are kept for comparisons and tests.
/// </summary>
public sealed class ScenarioResult
{
    public required CorridorPlan Plan { get; init; }
    public required long Seed { get; init; }
    public required IReadOnlyList<ReplicationResult> Replications { get; init; }
    /// <summary>How many replications ran at once. Timings are the caller's to measure: the core keeps no clock.</summary>
    public required int DegreeOfParallelism { get; init; }

    public string Scenario => Plan.Scenario.Name;

    public Estimate DemandTonnesPerYear => Of(r => r.DemandTonnesPerYear);
    public Estimate DeliveredTonnesPerYear => Of(r => r.DeliveredTonnesPerYear);
    public Estimate DeliveredTeuPerYear => Of(r => r.DeliveredTeuPerYear);
    public Estimate RefusedTonnesPerYear => Of(r => r.RefusedTonnesPerYear);
    public Estimate UndeliveredTonnesPerYear => Of(r => r.UndeliveredTonnesPerYear);
    /// <summary>What did not get through: refused at the origin plus still under way at the horizon.</summary>
    public Estimate UnmetTonnesPerYear => Of(r => r.RefusedTonnesPerYear + r.UndeliveredTonnesPerYear);
    public Estimate TransitMeanDays => Of(r => r.TransitMeanDays);
    public Estimate TransitP50Days => Of(r => r.TransitP50Days);
    public Estimate TransitP90Days => Of(r => r.TransitP90Days);
    public Estimate TransitP95Days => Of(r => r.TransitP95Days);
    public Estimate MeanUnitsInSystem => Of(r => r.MeanUnitsInSystem);
    public Estimate StormClosureHours => Of(r => r.StormClosureHours);
    public Estimate ReroutedUnitsPerYear => Of(r => r.ReroutedUnitsPerYear);
    public long Events => Replications.Sum(r => r.Events);

    /// <summary>Whether the backlog or transit times grow over the horizon (<see cref="Corridor.Saturation"/>).</summary>
    public Saturation Saturation => _saturation ??= Saturation.Of(Plan, Replications);

    private Saturation? _saturation;

    public Estimate Of(Func<ReplicationResult, double> metric) => Estimate.Of(Replications.Select(metric));

    public IReadOnlyList<StreamResult> Streams => Plan.Streams.Select((s, j) => new StreamResult(s,
        Of(r => r.DemandTonnesPerYearByStream[j]), Of(r => r.DeliveredTonnesPerYearByStream[j]),
        Of(r => r.TransitMeanDaysByStream[j]), Of(r => r.TransitP50DaysByStream[j]), Of(r => r.TransitP90DaysByStream[j]))).ToList();

    public IReadOnlyList<ElementResult> Elements => _elements ??= Plan.Elements.Select(e => new ElementResult(e,
        Of(r => r.Utilisation[e.Index]), Of(r => r.MeanQueue[e.Index]), Of(r => r.MeanWaitHours[e.Index]),
        Of(r => r.DelayHoursPerDeliveredUnit[e.Index]), Of(r => r.UnitsServed[e.Index] * 8760 / Plan.HorizonHours))
    {
        WaitP10Hours = Of(r => r.Waits[e.Index].Quantile(0.10)),
        WaitP50Hours = Of(r => r.Waits[e.Index].Quantile(0.50)),
        WaitP90Hours = Of(r => r.Waits[e.Index].Quantile(0.90)),
        SailingsPerYear = Of(r => r.SailingsPerYear[e.Index]),
        LoadPerSailing = Of(r => r.LoadPerSailing[e.Index]),
    }).ToList();

    /// <summary>
    /// The share of a stream's delivered units that took route <paramref name="route"/>: the booked share for fixed
    /// routes, what the consignments chose for adaptive ones.
    /// </summary>
    public Estimate RouteShare(int route)
    {
        string stream = Plan.Routes[route].Stream;
        var siblings = Enumerable.Range(0, Plan.Routes.Count).Where(i => Plan.Routes[i].Stream == stream).ToList();
        return Of(r =>
        {
            double all = siblings.Sum(i => r.RouteTransitHours[i].Count);
            return all > 0 ? r.RouteTransitHours[route].Count / all : double.NaN;
        });
    }

    /// <summary>Units a year delivered on a route.</summary>
    public Estimate RouteUnitsPerYear(int route) => Of(r => r.RouteTransitHours[route].Count * 8760 / Plan.HorizonHours);

    /// <summary>Median transit of a route (index into <see cref="CorridorPlan.Routes"/>) in days, per replication.</summary>
    public Estimate RouteTransitP50Days(int route) => Of(r => r.RouteTransitHours[route].Quantile(0.5) / 24);

    /// <summary>All replications' waits at one element, pooled (the planner's wait set is read from these).</summary>
    public QuantileSketch PooledWaits(int element)
    {
        var pooled = new QuantileSketch();
        foreach (var r in Replications) pooled.Add(r.Waits[element]);
        return pooled;
    }

    private IReadOnlyList<ElementResult>? _elements;

    public IReadOnlyList<SegmentThroughput> Segments => Plan.Segments
        .SelectMany((s, i) => Enum.GetValues<CargoKind>().Select(k => new SegmentThroughput(s, k, Of(r => r.SegmentTonnesPerYear[i, (int)k]))))
        .Where(t => t.TonnesPerYear.Mean > 0).ToList();

    /// <summary>Elements that carried cargo, busiest first (ties by delay).</summary>
    public IReadOnlyList<Bottleneck> ByUtilisation => Elements.Where(Used)
        .OrderByDescending(e => e.Utilisation.Mean).ThenByDescending(e => e.DelayHoursPerDeliveredUnit.Mean)
        .Select((e, i) => new Bottleneck(i + 1, e)).ToList();

    /// <summary>Elements ranked by the queueing delay they add per delivered unit (hours; these add up over elements).</summary>
    public IReadOnlyList<Bottleneck> ByDelay => Elements.Where(Used)
        .OrderByDescending(e => e.DelayHoursPerDeliveredUnit.Mean).ThenByDescending(e => e.Utilisation.Mean)
        .Select((e, i) => new Bottleneck(i + 1, e)).ToList();

    private static bool Used(ElementResult e) => e.UnitsPerYear.Mean > 0 && double.IsFinite(e.Utilisation.Mean);

    /// <summary>Weekly queue and wait at an element, mean over replications week by week.</summary>
    public WeeklySeries Weekly(int element)
    {
        int weeks = Replications.Count > 0 ? Replications[0].WeeklyQueue.GetLength(1) : 0;
        return new WeeklySeries(Plan.Elements[element].Name,
            Enumerable.Range(0, weeks).Select(w => Of(r => r.WeeklyQueue[element, w])).ToList(),
            Enumerable.Range(0, weeks).Select(w => Of(r => r.WeeklyWaitHours[element, w])).ToList());
    }

    /// <summary>Every replication's transit hours in one sketch.</summary>
    public QuantileSketch PooledTransit()
    {
        var pooled = new QuantileSketch();
        foreach (var r in Replications) pooled.Add(r.Transit);
        return pooled;
    }
}
