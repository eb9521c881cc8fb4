using Caravan.Simulation.Corridor;

namespace Caravan.Cli.Simulation;

/// <summary>An estimate in JSON: mean, 95 % half-width and bounds; null where undefined (JSON has no NaN).</summary>
internal sealed record EstimateJson(double? Mean, double? HalfWidth, double? Lower, double? Upper)
{
    public static EstimateJson Of(Estimate e, double scale = 1) =>
        new(F(e.Mean * scale), F(e.HalfWidth * scale), F(e.Lower * scale), F(e.Upper * scale));

    public static double? F(double x) => double.IsFinite(x) ? Math.Round(x, 6) : null;
}

/// <summary>The `simulate SCENARIO --json` document (fields documented in docs/simulation.md).</summary>
internal sealed record ScenarioJson(
    string Scenario, string? Description, IReadOnlyList<string> Files, string Network, string NetworkVersion,
    int Replications, long Seed, double WarmupDays, double HorizonDays, bool Saturated, string? SaturationReason,
    ScenarioTotalsJson Totals, IReadOnlyList<StreamJson> Streams, IReadOnlyList<SegmentJson> Segments,
    IReadOnlyList<ElementJson> Elements, RankingJson Bottlenecks, IReadOnlyList<WeeklyJson> Weekly,
    LittleJson Little, IReadOnlyList<string> Notes, PerformanceJson Performance)
{
    /// <summary>Weekly series are written for this many elements at the top of each ranking.</summary>
    public const int WeeklyFor = 5;

    /// <summary>The document of a run; <paramref name="elapsedSeconds"/> is its wall-clock time, measured by the caller.</summary>
    public static ScenarioJson Of(ScenarioResult r, double elapsedSeconds)
    {
        var plan = r.Plan;
        var elements = r.Elements;
        var byUse = r.ByUtilisation;
        var byDelay = r.ByDelay;
        var weeklyElements = byUse.Take(WeeklyFor).Concat(byDelay.Take(WeeklyFor)).Select(b => b.Element.Element.Index).Distinct();
        return new ScenarioJson(
            plan.Scenario.Name, plan.Scenario.Description, plan.Scenario.Files, plan.Network.Name, plan.Network.Version,
            r.Replications.Count, r.Seed, plan.Scenario.WarmupDays, plan.Scenario.HorizonDays, r.Saturation.Saturated, r.Saturation.Reason,
            new ScenarioTotalsJson(
                EstimateJson.Of(r.DemandTonnesPerYear), EstimateJson.Of(r.DeliveredTonnesPerYear), EstimateJson.Of(r.DeliveredTeuPerYear),
                EstimateJson.Of(r.RefusedTonnesPerYear), EstimateJson.Of(r.UndeliveredTonnesPerYear), EstimateJson.Of(r.UnmetTonnesPerYear),
                EstimateJson.Of(r.TransitMeanDays), EstimateJson.Of(r.TransitP50Days), EstimateJson.Of(r.TransitP90Days),
                EstimateJson.Of(r.TransitP95Days), EstimateJson.Of(r.StormClosureHours), EstimateJson.Of(r.ReroutedUnitsPerYear)),
            r.Streams.Select(s => new StreamJson(s.Stream.Id, s.Stream.From, s.Stream.To, s.Stream.Cargo.ToString(), s.Stream.Routable,
                plan.Routes.Select((x, i) => (x, i)).Where(p => p.x.Stream == s.Stream.Id)
                    .Select(p => new RouteJson(p.x.Choice, p.x.Share, EstimateJson.Of(r.RouteShare(p.i)), p.x.Services, p.x.Nodes, p.x.NominalDays)).ToList(),
                EstimateJson.Of(s.DemandTonnesPerYear), EstimateJson.Of(s.DeliveredTonnesPerYear),
                EstimateJson.Of(s.TransitMeanDays), EstimateJson.Of(s.TransitP50Days), EstimateJson.Of(s.TransitP90Days))).ToList(),
            r.Segments.Select(t => new SegmentJson(t.Segment, t.Cargo.ToString(), EstimateJson.Of(t.TonnesPerYear))).ToList(),
            elements.Select(Element).ToList(),
            new RankingJson(byUse.Select(b => new RankJson(b.Rank, b.Element.Element.Name)).ToList(),
                byDelay.Select(b => new RankJson(b.Rank, b.Element.Element.Name)).ToList()),
            weeklyElements.Select(e =>
            {
                var w = r.Weekly(e);
                return new WeeklyJson(w.Name, w.Queue.Select(q => EstimateJson.F(q.Mean)).ToList(), w.WaitHours.Select(q => EstimateJson.F(q.Mean)).ToList());
            }).ToList(),
            new LittleJson(EstimateJson.Of(r.MeanUnitsInSystem), EstimateJson.Of(r.Of(x => x.ArrivalRatePerHour)), EstimateJson.Of(r.Of(x => x.TransitMeanHours))),
            plan.Notes,
            new PerformanceJson(r.Events, Math.Round(elapsedSeconds, 3), r.DegreeOfParallelism,
                Math.Round(r.Replications.Count / Math.Max(elapsedSeconds, 1e-9), 2)));
    }

    private static ElementJson Element(ElementResult e) => new(e.Element.Name, e.Element.Kind.ToString(), e.Element.Node,
        e.Element.Segment, e.Element.Capacity, EstimateJson.Of(e.Utilisation), EstimateJson.Of(e.MeanQueue),
        EstimateJson.Of(e.MeanWaitHours), EstimateJson.Of(e.DelayHoursPerDeliveredUnit), EstimateJson.Of(e.UnitsPerYear),
        e.Element.Service, EstimateJson.Of(e.WaitP10Hours), EstimateJson.Of(e.WaitP50Hours), EstimateJson.Of(e.WaitP90Hours),
        EstimateJson.Of(e.SailingsPerYear), EstimateJson.Of(e.LoadPerSailing));
}

internal sealed record ScenarioTotalsJson(EstimateJson DemandTonnesPerYear, EstimateJson DeliveredTonnesPerYear, EstimateJson DeliveredTeuPerYear,
    EstimateJson RefusedTonnesPerYear, EstimateJson UndeliveredTonnesPerYear, EstimateJson UnmetTonnesPerYear,
    EstimateJson TransitMeanDays, EstimateJson TransitP50Days, EstimateJson TransitP90Days, EstimateJson TransitP95Days,
    EstimateJson StormClosureHours, EstimateJson ReroutedUnitsPerYear);

/// <summary>A stream's route: <c>share</c> as booked (0 for an adaptive candidate), <c>takenShare</c> as the consignments took it.</summary>
internal sealed record RouteJson(string Choice, double Share, EstimateJson TakenShare, IReadOnlyList<string> Services, IReadOnlyList<string> Nodes, double NominalDays);

internal sealed record StreamJson(string Id, string From, string To, string Cargo, bool Routable, IReadOnlyList<RouteJson> Routes,
    EstimateJson DemandTonnesPerYear, EstimateJson DeliveredTonnesPerYear, EstimateJson TransitMeanDays,
    EstimateJson TransitP50Days, EstimateJson TransitP90Days);

internal sealed record SegmentJson(string Segment, string Cargo, EstimateJson TonnesPerYear);

internal sealed record ElementJson(string Name, string Kind, string Node, string Segment, string Capacity, EstimateJson Utilisation,
    EstimateJson MeanQueue, EstimateJson MeanWaitHours, EstimateJson DelayHoursPerDeliveredUnit, EstimateJson UnitsPerYear,
    string? Service, EstimateJson WaitP10Hours, EstimateJson WaitP50Hours, EstimateJson WaitP90Hours,
    EstimateJson SailingsPerYear, EstimateJson LoadPerSailing);

internal sealed record RankJson(int Rank, string Element);

internal sealed record RankingJson(IReadOnlyList<RankJson> ByUtilisation, IReadOnlyList<RankJson> ByDelay);

internal sealed record WeeklyJson(string Element, IReadOnlyList<double?> Queue, IReadOnlyList<double?> WaitHours);

internal sealed record LittleJson(EstimateJson MeanUnitsInSystem, EstimateJson ArrivalRatePerHour, EstimateJson TransitMeanHours);

internal sealed record PerformanceJson(long Events, double ElapsedSeconds, int Threads, double ReplicationsPerSecond);
