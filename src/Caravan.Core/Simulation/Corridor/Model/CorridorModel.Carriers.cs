namespace Caravan.Simulation.Corridor;

/// <summary>Handling resources, scheduled trains and sailings, and locomotive pools.</summary>
public sealed partial class CorridorModel
{
    private Resource[] _handling = [];
    private Resource[] _locos = [];
    private RingQueue<int>[] _queues = [];
    private TimeWeighted[] _queueLength = [];
    private int[] _nextOffset = [];
    private int[] _week = [];
    private double[] _departures = [];
    private double[] _carried = [];
    private TimeWeighted[] _elementQueue = [];

    private sealed class HandlingUser(CorridorModel model, int index) : IResourceUser
    {
        public void OnGranted(Resource resource, int entity, double requestedAt) => model.OnHandlingGranted(index, entity, requestedAt);
    }

    private sealed class LocoUser(CorridorModel model, int index) : IResourceUser
    {
        public void OnGranted(Resource resource, int entity, double requestedAt) => model.OnLocoGranted(index, entity, requestedAt);
    }

    private void BuildHandling()
    {
        _elementQueue = new TimeWeighted[_plan.Elements.Count];
        _handling = new Resource[_plan.Handling.Length];
        for (int h = 0; h < _handling.Length; h++)
        {
            _handling[h] = new Resource(_sim, _plan.Handling[h].Servers, new HandlingUser(this, h));
            _elementQueue[_plan.Handling[h].Element] = _handling[h].QueueLength;
        }
        _locos = new Resource[_plan.Pools.Length];
        for (int p = 0; p < _locos.Length; p++)
        {
            _locos[p] = new Resource(_sim, _plan.Pools[p].Locomotives, new LocoUser(this, p));
            _elementQueue[_plan.Pools[p].Element] = _locos[p].QueueLength;
        }
    }

    private void BuildCarriers()
    {
        int n = _plan.Carriers.Length;
        _queues = new RingQueue<int>[n];
        _queueLength = new TimeWeighted[n];
        _nextOffset = new int[n];
        _week = new int[n];
        _departures = new double[n];
        _carried = new double[n];
        for (int c = 0; c < n; c++)
        {
            var plan = _plan.Carriers[c];
            _queues[c] = new RingQueue<int>(64);
            _queueLength[c] = new TimeWeighted(0);
            _elementQueue[plan.Element] = _queueLength[c];
            _sim.ScheduleAt(plan.WeeklyOffsets is { } w ? w[0] : plan.Phase, _self, KDeparture, c);
        }
    }

    /// <summary>The first scheduled departure at or after <paramref name="t"/>: the one a unit ready at t can make.</summary>
    private double FirstDepartureFrom(int c, double t)
    {
        var plan = _plan.Carriers[c];
        if (plan.WeeklyOffsets is not { } offsets)
            return t <= plan.Phase ? plan.Phase : plan.Phase + plan.EveryHours * Math.Ceiling((t - plan.Phase) / plan.EveryHours);
        double week = Math.Floor(t / Week);
        double within = t - week * Week;
        int i = Array.BinarySearch(offsets, within);
        if (i < 0) i = ~i;
        return i < offsets.Length ? week * Week + offsets[i] : (week + 1) * Week + offsets[0];
    }

    private void JoinScheduled(int c, int u)
    {
        _queues[c].Enqueue(u);
        _queueLength[c].Update(_sim.Now, _queues[c].Count);
    }

    private void OnDeparture(int c)
    {
        var plan = _plan.Carriers[c];
        double now = _sim.Now;
        bool inWindow = now >= _plan.WarmupHours;
        if (inWindow) _departures[c]++;
        var queue = _queues[c];
        int n = Math.Min(queue.Count, plan.Capacity);
        if (n > 0)
        {
            int v = _vehicles.Allocate();
            int head = queue.Dequeue(), tail = head;
            for (int k = 1; k < n; k++)
            {
                int u = queue.Dequeue();
                _units[tail].Next = u;
                tail = u;
            }
            _units[tail].Next = -1;
            _queueLength[c].Update(now, queue.Count);
            ref Vehicle vehicle = ref _vehicles[v];
            vehicle.Head = head;
            vehicle.Count = n;
            vehicle.Carrier = c;
            vehicle.Ferry = -1;
            vehicle.ScheduledAt = now;
            if (plan.Pool >= 0) _locos[plan.Pool].Request(v);
            else DepartTrain(v);
        }

        // Next departure.
        double next;
        if (plan.WeeklyOffsets is { } offsets)
        {
            if (++_nextOffset[c] == offsets.Length)
            {
                _nextOffset[c] = 0;
                _week[c]++;
            }
            next = _week[c] * Week + offsets[_nextOffset[c]];
        }
        else next = now + plan.EveryHours;
        if (next <= _plan.EndHours) _sim.ScheduleAt(next, _self, KDeparture, c);
    }

    private void OnLocoGranted(int pool, int v, double requestedAt)
    {
        double wait = _sim.Now - requestedAt;
        RecordWait(_plan.Pools[pool].Element, wait, wait, _vehicles[v].Count);
        DepartTrain(v);
    }

    private void DepartTrain(int v)
    {
        Vehicle vehicle = _vehicles[v];
        var plan = _plan.Carriers[vehicle.Carrier];
        double now = _sim.Now;
        // Waiting for the timetable is not queueing; waiting beyond the first departure the unit could make is.
        for (int u = vehicle.Head; u >= 0; u = _units[u].Next)
        {
            double joined = _units[u].JoinedAt;
            RecordWait(plan.Element, now - joined, Math.Max(0, vehicle.ScheduledAt - FirstDepartureFrom(vehicle.Carrier, joined)), 1);
        }
        if (now >= _plan.WarmupHours) _carried[vehicle.Carrier] += vehicle.Count;
        double run = 0;
        foreach (var leg in plan.Running) run += leg.Quantile(_rng.NextDouble());
        _sim.Schedule(run, _self, KVehicleArrival, v);
        if (plan.Pool >= 0)
            _sim.Schedule(2 * run + _plan.Pools[plan.Pool].TurnaroundHours, _self, KLocoRelease, plan.Pool);
    }

    private void OnVehicleArrival(int v)
    {
        Vehicle vehicle = _vehicles[v]; // a copy: alighting units may grow the pool
        _vehicles.Free(v);
        int u = vehicle.Head;
        for (int k = 0; k < vehicle.Count; k++)
        {
            int next = _units[u].Next; // read first: the unit may board another vehicle at once
            Alight(u);
            u = next;
        }
        if (vehicle.Ferry >= 0)
            _sim.Schedule(_plan.Ferries[vehicle.Ferry].TurnaroundHours, _self, KVesselReady, (vehicle.Ferry << 1) | (1 - vehicle.Direction));
    }

    private int FirstCarrierBacklog(int firstStep)
    {
        ref StepPlan step = ref _steps[firstStep];
        if (step.Carrier >= 0) return _queues[step.Carrier].Count;
        int q = _ferryQueues[(step.Ferry << 1) | step.FerryDirection].Count;
        return step.FerryDirection == 0 ? q + _loaders[step.Ferry].Loaded : q;
    }
}
