namespace Caravan.Simulation.Corridor;

/// <summary>Counters, weekly samples and the replication's result.</summary>
public sealed partial class CorridorModel
{
    private long _arrived, _refused, _delivered, _undelivered, _inSystem, _inSystemAtStart;
    private long _created, _deliveredTotal, _refusedTotal;
    private double _refusedTonnes, _undeliveredTonnes, _deliveredTonnes, _deliveredTeu;
    private readonly double[] _deliveredTonnesByStream, _demandTonnesByStream;
    private readonly double[,] _segmentTonnes;
    // Transit hours: exact mean, quantiles within 0.5 % and no upper limit (QuantileSketch).
    private readonly QuantileSketch _transit = new();
    private readonly QuantileSketch[] _streamTransit;
    /// <summary>Transit hours per route (a stream's main, fastest, block-train or adaptive route).</summary>
    private readonly QuantileSketch[] _routeTransit;
    // Transit of the units delivered in each half of the window: a queue that grows without bound shows as a
    // second half slower than the first (the saturation test of ScenarioResult).
    private readonly Tally _transitFirstHalf = new(), _transitSecondHalf = new();
    private readonly TimeWeighted _wip;

    private readonly double[] _waitSum, _delaySum, _waitCount, _weekWaitSum, _weekWaitCount, _lastQueueArea;
    /// <summary>Every recorded wait per element, for its percentiles (what the planner's wait set is read from).</summary>
    private readonly QuantileSketch[] _waits;
    private readonly int _weeks;
    private int _weekIndex;
    private double _lastWipArea;
    private readonly double[,] _weeklyQueue, _weeklyWait;
    private readonly double[] _weeklyWip;

    /// <summary>
    /// A wait at an element, weighted by the units it concerns. <paramref name="delay"/> is the part that is
    /// queueing (beyond the timetable), which the bottleneck ranking adds up.
    /// </summary>
    private void RecordWait(int element, double wait, double delay, double weight, double at = double.NaN)
    {
        if ((double.IsNaN(at) ? _sim.Now : at) < _plan.WarmupHours) return;
        _waitSum[element] += wait * weight;
        _waits[element].Add(Math.Max(0, wait), (long)Math.Round(weight));
        _delaySum[element] += delay * weight;
        _waitCount[element] += weight;
        _weekWaitSum[element] += wait * weight;
        _weekWaitCount[element] += weight;
    }

    private void OnWarmupEnd()
    {
        double now = _sim.Now;
        foreach (var r in _handling) r.ResetStatistics();
        foreach (var r in _locos) r.ResetStatistics();
        foreach (var q in _queueLength) q.Reset(now);
        foreach (var q in _ferryQueueLength) q.Reset(now);
        foreach (var q in _idleTime) q.Reset(now);
        _wip.Reset(now);
        _inSystemAtStart = _inSystem;
        if (_weeks > 0) _sim.Schedule(Week, _self, KSample, 0);
    }

    private void OnSample()
    {
        double now = _sim.Now;
        int w = _weekIndex++;
        for (int e = 0; e < _elementQueue.Length; e++)
        {
            double area = _elementQueue[e].Area(now);
            _weeklyQueue[e, w] = (area - _lastQueueArea[e]) / Week;
            _lastQueueArea[e] = area;
            _weeklyWait[e, w] = _weekWaitCount[e] > 0 ? _weekWaitSum[e] / _weekWaitCount[e] : double.NaN;
            _weekWaitSum[e] = _weekWaitCount[e] = 0;
        }
        double wip = _wip.Area(now);
        _weeklyWip[w] = (wip - _lastWipArea) / Week;
        _lastWipArea = wip;
        if (_weekIndex < _weeks) _sim.Schedule(Week, _self, KSample, 0);
    }

    private ReplicationResult Collect()
    {
        double now = _sim.Now, horizon = _plan.HorizonHours, perYear = HoursPerYear / horizon;
        int elements = _plan.Elements.Count;
        var utilisation = new double[elements];
        for (int h = 0; h < _handling.Length; h++) utilisation[_plan.Handling[h].Element] = _handling[h].Utilisation(now);
        for (int p = 0; p < _locos.Length; p++) utilisation[_plan.Pools[p].Element] = _locos[p].Utilisation(now);
        for (int c = 0; c < _plan.Carriers.Length; c++)
            utilisation[_plan.Carriers[c].Element] = _departures[c] > 0 ? _carried[c] / (_departures[c] * _plan.Carriers[c].Capacity) : double.NaN;
        var sailings = new double[elements];
        var loadPerSailing = new double[elements];
        Array.Fill(sailings, double.NaN);
        Array.Fill(loadPerSailing, double.NaN);
        for (int c = 0; c < _plan.Carriers.Length; c++)
        {
            int e = _plan.Carriers[c].Element;
            sailings[e] = _departures[c] * perYear;
            loadPerSailing[e] = _departures[c] > 0 ? _carried[c] / _departures[c] : double.NaN;
        }
        var vesselBusy = new double[elements];
        Array.Fill(vesselBusy, double.NaN);
        for (int f = 0; f < _plan.Ferries.Length; f++)
        {
            var plan = _plan.Ferries[f];
            for (int d = 0; d < 2; d++)
            {
                int e = plan.Elements[d];
                double n = _sailings[2 * f + d];
                sailings[e] = n * perYear;
                loadPerSailing[e] = n > 0 ? _ferryCarried[2 * f + d] / n : double.NaN;
                // A vessel's utilisation is its load factor: what its sailings carried over what they could carry.
                utilisation[e] = n > 0 ? _ferryCarried[2 * f + d] / (n * plan.Capacity) : double.NaN;
            }
            // The fleet's time not spent idle and empty at the loading port, reported beside the load factor.
            vesselBusy[plan.Elements[0]] = 1 - _idleTime[f].Area(now) / (plan.Vessels * horizon);
        }

        var meanQueue = new double[elements];
        var meanWait = new double[elements];
        var delay = new double[elements];
        for (int e = 0; e < elements; e++)
        {
            meanQueue[e] = _elementQueue[e].Mean(now);
            meanWait[e] = _waitCount[e] > 0 ? _waitSum[e] / _waitCount[e] : double.NaN;
            delay[e] = _delivered > 0 ? _delaySum[e] / _delivered : double.NaN;
        }

        return new ReplicationResult
        {
            Replication = _replication,
            Events = _sim.EventsProcessed,
            ArrivedUnits = _arrived,
            RefusedUnits = _refused,
            DeliveredUnits = _delivered,
            UndeliveredUnits = _undelivered,
            InSystemAtStart = _inSystemAtStart,
            InSystemAtEnd = _inSystem,
            CreatedUnitsTotal = _created,
            DeliveredUnitsTotal = _deliveredTotal,
            RefusedUnitsTotal = _refusedTotal,
            LiveEntitiesAtEnd = _units.Live,
            DemandTonnesPerYear = _demandTonnesByStream.Sum() * perYear,
            DeliveredTonnesPerYear = _deliveredTonnes * perYear,
            RefusedTonnesPerYear = _refusedTonnes * perYear,
            UndeliveredTonnesPerYear = _undeliveredTonnes * perYear,
            DeliveredTeuPerYear = _deliveredTeu * perYear,
            DeliveredTonnesPerYearByStream = _deliveredTonnesByStream.Select(t => t * perYear).ToArray(),
            DemandTonnesPerYearByStream = _demandTonnesByStream.Select(t => t * perYear).ToArray(),
            SegmentTonnesPerYear = Scale(_segmentTonnes, perYear),
            TransitMeanDays = _transit.Mean / 24,
            TransitP50Days = _transit.Quantile(0.5) / 24,
            TransitP90Days = _transit.Quantile(0.9) / 24,
            TransitP95Days = _transit.Quantile(0.95) / 24,
            TransitP50DaysByStream = _streamTransit.Select(t => t.Quantile(0.5) / 24).ToArray(),
            TransitP90DaysByStream = _streamTransit.Select(t => t.Quantile(0.9) / 24).ToArray(),
            TransitMeanDaysByStream = _streamTransit.Select(t => t.Mean / 24).ToArray(),
            TransitMeanDaysFirstHalf = _transitFirstHalf.Mean / 24,
            TransitMeanDaysSecondHalf = _transitSecondHalf.Mean / 24,
            Transit = _transit,
            MeanUnitsInSystem = _wip.Mean(now),
            ArrivalRatePerHour = (_arrived - _refused) / horizon,
            TransitMeanHours = _transit.Mean,
            Utilisation = utilisation,
            MeanQueue = meanQueue,
            MeanWaitHours = meanWait,
            DelayHoursPerDeliveredUnit = delay,
            UnitsServed = _waitCount.ToArray(),
            Waits = _waits,
            RouteTransitHours = _routeTransit,
            ReroutedUnitsPerYear = _rerouted * perYear,
            SailingsPerYear = sailings,
            LoadPerSailing = loadPerSailing,
            VesselTimeBusy = vesselBusy,
            WeeklyQueue = _weeklyQueue,
            WeeklyWaitHours = _weeklyWait,
            WeeklyUnitsInSystem = _weeklyWip,
            StormClosureHours = ClosedHoursInWindow(),
        };
    }

    private static double[,] Scale(double[,] a, double factor)
    {
        var r = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) r[i, j] = a[i, j] * factor;
        return r;
    }
}
