namespace Caravan.Simulation.Corridor;

/// <summary>
/// Waits and queues at each element of the corridor (a terminal's handling, a service's departures, a ferry route
/// direction, a locomotive pool), over the window and week by week. The components that own the elements record
/// the waits and hand over their queue-length statistics.
/// </summary>
internal sealed class ElementStatistics
{
    private const double Week = 168;

    private readonly CorridorPlan _plan;
    private readonly Simulator _sim;
    private readonly EventKind _weeklySample;
    private readonly double[] _weekWaitSum, _weekWaitCount, _lastQueueArea;
    private readonly FlowStatistics _flow;
    private readonly int _weeks;
    private int _weekIndex;
    private double _lastWipArea;

    public ElementStatistics(CorridorPlan plan, Simulator sim, FlowStatistics flow)
    {
        _plan = plan;
        _sim = sim;
        _flow = flow;
        _weeklySample = sim.Register(new WeeklySample(this));
        int elements = plan.Elements.Count;
        WaitSum = new double[elements];
        Waits = new QuantileSketch[elements];
        for (int e = 0; e < elements; e++) Waits[e] = new QuantileSketch();
        DelaySum = new double[elements];
        WaitCount = new double[elements];
        _weekWaitSum = new double[elements];
        _weekWaitCount = new double[elements];
        _weeks = (int)Math.Floor(plan.HorizonHours / Week);
        WeeklyQueue = new double[elements, _weeks];
        WeeklyWait = new double[elements, _weeks];
        WeeklyUnitsInSystem = new double[_weeks];
        _lastQueueArea = new double[elements];
        Queue = new TimeWeighted[elements];
    }

    /// <summary>Per element: wait hours × units, its queueing part (beyond the timetable) × units, and units served.</summary>
    public double[] WaitSum { get; }
    public double[] DelaySum { get; }
    public double[] WaitCount { get; }
    /// <summary>Every recorded wait per element, for its percentiles (what the planner's wait set is read from).</summary>
    public QuantileSketch[] Waits { get; }
    /// <summary>Each element's queue length, time-weighted (owned by the component that runs the element).</summary>
    public TimeWeighted[] Queue { get; }
    public double[,] WeeklyQueue { get; }
    public double[,] WeeklyWait { get; }
    public double[] WeeklyUnitsInSystem { get; }

    /// <summary>The element's queue is measured by <paramref name="queue"/>.</summary>
    public void TrackQueue(int element, TimeWeighted queue) => Queue[element] = queue;

    /// <summary>
    /// A wait at an element, weighted by the units it concerns. <paramref name="delay"/> is the part that is
    /// queueing (beyond the timetable), which the bottleneck ranking adds up. Waits that end before the window
    /// (at <paramref name="at"/>, by default now) are not counted.
    /// </summary>
    public void RecordWait(int element, double wait, double delay, double weight, double at = double.NaN)
    {
        if ((double.IsNaN(at) ? _sim.Now : at) < _plan.WarmupHours) return;
        WaitSum[element] += wait * weight;
        Waits[element].Add(Math.Max(0, wait), (long)Math.Round(weight));
        DelaySum[element] += delay * weight;
        WaitCount[element] += weight;
        _weekWaitSum[element] += wait * weight;
        _weekWaitCount[element] += weight;
    }

    /// <summary>The warm-up is over: weekly samples start a week from now.</summary>
    public void StartWindow()
    {
        if (_weeks > 0) _sim.Schedule(Week, _weeklySample);
    }

    private void SampleWeek()
    {
        double now = _sim.Now;
        int w = _weekIndex++;
        for (int e = 0; e < Queue.Length; e++)
        {
            double area = Queue[e].Area(now);
            WeeklyQueue[e, w] = (area - _lastQueueArea[e]) / Week;
            _lastQueueArea[e] = area;
            WeeklyWait[e, w] = _weekWaitCount[e] > 0 ? _weekWaitSum[e] / _weekWaitCount[e] : double.NaN;
            _weekWaitSum[e] = _weekWaitCount[e] = 0;
        }
        double wip = _flow.UnitsInSystem.Area(now);
        WeeklyUnitsInSystem[w] = (wip - _lastWipArea) / Week;
        _lastWipArea = wip;
        if (_weekIndex < _weeks) _sim.Schedule(Week, _weeklySample);
    }

    private sealed class WeeklySample(ElementStatistics statistics) : IEventHandler
    {
        public void OnEvent(int entity) => statistics.SampleWeek();
    }
}
