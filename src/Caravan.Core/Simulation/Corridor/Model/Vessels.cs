namespace Caravan.Simulation.Corridor;

/// <summary>
/// Caspian ferries: a finite fleet shuttling between two ports. In the loaded direction a vessel at the berth
/// loads (a <see cref="BatchServer"/>) and sails when full or when the maximum wait since its first unit has
/// passed; after the crossing and a turnaround it sails back at once with whatever waits on the other side
/// (backhaul), then turns around and is ready to load again. No vessel sails from a port closed by a storm.
/// </summary>
internal sealed class Vessels
{
    /// <summary>A vessel on a crossing (with its units) or turning around to sail in <see cref="Direction"/>.</summary>
    private struct Vessel
    {
        public int Ferry;
        public FerryDirection Direction;
        /// <summary>Its units, an intrusive list through <see cref="CargoUnit.Next"/>.</summary>
        public int Head, Count;
    }

    private readonly CorridorPlan _plan;
    private readonly Simulator _sim;
    private readonly RandomStream _durations;
    private readonly EntityPool<CargoUnit> _units;
    private readonly EntityPool<Vessel> _vessels = new(64);
    private readonly ElementStatistics _elements;
    private readonly Storms _storms;
    private readonly Journeys _journeys;
    private readonly EventKind _arrival, _ready;

    public Vessels(CorridorPlan plan, Simulator sim, RandomStream durations, EntityPool<CargoUnit> units,
        ElementStatistics elements, Storms storms, Journeys journeys)
    {
        _plan = plan;
        _sim = sim;
        _durations = durations;
        _units = units;
        _elements = elements;
        _storms = storms;
        _journeys = journeys;
        _arrival = sim.Register(new VesselArrival(this));
        _ready = sim.Register(new VesselReady(this));
        Routes = new FerryRoute[plan.Ferries.Length];
        for (int f = 0; f < Routes.Length; f++)
        {
            var route = plan.Ferries[f];
            Routes[f] = new FerryRoute(route, new BatchServer(sim, route.Capacity, route.MaxWaitHours, new Loaded(this, f)));
            for (int d = 0; d < 2; d++) elements.TrackQueue(route.Elements[d], Routes[f].QueueLength[d]);
        }
    }

    /// <summary>One per ferry plan, indexed like <see cref="CorridorPlan.Ferries"/>.</summary>
    public FerryRoute[] Routes { get; }

    public void Join(int f, FerryDirection direction, int u)
    {
        var route = Routes[f];
        route.Waiting[(int)direction].Enqueue(u);
        if (direction == FerryDirection.Loaded) FillLoading(f);
        else route.QueueLength[1].Update(_sim.Now, route.Waiting[1].Count);
    }

    public void ResetStatistics(double now)
    {
        foreach (var route in Routes)
        {
            foreach (var q in route.QueueLength) q.Reset(now);
            route.IdleTime.Reset(now);
        }
    }

    /// <summary>Puts waiting units aboard the vessel at the berth, bringing an idle vessel alongside when the last one sailed.</summary>
    private void FillLoading(int f)
    {
        var route = Routes[f];
        var queue = route.Waiting[0];
        while (true)
        {
            if (!route.Loading)
            {
                if (route.IdleVessels == 0) break;
                route.IdleVessels--;
                route.Loading = true;
            }
            if (queue.Count == 0) break;
            route.Loader.Add(queue.Dequeue()); // may sail at once (full), which clears Loading
        }
        double now = _sim.Now;
        int loaded = route.Loading ? route.Loader.Loaded : 0;
        route.QueueLength[0].Update(now, queue.Count + loaded);
        route.IdleTime.Update(now, route.IdleVessels + (route.Loading && loaded == 0 ? 1 : 0));
    }

    private void OnLoaded(int f, ReadOnlySpan<int> units)
    {
        Routes[f].Loading = false;
        int head = -1, tail = -1;
        foreach (int u in units)
        {
            if (head < 0) head = u; else _units[tail].Next = u;
            tail = u;
        }
        _units[tail].Next = -1;
        Sail(f, FerryDirection.Loaded, head, units.Length);
    }

    private void OnReady(int v)
    {
        Vessel vessel = _vessels[v];
        _vessels.Free(v);
        int f = vessel.Ferry;
        var route = Routes[f];
        if (vessel.Direction == FerryDirection.Loaded)
        {
            route.IdleVessels++;
            FillLoading(f);
            return;
        }
        // Backhaul: take what is waiting, up to a full load, and sail back without waiting for more.
        var queue = route.Waiting[1];
        int n = Math.Min(queue.Count, route.Plan.Capacity);
        int head = -1, tail = -1;
        for (int k = 0; k < n; k++)
        {
            int u = queue.Dequeue();
            if (head < 0) head = u; else _units[tail].Next = u;
            tail = u;
        }
        if (tail >= 0) _units[tail].Next = -1;
        route.QueueLength[1].Update(_sim.Now, queue.Count);
        Sail(f, FerryDirection.Backhaul, head, n);
    }

    private void Sail(int f, FerryDirection direction, int head, int count)
    {
        var route = Routes[f];
        var plan = route.Plan;
        int d = (int)direction;
        double now = _sim.Now;
        int port = plan.WeatherPort[d];
        double sailAt = port >= 0 ? _storms.OpenAt(port, now) : now;
        int element = plan.Elements[d];
        for (int u = head, k = 0; k < count; k++, u = _units[u].Next)
        {
            double wait = sailAt - _units[u].JoinedAt;
            _elements.RecordWait(element, wait, wait, 1, sailAt);
        }
        if (now >= _plan.WarmupHours)
        {
            route.Sailings[d]++;
            route.Carried[d] += count;
        }
        int v = _vessels.Allocate();
        ref Vessel vessel = ref _vessels[v];
        vessel.Ferry = f;
        vessel.Direction = direction;
        vessel.Head = head;
        vessel.Count = count;
        _sim.ScheduleAt(sailAt + plan.Crossing.Quantile(_durations.NextDouble()), _arrival, v);
        if (direction == FerryDirection.Loaded)
        {
            FillLoading(f); // the next idle vessel comes alongside
        }
    }

    /// <summary>The vessel reaches the other port: its units alight, and it turns around to sail the other way.</summary>
    private void OnArrival(int v)
    {
        Vessel vessel = _vessels[v]; // a copy: alighting units may grow the pool
        int u = vessel.Head;
        for (int k = 0; k < vessel.Count; k++)
        {
            int next = _units[u].Next; // read first: the unit may board another vehicle at once
            _journeys.Alight(u);
            u = next;
        }
        ref Vessel turning = ref _vessels[v];
        turning.Direction = vessel.Direction == FerryDirection.Loaded ? FerryDirection.Backhaul : FerryDirection.Loaded;
        turning.Head = -1;
        turning.Count = 0;
        _sim.Schedule(Routes[vessel.Ferry].Plan.TurnaroundHours, _ready, v);
    }

    private sealed class Loaded(Vessels vessels, int ferry) : IBatchUser
    {
        public void OnBatchDeparted(BatchServer server, ReadOnlySpan<int> units) => vessels.OnLoaded(ferry, units);
    }

    private sealed class VesselArrival(Vessels vessels) : IEventHandler
    {
        public void OnEvent(int vessel) => vessels.OnArrival(vessel);
    }

    private sealed class VesselReady(Vessels vessels) : IEventHandler
    {
        public void OnEvent(int vessel) => vessels.OnReady(vessel);
    }
}
