namespace Caravan.Simulation.Corridor;

/// <summary>Turns what the parts of a <see cref="CorridorModel"/> measured into its <see cref="ReplicationResult"/>.</summary>
internal static class ReplicationSummary
{
    /// <summary>The parts of a finished replication that the result is read from.</summary>
    public sealed record Parts(CorridorPlan Plan, Simulator Sim, int Replication, int LiveUnits,
        FlowStatistics Flow, ElementStatistics Elements, Terminals Terminals, Trains Trains, Vessels Vessels, Storms Storms);

    public static ReplicationResult Collect(Parts parts)
    {
        var (plan, sim, flow, elements) = (parts.Plan, parts.Sim, parts.Flow, parts.Elements);
        double now = sim.Now, horizon = plan.HorizonHours, perYear = CorridorTime.HoursPerYear / horizon;
        int count = plan.Elements.Count;
        var utilisation = new double[count];
        var sailings = new double[count];
        var loadPerSailing = new double[count];
        var vesselBusy = new double[count];
        Array.Fill(sailings, double.NaN);
        Array.Fill(loadPerSailing, double.NaN);
        Array.Fill(vesselBusy, double.NaN);
        Resources(parts, now, utilisation);
        Services(parts, perYear, utilisation, sailings, loadPerSailing);
        Ferries(parts, now, perYear, utilisation, sailings, loadPerSailing, vesselBusy);

        var meanQueue = new double[count];
        var meanWait = new double[count];
        var delay = new double[count];
        for (int e = 0; e < count; e++)
        {
            meanQueue[e] = elements.Queue[e].Mean(now);
            meanWait[e] = elements.WaitCount[e] > 0 ? elements.WaitSum[e] / elements.WaitCount[e] : double.NaN;
            delay[e] = flow.Delivered > 0 ? elements.DelaySum[e] / flow.Delivered : double.NaN;
        }

        return new ReplicationResult
        {
            Replication = parts.Replication,
            Events = sim.EventsProcessed,
            ArrivedUnits = flow.Arrived,
            RefusedUnits = flow.Refused,
            DeliveredUnits = flow.Delivered,
            UndeliveredUnits = flow.Undelivered,
            InSystemAtStart = flow.InSystemAtStart,
            InSystemAtEnd = flow.InSystem,
            CreatedUnitsTotal = flow.CreatedTotal,
            DeliveredUnitsTotal = flow.DeliveredTotal,
            RefusedUnitsTotal = flow.RefusedTotal,
            LiveEntitiesAtEnd = parts.LiveUnits,
            DemandTonnesPerYear = flow.DemandTonnesByStream.Sum() * perYear,
            DeliveredTonnesPerYear = flow.DeliveredTonnes * perYear,
            RefusedTonnesPerYear = flow.RefusedTonnes * perYear,
            UndeliveredTonnesPerYear = flow.UndeliveredTonnes * perYear,
            DeliveredTeuPerYear = flow.DeliveredTeu * perYear,
            DeliveredTonnesPerYearByStream = flow.DeliveredTonnesByStream.Select(t => t * perYear).ToArray(),
            DemandTonnesPerYearByStream = flow.DemandTonnesByStream.Select(t => t * perYear).ToArray(),
            SegmentTonnesPerYear = Scale(flow.SegmentTonnes, perYear),
            TransitMeanDays = flow.Transit.Mean / 24,
            TransitP50Days = flow.Transit.Quantile(0.5) / 24,
            TransitP90Days = flow.Transit.Quantile(0.9) / 24,
            TransitP95Days = flow.Transit.Quantile(0.95) / 24,
            TransitP50DaysByStream = flow.StreamTransit.Select(t => t.Quantile(0.5) / 24).ToArray(),
            TransitP90DaysByStream = flow.StreamTransit.Select(t => t.Quantile(0.9) / 24).ToArray(),
            TransitMeanDaysByStream = flow.StreamTransit.Select(t => t.Mean / 24).ToArray(),
            TransitMeanDaysFirstHalf = flow.TransitFirstHalf.Mean / 24,
            TransitMeanDaysSecondHalf = flow.TransitSecondHalf.Mean / 24,
            Transit = flow.Transit,
            MeanUnitsInSystem = flow.UnitsInSystem.Mean(now),
            ArrivalRatePerHour = (flow.Arrived - flow.Refused) / horizon,
            TransitMeanHours = flow.Transit.Mean,
            Utilisation = utilisation,
            MeanQueue = meanQueue,
            MeanWaitHours = meanWait,
            DelayHoursPerDeliveredUnit = delay,
            UnitsServed = elements.WaitCount.ToArray(),
            Waits = elements.Waits,
            RouteTransitHours = flow.RouteTransit,
            ReroutedUnitsPerYear = flow.Rerouted * perYear,
            SailingsPerYear = sailings,
            LoadPerSailing = loadPerSailing,
            VesselTimeBusy = vesselBusy,
            WeeklyQueue = elements.WeeklyQueue,
            WeeklyWaitHours = elements.WeeklyWait,
            WeeklyUnitsInSystem = elements.WeeklyUnitsInSystem,
            StormClosureHours = parts.Storms.ClosedHoursInWindow(),
        };
    }

    /// <summary>Handling servers and locomotive pools: busy time over available time.</summary>
    private static void Resources(Parts parts, double now, double[] utilisation)
    {
        var plan = parts.Plan;
        for (int h = 0; h < plan.Handling.Length; h++) utilisation[plan.Handling[h].Element] = parts.Terminals.Handling[h].Utilisation(now);
        var pools = parts.Trains.LocomotivePools;
        for (int p = 0; p < pools.Length; p++) utilisation[plan.Pools[p].Element] = pools[p].Utilisation(now);
    }

    /// <summary>Scheduled services: load factor, departures a year and units per departure.</summary>
    private static void Services(Parts parts, double perYear, double[] utilisation, double[] sailings, double[] loadPerSailing)
    {
        var carriers = parts.Plan.Carriers;
        double[] departures = parts.Trains.Departures, carried = parts.Trains.Carried;
        for (int c = 0; c < carriers.Length; c++)
            utilisation[carriers[c].Element] = departures[c] > 0 ? carried[c] / (departures[c] * carriers[c].Capacity) : double.NaN;
        for (int c = 0; c < carriers.Length; c++)
        {
            int e = carriers[c].Element;
            sailings[e] = departures[c] * perYear;
            loadPerSailing[e] = departures[c] > 0 ? carried[c] / departures[c] : double.NaN;
        }
    }

    /// <summary>Ferry routes per direction: load factor, sailings a year, units per sailing, and the fleet's busy time.</summary>
    private static void Ferries(Parts parts, double now, double perYear, double[] utilisation, double[] sailings, double[] loadPerSailing, double[] vesselBusy)
    {
        foreach (var route in parts.Vessels.Routes)
        {
            var plan = route.Plan;
            for (int d = 0; d < 2; d++)
            {
                int e = plan.Elements[d];
                double n = route.Sailings[d];
                sailings[e] = n * perYear;
                loadPerSailing[e] = n > 0 ? route.Carried[d] / n : double.NaN;
                // A vessel's utilisation is its load factor: what its sailings carried over what they could carry.
                utilisation[e] = n > 0 ? route.Carried[d] / (n * plan.Capacity) : double.NaN;
            }
            // The fleet's time not spent idle and empty at the loading port, reported beside the load factor.
            vesselBusy[plan.Elements[0]] = 1 - route.IdleTime.Area(now) / (plan.Vessels * parts.Plan.HorizonHours);
        }
    }

    private static double[,] Scale(double[,] a, double factor)
    {
        var r = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) r[i, j] = a[i, j] * factor;
        return r;
    }
}
