using Caravan.Network;
using Caravan.Planning.Compiled;
using Caravan.Shipments;
using Caravan.Tariffs;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Caravan.Bench.Planning;

/// <summary>
/// The textbook alternative the planner has to beat: earliest arrival by Dijkstra (QuikGraph's
/// <see cref="DijkstraShortestPathAlgorithm{TVertex,TEdge}"/>) on a time-expanded graph of the network for one cargo
/// over a fixed horizon. Built once, before any query is timed. Vertices and arcs:
/// <list type="bullet">
/// <item>an <b>on-board event</b> per trip and stop (the vehicle at that stop: arrival there, departure from there);
/// <b>ride arcs</b> join consecutive stops of a trip (weight: the leg's median running time in whole seconds);</item>
/// <item>a <b>departure event</b> per trip and boarding stop, chained in time order per (node, vehicle state) by
/// <b>wait arcs</b>, with a zero <b>boarding arc</b> onto the trip;</item>
/// <item>from every on-board event that is an arrival, a <b>dwell/transshipment arc</b> to the first departure event of
/// each vehicle state at that node that the cargo can make after the node's dwell and (when the state changes) the
/// transshipment rule's time, or none when no rule allows the change;</item>
/// <item>a sail-when-full ferry departs a fixed time after the cargo is ready at its first port (its fill wait for this
/// cargo), so each arrival event at such a port gets its own trip of that ferry.</item>
/// </list>
/// Weights are seconds, so a vertex's distance from the query source is its time minus the ready time. The rules are
/// the planner's (docs/planner.md) re-implemented from the model: median durations rounded by
/// <see cref="CompiledNetwork.Seconds"/>, dwell at every boarding including the origin, the first transshipment rule
/// that matches, the departure calendars (<see cref="DepartureCalendar"/>, which expands local timetables to UTC).
/// Limits, checked when building: the cargo fits one departure of every service; no sail-when-full ferry calls at a
/// port where another one starts; queries do not start at such a port.
/// </summary>
internal sealed class TimeExpandedBaseline
{
    private readonly AdjacencyGraph<int, STaggedEdge<int, int>> _graph;
    private readonly long[] _time;
    /// <summary>Node index of each vertex, or -1 for the query source.</summary>
    private readonly int[] _node;
    private readonly bool[] _isArrival;
    private readonly Dictionary<string, int> _nodeIndex;
    private readonly int[] _dwell;
    /// <summary>Departure events per node and state, sorted by time: (time, vertex).</summary>
    private readonly Dictionary<int, List<(int State, long[] Times, int[] Vertices)>> _chains;
    private readonly HashSet<int> _sailWhenFullPorts;
    private readonly int _source;

    public long HorizonStart { get; }
    public long HorizonEnd { get; }
    public int VertexCount => _graph.VertexCount;
    public int EdgeCount => _graph.EdgeCount;
    public int TripCount { get; }

    private TimeExpandedBaseline(AdjacencyGraph<int, STaggedEdge<int, int>> graph, long[] time, int[] node, bool[] isArrival,
        Dictionary<string, int> nodeIndex, int[] dwell, Dictionary<int, List<(int, long[], int[])>> chains,
        HashSet<int> sailWhenFullPorts, int source, long horizonStart, long horizonEnd, int tripCount)
    {
        _graph = graph;
        _time = time;
        _node = node;
        _isArrival = isArrival;
        _nodeIndex = nodeIndex;
        _dwell = dwell;
        _chains = chains;
        _sailWhenFullPorts = sailWhenFullPorts;
        _source = source;
        HorizonStart = horizonStart;
        HorizonEnd = horizonEnd;
        TripCount = tripCount;
    }

    /// <summary>Builds the graph for <paramref name="cargo"/> with every departure in [start, end] (UTC seconds).</summary>
    public static TimeExpandedBaseline Build(NetworkModel model, Cargo cargo, long horizonStart, long horizonEnd) =>
        new TimeExpandedGraphBuilder(model, cargo, horizonStart, horizonEnd).Build();

    internal static TimeExpandedBaseline FromParts(AdjacencyGraph<int, STaggedEdge<int, int>> graph, long[] time, int[] node,
        bool[] isArrival, Dictionary<string, int> nodeIndex, int[] dwell, Dictionary<int, List<(int, long[], int[])>> chains,
        HashSet<int> sailWhenFullPorts, int source, long horizonStart, long horizonEnd, int tripCount) =>
        new(graph, time, node, isArrival, nodeIndex, dwell, chains, sailWhenFullPorts, source, horizonStart, horizonEnd, tripCount);

    /// <summary>
    /// Earliest arrival (UTC seconds) at <paramref name="to"/> for cargo ready at <paramref name="from"/> at
    /// <paramref name="ready"/>; null when none within the horizon. Dijkstra stops as soon as it settles an arrival at
    /// the destination, the usual early exit. Connecting the query source to the origin's departure chains is part of
    /// the timed query.
    /// </summary>
    public long? EarliestArrival(string from, string to, long ready)
    {
        int origin = _nodeIndex[from], destination = _nodeIndex[to];
        if (_sailWhenFullPorts.Contains(origin))
            throw new NotSupportedException($"{from} starts a sail-when-full ferry; the baseline has no departure events for cargo first ready there.");
        if (ready < HorizonStart) throw new ArgumentOutOfRangeException(nameof(ready), "ready time before the horizon");

        _graph.ClearOutEdges(_source);
        long boardable = ready + _dwell[origin];
        if (_chains.TryGetValue(origin, out var chains))
            foreach (var (_, times, vertices) in chains)
            {
                int i = LowerBound(times, boardable);
                if (i < times.Length) _graph.AddEdge(new STaggedEdge<int, int>(_source, vertices[i], checked((int)(times[i] - ready))));
            }

        var dijkstra = new DijkstraShortestPathAlgorithm<int, STaggedEdge<int, int>>(_graph, e => e.Tag);
        int reached = -1;
        dijkstra.FinishVertex += v =>
        {
            if (reached < 0 && _isArrival[v] && _node[v] == destination)
            {
                reached = v;
                dijkstra.Abort();
            }
        };
        dijkstra.Compute(_source);
        if (reached < 0 || !dijkstra.TryGetDistance(reached, out double d)) return null;
        // Every arc weighs the time it spans, so the distance must land exactly on the event's time.
        if (ready + (long)d != _time[reached])
            throw new InvalidOperationException($"Time-expanded graph inconsistent: distance {d} s from {ready} reaches an event at {_time[reached]}.");
        return _time[reached];
    }

    internal static int LowerBound(long[] a, long value)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
