using Caravan.Network;
using Caravan.Planning.Compiled;
using Caravan.Shipments;
using Caravan.Tariffs;
using NodaTime;
using QuikGraph;

namespace Caravan.Bench.Planning;

/// <summary>Builds the <see cref="TimeExpandedBaseline"/>'s graph; see there for what the vertices and arcs are.</summary>
internal sealed class TimeExpandedGraphBuilder
{
    private readonly NetworkModel _model;
    private readonly Cargo _cargo;
    private readonly long _start, _end;
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly int[] _dwell;
    private readonly bool[] _nodeUsable;

    private readonly List<long> _time = [];
    private readonly List<int> _node = [];
    private readonly List<bool> _isArrival = [];
    /// <summary>Arrival vertices with the vehicle state they arrived in.</summary>
    private readonly List<(int Vertex, int State)> _arrivals = [];
    private readonly List<STaggedEdge<int, int>> _edges = [];
    private readonly Dictionary<(int Node, int State), List<(long Time, int Vertex)>> _departures = [];
    private int _trips;

    public TimeExpandedGraphBuilder(NetworkModel model, Cargo cargo, long horizonStart, long horizonEnd)
    {
        _model = model;
        _cargo = cargo;
        _start = horizonStart;
        _end = horizonEnd;
        for (int i = 0; i < model.Nodes.Count; i++) _nodeIndex[model.Nodes[i].Id] = i;
        _dwell = model.Nodes.Select(n => CompiledNetwork.Seconds(n.Dwell.Median)).ToArray();
        int? dg = cargo.DangerousGoodsClass;
        _nodeUsable = model.Nodes.Select(n => !n.Planned && (dg is null || n.DangerousGoodsClasses is null || n.DangerousGoodsClasses.Contains(dg.Value))).ToArray();
    }

    public TimeExpandedBaseline Build()
    {
        var tariffs = new TariffCalculator(_model);
        var usable = _model.Services.Where(s => Usable(s, tariffs)).ToList();
        foreach (var s in usable)
            if (_cargo.DeparturesNeeded(s.CapacityPerDeparture) != 1)
                throw new NotSupportedException($"The cargo needs several departures of {s.Id}; the baseline models one vehicle per ride.");

        var scheduled = usable.Where(s => s.Departures is not SailWhenFullPattern).ToList();
        var sailWhenFull = usable.Where(s => s.Departures is SailWhenFullPattern).ToList();
        var sailWhenFullPorts = sailWhenFull.Select(s => _nodeIndex[s.Stops[0]]).ToHashSet();
        foreach (var s in sailWhenFull)
            if (s.Stops.Skip(1).Any(id => sailWhenFullPorts.Contains(_nodeIndex[id])))
                throw new NotSupportedException($"Sail-when-full ferry {s.Id} calls where another starts; the baseline does not chain them.");

        foreach (var s in scheduled) AddScheduledTrips(s);
        // Arrivals so far are all the scheduled ones; sail-when-full trips start from those at their port.
        var scheduledArrivals = _arrivals.ToList();
        foreach (var s in sailWhenFull) AddSailWhenFullTrips(s, scheduledArrivals);

        var chains = ChainDepartures();
        AddTransferArcs(chains);

        int source = AddVertex(long.MinValue, -1, false);
        var graph = new AdjacencyGraph<int, STaggedEdge<int, int>>(allowParallelEdges: true, vertexCapacity: _time.Count, edgeCapacity: 2);
        for (int v = 0; v < _time.Count; v++) graph.AddVertex(v);
        foreach (var e in _edges) graph.AddEdge(e);

        var chainsByNode = chains.GroupBy(c => c.Key.Node)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Key.State, c.Value.Times, c.Value.Vertices)).ToList());
        return TimeExpandedBaseline.FromParts(graph, _time.ToArray(), _node.ToArray(), _isArrival.ToArray(), _nodeIndex, _dwell,
            chainsByNode, sailWhenFullPorts, source, _start, _end, _trips);
    }

    /// <summary>The planner's service filter for this cargo (no constraints, planned routes excluded).</summary>
    private bool Usable(Service s, TariffCalculator tariffs)
    {
        int? dg = _cargo.DangerousGoodsClass;
        return !s.Planned
            && (s.CargoKinds is null || s.CargoKinds.Contains(_cargo.Kind))
            && (dg is null || s.DangerousGoodsClasses is null || s.DangerousGoodsClasses.Contains(dg.Value))
            // Whether a carrier prices a ride does not depend on its length.
            && tariffs.TryPriceRide(s, 100, _cargo, out _);
    }

    private bool LegUsable(LinkTraversal leg)
    {
        int? dg = _cargo.DangerousGoodsClass;
        return !leg.Link.Planned && leg.Link.CargoKinds.Contains(_cargo.Kind)
            && (dg is null || leg.Link.DangerousGoodsClasses.Contains(dg.Value));
    }

    /// <summary>Vehicle state of a leg: mode and gauge (0 off rail), as the planner keys transshipments.</summary>
    private static int State(Service s, int leg) => (int)s.Mode * 10_000 + (s.Legs[leg].Link.Gauge ?? 0);

    private static long[] Offsets(Service s)
    {
        var offsets = new long[s.Stops.Count];
        for (int k = 1; k < offsets.Length; k++)
            offsets[k] = offsets[k - 1] + CompiledNetwork.Seconds(s.Legs[k - 1].Link.RunningTime.Median);
        return offsets;
    }

    private void AddScheduledTrips(Service s)
    {
        var offsets = Offsets(s);
        var calendar = new DepartureCalendar(s.Departures, _model.GetNode(s.Stops[0]).TimeZone);
        long earliest = _start - offsets[^1];
        for (int year = YearOf(earliest); year <= YearOf(_end); year++)
            foreach (long first in calendar.Year(year))
                if (first >= earliest && first <= _end) AddTrip(s, offsets, first);
    }

    /// <summary>
    /// One trip leaving its first stop at <paramref name="first"/>: on-board events at each stop it reaches for this
    /// cargo (the ride ends at the first leg or node the cargo may not use, as in the planner), ride arcs between them,
    /// and, for a scheduled service, a departure event with a boarding arc at each stop the cargo may board. Returns the
    /// on-board event at the second stop, or -1.
    /// </summary>
    private int AddTrip(Service s, long[] offsets, long first)
    {
        _trips++;
        int previous = -1, secondStop = -1;
        for (int k = 0; k < s.Stops.Count; k++)
        {
            if (k > 0 && !(LegUsable(s.Legs[k - 1]) && _nodeUsable[_nodeIndex[s.Stops[k]]])) break;
            int node = _nodeIndex[s.Stops[k]];
            long t = first + offsets[k];
            int v = AddVertex(t, node, isArrival: k > 0);
            if (k > 0)
            {
                _arrivals.Add((v, State(s, k - 1)));
                if (previous >= 0) _edges.Add(new STaggedEdge<int, int>(previous, v, (int)(offsets[k] - offsets[k - 1])));
                if (k == 1) secondStop = v;
            }
            if (k + 1 < s.Stops.Count && s.Departures is not SailWhenFullPattern && LegUsable(s.Legs[k]))
            {
                int d = AddVertex(t, node, isArrival: false);
                _edges.Add(new STaggedEdge<int, int>(d, v, 0));
                Departures(node, State(s, k)).Add((t, d));
            }
            previous = v;
        }
        return secondStop;
    }

    /// <summary>
    /// A sail-when-full ferry leaves when the vessel is full or its longest wait is up; the part of it this cargo fills
    /// shortens the wait in proportion, exactly as the planner's nominal departure does.
    /// </summary>
    private void AddSailWhenFullTrips(Service s, List<(int Vertex, int State)> arrivals)
    {
        if (!LegUsable(s.Legs[0])) return;
        var pattern = (SailWhenFullPattern)s.Departures;
        var offsets = Offsets(s);
        int port = _nodeIndex[s.Stops[0]];
        double share = Math.Clamp(_cargo.LoadInDepartures(s.CapacityPerDeparture) - (_cargo.DeparturesNeeded(s.CapacityPerDeparture) - 1), 0, 1);
        int maxWait = CompiledNetwork.Seconds(pattern.MaxWaitHours), fill = CompiledNetwork.Seconds(pattern.FillTime.Median);
        long wait = (long)Math.Round(Math.Min(maxWait, fill * (1 - share)));
        int boardState = State(s, 0);
        foreach (var (vertex, state) in arrivals)
        {
            if (_node[vertex] != port || _time[vertex] > _end) continue;
            if (Transfer(port, state, boardState) is not { } transfer) continue;
            long departure = _time[vertex] + _dwell[port] + transfer + wait;
            // The arc from the arrival spans dwell, transshipment, the fill wait and the first leg.
            int landing = AddTrip(s, offsets, departure);
            if (landing >= 0) _edges.Add(new STaggedEdge<int, int>(vertex, landing, checked((int)(_time[landing] - _time[vertex]))));
        }
    }

    private Dictionary<(int Node, int State), (long[] Times, int[] Vertices)> ChainDepartures()
    {
        var chains = new Dictionary<(int, int), (long[], int[])>();
        foreach (var (key, list) in _departures)
        {
            list.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Vertex.CompareTo(b.Vertex));
            for (int i = 0; i + 1 < list.Count; i++)
                _edges.Add(new STaggedEdge<int, int>(list[i].Vertex, list[i + 1].Vertex, checked((int)(list[i + 1].Time - list[i].Time))));
            chains[key] = (list.Select(x => x.Time).ToArray(), list.Select(x => x.Vertex).ToArray());
        }
        return chains;
    }

    private void AddTransferArcs(Dictionary<(int Node, int State), (long[] Times, int[] Vertices)> chains)
    {
        var statesAt = chains.Keys.GroupBy(k => k.Node).ToDictionary(g => g.Key, g => g.Select(k => k.State).ToArray());
        foreach (var (vertex, state) in _arrivals)
        {
            int node = _node[vertex];
            if (!statesAt.TryGetValue(node, out var states)) continue;
            long t = _time[vertex];
            foreach (int to in states)
            {
                if (Transfer(node, state, to) is not { } transfer) continue;
                var (times, vertices) = chains[(node, to)];
                int i = TimeExpandedBaseline.LowerBound(times, t + _dwell[node] + transfer);
                if (i < times.Length) _edges.Add(new STaggedEdge<int, int>(vertex, vertices[i], checked((int)(times[i] - t))));
            }
        }
    }

    private readonly Dictionary<(int, int, int), int?> _transfers = [];
    private Dictionary<string, List<Transshipment>> _rulesAt => _rulesByNode ??= _model.Transshipments
        .GroupBy(r => r.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    private Dictionary<string, List<Transshipment>>? _rulesByNode;

    /// <summary>
    /// Seconds to change from one vehicle state to another at a node: 0 when they match, else the first transshipment
    /// rule of the node for those modes whose gauges (when given) match; null when no rule allows the change.
    /// </summary>
    private int? Transfer(int node, int from, int to)
    {
        if (from == to) return 0;
        if (_transfers.TryGetValue((node, from, to), out var cached)) return cached;
        int? found = null;
        foreach (var r in _rulesAt.GetValueOrDefault(_model.Nodes[node].Id, []))
        {
            if ((int)r.FromMode != from / 10_000 || (int)r.ToMode != to / 10_000) continue;
            if (r.FromGauge is { } fg && fg != from % 10_000) continue;
            if (r.ToGauge is { } tg && tg != to % 10_000) continue;
            found = CompiledNetwork.Seconds(r.Time.Median);
            break;
        }
        return _transfers[(node, from, to)] = found;
    }

    private List<(long Time, int Vertex)> Departures(int node, int state)
    {
        if (!_departures.TryGetValue((node, state), out var list)) _departures[(node, state)] = list = [];
        return list;
    }

    private int AddVertex(long time, int node, bool isArrival)
    {
        _time.Add(time);
        _node.Add(node);
        _isArrival.Add(isArrival);
        return _time.Count - 1;
    }

    private static int YearOf(long seconds) => Instant.FromUnixTimeSeconds(seconds).InUtc().Year;
}
