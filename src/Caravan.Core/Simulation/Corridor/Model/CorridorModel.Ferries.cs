namespace Caravan.Simulation.Corridor;

/// <summary>
/// Caspian ferries: a finite fleet shuttling between two ports. In the loaded direction a vessel at the berth
/// loads (a <see cref="BatchServer"/>) and sails when full or when the maximum wait since its first unit has
/// passed; after the crossing and a turnaround it sails back at once with whatever waits on the other side
/// (backhaul), then turns around and is ready to load again. No vessel sails from a port closed by a storm.
/// </summary>
public sealed partial class CorridorModel
{
    private BatchServer[] _loaders = [];
    private RingQueue<int>[] _ferryQueues = [];       // [ferry * 2 + direction]
    private TimeWeighted[] _ferryQueueLength = [];
    private int[] _idleVessels = [];                   // at the loading port, not loading
    private bool[] _loading = [];
    private TimeWeighted[] _idleTime = [];             // vessels at the loading port with nothing aboard
    private double[] _sailings = [];                   // [ferry * 2 + direction], in the window
    private double[] _ferryCarried = [];

    private sealed class FerryUser(CorridorModel model, int index) : IBatchUser
    {
        public void OnBatchDeparted(BatchServer server, ReadOnlySpan<int> units) => model.OnFerryLoaded(index, units);
    }

    private void BuildFerries()
    {
        int n = _plan.Ferries.Length;
        _loaders = new BatchServer[n];
        _ferryQueues = new RingQueue<int>[2 * n];
        _ferryQueueLength = new TimeWeighted[2 * n];
        _idleVessels = new int[n];
        _loading = new bool[n];
        _idleTime = new TimeWeighted[n];
        _sailings = new double[2 * n];
        _ferryCarried = new double[2 * n];
        for (int f = 0; f < n; f++)
        {
            var plan = _plan.Ferries[f];
            _loaders[f] = new BatchServer(_sim, plan.Capacity, plan.MaxWaitHours, new FerryUser(this, f));
            _idleVessels[f] = plan.Vessels; // the whole fleet starts at the loading port
            _idleTime[f] = new TimeWeighted(0, plan.Vessels);
            for (int d = 0; d < 2; d++)
            {
                _ferryQueues[2 * f + d] = new RingQueue<int>(64);
                _ferryQueueLength[2 * f + d] = new TimeWeighted(0);
                _elementQueue[plan.Elements[d]] = _ferryQueueLength[2 * f + d];
            }
        }
    }

    private void JoinFerry(int f, int direction, int u)
    {
        _ferryQueues[2 * f + direction].Enqueue(u);
        if (direction == 0) FillLoading(f);
        else _ferryQueueLength[2 * f + 1].Update(_sim.Now, _ferryQueues[2 * f + 1].Count);
    }

    /// <summary>Puts waiting units aboard the vessel at the berth, bringing an idle vessel alongside when the last one sailed.</summary>
    private void FillLoading(int f)
    {
        var queue = _ferryQueues[2 * f];
        while (true)
        {
            if (!_loading[f])
            {
                if (_idleVessels[f] == 0) break;
                _idleVessels[f]--;
                _loading[f] = true;
            }
            if (queue.Count == 0) break;
            _loaders[f].Add(queue.Dequeue()); // may sail at once (full), which clears _loading
        }
        double now = _sim.Now;
        int loaded = _loading[f] ? _loaders[f].Loaded : 0;
        _ferryQueueLength[2 * f].Update(now, queue.Count + loaded);
        _idleTime[f].Update(now, _idleVessels[f] + (_loading[f] && loaded == 0 ? 1 : 0));
    }

    private void OnFerryLoaded(int f, ReadOnlySpan<int> units)
    {
        _loading[f] = false;
        int v = _vehicles.Allocate();
        int head = -1, tail = -1;
        foreach (int u in units)
        {
            if (head < 0) head = u; else _units[tail].Next = u;
            tail = u;
        }
        _units[tail].Next = -1;
        Sail(f, 0, v, head, units.Length);
    }

    private void OnVesselReady(int f, int direction)
    {
        if (direction == 0)
        {
            _idleVessels[f]++;
            FillLoading(f);
            return;
        }
        // Backhaul: take what is waiting, up to a full load, and sail back without waiting for more.
        var queue = _ferryQueues[2 * f + 1];
        int n = Math.Min(queue.Count, _plan.Ferries[f].Capacity);
        int head = -1, tail = -1;
        for (int k = 0; k < n; k++)
        {
            int u = queue.Dequeue();
            if (head < 0) head = u; else _units[tail].Next = u;
            tail = u;
        }
        if (tail >= 0) _units[tail].Next = -1;
        _ferryQueueLength[2 * f + 1].Update(_sim.Now, queue.Count);
        Sail(f, 1, _vehicles.Allocate(), head, n);
    }

    private void Sail(int f, int direction, int v, int head, int count)
    {
        var plan = _plan.Ferries[f];
        double now = _sim.Now;
        int port = plan.WeatherPort[direction];
        double sailAt = port >= 0 ? OpenAt(port, now) : now;
        int element = plan.Elements[direction];
        for (int u = head, k = 0; k < count; k++, u = _units[u].Next)
        {
            double wait = sailAt - _units[u].JoinedAt;
            RecordWait(element, wait, wait, 1, sailAt);
        }
        if (now >= _plan.WarmupHours)
        {
            _sailings[2 * f + direction]++;
            _ferryCarried[2 * f + direction] += count;
        }
        ref Vehicle vehicle = ref _vehicles[v];
        vehicle.Head = head;
        vehicle.Count = count;
        vehicle.Carrier = -1;
        vehicle.Ferry = f;
        vehicle.Direction = direction;
        _sim.ScheduleAt(sailAt + plan.Crossing.Quantile(_rng.NextDouble()), _self, KVehicleArrival, v);
        if (direction == 0)
        {
            FillLoading(f); // the next idle vessel comes alongside
        }
    }
}
