using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Compiled;
using Caravan.Planning.Search;
using Caravan.Tariffs;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Enumerates every feasible itinerary (every walk of at most MaxRides rides, revisits included) with plain
/// loops and its own timetable expansion, computes each one's criteria from the definitions, and keeps the
/// Pareto set. It shares with the planner only the price and CO2e calculators and the random draws, which define
/// the criteria; the search, the departure lookup and the feasibility rules are written again here, naively.
/// </summary>
internal sealed class BruteForceOracle
{
    public sealed record Criteria(long Arrival, decimal Cost, double Co2eGrams, double? OnTime)
    {
        public bool NoWorseThan(Criteria o) =>
            Arrival <= o.Arrival && Cost <= o.Cost && Co2eGrams <= o.Co2eGrams && (OnTime ?? 0) >= (o.OnTime ?? 0);
    }

    private readonly NetworkModel _m;
    private readonly PlanRequest _r;
    private readonly TariffCalculator _tariffs;
    private readonly EmissionCalculator _emissions;
    private readonly SampleTable _draws;
    private readonly long _ready;
    private readonly Dictionary<int, List<long>> _departureCache = new();
    public List<Criteria> All { get; } = new();

    public BruteForceOracle(NetworkModel model, PlanRequest request)
    {
        _m = model;
        _r = request;
        _tariffs = new TariffCalculator(model);
        _emissions = new EmissionCalculator(model);
        _draws = new SampleTable(new CompiledNetwork(model), request.Seed, request.Samples);
        _ready = request.ReadyTime.ToUnixTimeSeconds();
    }

    public IReadOnlyList<Criteria> ParetoSet()
    {
        int origin = NodeIndex(_r.From);
        if (NodeOk(origin))
            Walk(origin, null, 0, _ready, 0m, 0, new long[_r.Samples], service: -1);
        var distinct = All.Distinct().ToList();
        return distinct.Where(a => !distinct.Any(b => !b.Equals(a) && b.NoWorseThan(a))).ToList();
    }

    private void Walk(int node, (TransportMode Mode, int Gauge)? state, int rides, long arrival, decimal cost, double co2, long[] draws, int service)
    {
        if (_m.Nodes[node].Id == _r.To && rides > 0)
        {
            double? onTime = _r.Deadline is { } d ? draws.Count(x => _ready + x <= d.ToUnixTimeSeconds()) / (double)draws.Length : null;
            All.Add(new Criteria(arrival, cost, co2, onTime));
        }
        if (rides == _r.MaxRides) return;
        for (int s = 0; s < _m.Services.Count; s++)
        {
            var svc = _m.Services[s];
            if (!ServiceOk(svc)) continue;
            for (int board = 0; board < svc.Stops.Count - 1; board++)
            {
                if (svc.Stops[board] != _m.Nodes[node].Id) continue;
                if (svc.Departures is SailWhenFullPattern && board != 0) continue;
                var firstState = (svc.Mode, svc.Legs[board].Link.Gauge ?? 0);
                int rule = -1;
                if (state is { } st && st != firstState)
                {
                    rule = FindRule(node, st, firstState);
                    if (rule < 0) continue;
                }
                long ready = arrival + Secs(_m.Nodes[node].Dwell.Median) + (rule >= 0 ? Secs(_m.Transshipments[rule].Time.Median) : 0);
                long departure = Departure(s, board, ready, Secs(FillMedian(svc)));
                var depDraws = new long[draws.Length];
                for (int k = 0; k < draws.Length; k++)
                {
                    long r = _ready + draws[k] + _draws.Dwell(node)[k] + (rule >= 0 ? _draws.Transshipment(rule)[k] : 0);
                    depDraws[k] = Departure(s, board, r, svc.Departures is SailWhenFullPattern ? _draws.Fill(s)[k] : 0) - _ready;
                }
                decimal transCost = rule >= 0 ? _tariffs.PriceTransshipment(_m.Transshipments[rule], _r.Cargo).Sum(c => c.AmountInQuote) : 0m;
                double transCo2 = rule >= 0 ? _emissions.ForTransshipment(_m.Transshipments[rule], _r.Cargo).Co2eWTW : 0;

                double km = 0;
                long running = 0;
                var arrDraws = (long[])depDraws.Clone();
                for (int alight = board + 1; alight < svc.Stops.Count; alight++)
                {
                    var link = svc.Legs[alight - 1].Link;
                    int to = NodeIndex(svc.Stops[alight]);
                    if (!LinkOk(link) || !NodeOk(to)) break;
                    km += link.DistanceKm;
                    running += Secs(link.RunningTime.Median);
                    int li = _m.Links.ToList().IndexOf(link);
                    for (int k = 0; k < arrDraws.Length; k++) arrDraws[k] += _draws.Running(li)[k];
                    if (!_tariffs.TryPriceRide(svc, km, _r.Cargo, out var charges)) break;
                    decimal rideCost = charges.Sum(c => c.AmountInQuote);
                    double rideCo2 = _emissions.ForRide(svc, km, _r.Cargo).Co2eWTW;
                    Walk(to, (svc.Mode, link.Gauge ?? 0), rides + 1, departure + running, cost + transCost + rideCost,
                        co2 + transCo2 + rideCo2, (long[])arrDraws.Clone(), s);
                }
            }
        }
    }

    private long Departure(int s, int board, long ready, long fillSeconds)
    {
        var svc = _m.Services[s];
        var cargo = _r.Cargo;
        int needed = cargo.DeparturesNeeded(svc.CapacityPerDeparture);
        if (svc.Departures is SailWhenFullPattern p)
        {
            double lastShare = Math.Clamp(cargo.LoadInDepartures(svc.CapacityPerDeparture) - (needed - 1), 0, 1);
            return ready + (long)Math.Round(Math.Min(Secs(p.MaxWaitHours), fillSeconds * (1 - lastShare)), MidpointRounding.AwayFromZero);
        }
        long offset = 0;
        for (int k = 0; k < board; k++) offset += Secs(svc.Legs[k].Link.RunningTime.Median);
        var all = AllDepartures(s);
        var later = all.Where(d => d + offset >= ready).ToList();
        return later[needed - 1] + offset;
    }

    /// <summary>Every departure from the first stop from 40 days before to two years after the ready time, expanded day by day in local time.</summary>
    private List<long> AllDepartures(int s)
    {
        if (_departureCache.TryGetValue(s, out var cached)) return cached;
        var svc = _m.Services[s];
        var zone = _m.Nodes[NodeIndex(svc.Stops[0])].TimeZone;
        var list = new List<long>();
        // A trip boarded at a later stop left the first stop up to days earlier: start well before the ready time.
        var startDate = _r.ReadyTime.InZone(zone).Date.PlusDays(-40);
        if (svc.Departures is TimetablePattern t)
        {
            for (int d = 0; d < 800; d++)
            {
                var date = startDate.PlusDays(d);
                if (!t.Days.Contains(date.DayOfWeek)) continue;
                foreach (var time in t.Times) list.Add(zone.AtLeniently(date + time).ToInstant().ToUnixTimeSeconds());
            }
        }
        else if (svc.Departures is IntervalPattern iv)
        {
            long first = zone.AtLeniently(iv.FirstDeparture).ToInstant().ToUnixTimeSeconds();
            long step = (long)Math.Round(iv.EveryHours * 3600);
            long from = _ready - 40L * 86400;
            long x = first;
            while (x > from) x -= step;
            while (x < from) x += step;
            for (; x < _ready + 730L * 86400; x += step) list.Add(x);
        }
        list.Sort();
        _departureCache[s] = list;
        return list;
    }

    private int FindRule(int node, (TransportMode Mode, int Gauge) from, (TransportMode Mode, int Gauge) to)
    {
        for (int i = 0; i < _m.Transshipments.Count; i++)
        {
            var r = _m.Transshipments[i];
            if (r.Node == _m.Nodes[node].Id && r.FromMode == from.Mode && r.ToMode == to.Mode
                && (r.FromGauge is null || r.FromGauge == from.Gauge) && (r.ToGauge is null || r.ToGauge == to.Gauge))
                return i;
        }
        return -1;
    }

    private bool ServiceOk(Service s)
    {
        var c = _r.Constraints;
        int? dg = _r.Cargo.DangerousGoodsClass;
        return (!s.Planned || c.IncludePlanned) && !c.AvoidModes.Contains(s.Mode)
            && (s.CargoKinds is null || s.CargoKinds.Contains(_r.Cargo.Kind))
            && (dg is null || s.DangerousGoodsClasses is null || s.DangerousGoodsClasses.Contains(dg.Value));
    }

    private bool LinkOk(Link l)
    {
        int? dg = _r.Cargo.DangerousGoodsClass;
        return (!l.Planned || _r.Constraints.IncludePlanned) && l.CargoKinds.Contains(_r.Cargo.Kind)
            && (dg is null || l.DangerousGoodsClasses.Contains(dg.Value));
    }

    private bool NodeOk(int i)
    {
        var n = _m.Nodes[i];
        var c = _r.Constraints;
        int? dg = _r.Cargo.DangerousGoodsClass;
        return (!n.Planned || c.IncludePlanned) && !c.AvoidNodes.Contains(n.Id) && !c.AvoidCountries.Contains(n.Country)
            && (dg is null || n.DangerousGoodsClasses is null || n.DangerousGoodsClasses.Contains(dg.Value));
    }

    private int NodeIndex(string id) => _m.Nodes.ToList().FindIndex(n => n.Id == id);

    private static double FillMedian(Service s) => s.Departures is SailWhenFullPattern p ? p.FillTime.Median : 0;

    private static long Secs(double hours) => (long)Math.Round(hours * 3600, MidpointRounding.AwayFromZero);
}
