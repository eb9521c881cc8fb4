using Caravan.Shipments;
using Caravan.Network;

namespace Caravan.Planning.Compiled;

/// <summary>
/// The network as the planner reads it: integer indices, per-stop service lists, nominal running-time offsets and
/// the transshipment matrix, built once per network. Immutable and shared between queries and threads.
/// </summary>
internal sealed class CompiledNetwork
{
    public NetworkModel Model { get; }
    public Node[] Nodes { get; }
    public Dictionary<string, int> NodeIndex { get; }
    public Link[] Links { get; }
    public Dictionary<Link, int> LinkIndex { get; }
    public CompiledService[] Services { get; }
    /// <summary>For each node, the (service, stop position) pairs that call there.</summary>
    public (int Service, int Stop)[][] Calls { get; }
    /// <summary>Vehicle states (mode + gauge) that cargo can arrive or leave in; index into it with a state id.</summary>
    public IReadOnlyList<(TransportMode Mode, int Gauge)> States { get; }
    /// <summary>
    /// For each node, the legs that arrive there: (previous stop, service, leg index). The planner's lower bounds
    /// walk these backwards from the destination.
    /// </summary>
    public (int From, int Service, int Leg)[][] Arrivals { get; }
    /// <summary>The shortest running time any draw can give each link, in seconds (its distribution's minimum).</summary>
    public int[] MinRunningSeconds { get; }
    /// <summary>Node dwell medians in seconds.</summary>
    public int[] PlainDwellSeconds { get; }
    /// <summary>Median dwell before boarding a block train, per node (the plain dwell where the node gives none).</summary>
    public int[] BlockTrainDwellSeconds { get; }

    /// <summary>Median dwell at <paramref name="node"/>: the block-train one for a block-train connection (see <see cref="Node.DwellBetween"/>).</summary>
    public int DwellSeconds(int node, bool blockTrainConnection) =>
        blockTrainConnection ? BlockTrainDwellSeconds[node] : PlainDwellSeconds[node];

    /// <summary>Whether boarding <paramref name="leaving"/> after arriving on service <paramref name="arriving"/> (-1: the origin) is a block-train connection.</summary>
    public bool BlockTrainConnection(int arriving, CompiledService leaving) =>
        Node.IsBlockTrainConnection(arriving < 0 ? null : Services[arriving].Service.Product, leaving.Service.Product);
    /// <summary>Transshipment time medians in seconds, by rule index.</summary>
    public int[] TransshipmentSeconds { get; }

    private readonly Dictionary<(TransportMode, int), int> _stateIds;
    /// <summary>Transshipment rule per (node, arriving state, departing state), flattened: a hot lookup.</summary>
    private readonly int[] _transshipments;

    /// <summary>Transshipment lookup result: the vehicles match, no transshipment is needed.</summary>
    public const int NotNeeded = -1;
    /// <summary>Transshipment lookup result: the change is not possible at that node.</summary>
    public const int NotPossible = -2;

    public CompiledNetwork(NetworkModel model)
    {
        Model = model;
        Nodes = model.Nodes.ToArray();
        NodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Nodes.Length; i++) NodeIndex[Nodes[i].Id] = i;
        Links = model.Links.ToArray();
        LinkIndex = new Dictionary<Link, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < Links.Length; i++) LinkIndex[Links[i]] = i;
        PlainDwellSeconds = Nodes.Select(n => Seconds(n.Dwell.Median)).ToArray();
        BlockTrainDwellSeconds = Nodes.Select(n => Seconds((n.BlockTrainDwell ?? n.Dwell).Median)).ToArray();
        MinRunningSeconds = Links.Select(l => Seconds(l.RunningTime.Quantile(0))).ToArray();
        TransshipmentSeconds = model.Transshipments.Select(t => Seconds(t.Time.Median)).ToArray();

        _stateIds = new Dictionary<(TransportMode, int), int>();
        var states = new List<(TransportMode, int)>();
        int StateOf(TransportMode mode, int? gauge)
        {
            var key = (mode, gauge ?? 0);
            if (!_stateIds.TryGetValue(key, out int id))
            {
                id = states.Count;
                states.Add(key);
                _stateIds[key] = id;
            }
            return id;
        }

        Services = new CompiledService[model.Services.Count];
        var calls = Enumerable.Range(0, Nodes.Length).Select(_ => new List<(int, int)>()).ToArray();
        for (int s = 0; s < Services.Length; s++)
        {
            var service = model.Services[s];
            var stops = service.Stops.Select(id => NodeIndex[id]).ToArray();
            var legs = service.Legs.Select(l => LinkIndex[l.Link]).ToArray();
            var offsets = new long[stops.Length];
            for (int k = 1; k < stops.Length; k++)
                offsets[k] = offsets[k - 1] + Seconds(service.Legs[k - 1].Link.RunningTime.Median);
            var legStates = service.Legs.Select(l => StateOf(service.Mode, l.Link.Gauge)).ToArray();
            DepartureCalendar? calendar = service.Departures is SailWhenFullPattern
                ? null
                : new DepartureCalendar(service.Departures, Nodes[stops[0]].TimeZone);
            var measured = service.Departures is SailWhenFullPattern && model.Waits?.Services.GetValueOrDefault(service.Id) is { } w
                ? w.AsDistribution() : null;
            Services[s] = new CompiledService(s, service, stops, legs, offsets, legStates, calendar, measured);
            for (int k = 0; k < stops.Length - 1; k++) calls[stops[k]].Add((s, k));
        }
        Calls = calls.Select(c => c.ToArray()).ToArray();
        var arrivals = Enumerable.Range(0, Nodes.Length).Select(_ => new List<(int, int, int)>()).ToArray();
        foreach (var svc in Services)
            for (int k = 0; k < svc.Legs.Length; k++) arrivals[svc.Stops[k + 1]].Add((svc.Stops[k], svc.Index, k));
        Arrivals = arrivals.Select(a => a.ToArray()).ToArray();
        States = states;

        int stateCount = states.Count;
        _transshipments = new int[Nodes.Length * stateCount * stateCount];
        var rulesAtNode = model.Transshipments.Select((t, i) => (t, i)).ToLookup(x => x.t.Node, x => x.i);
        for (int n = 0; n < Nodes.Length; n++)
            for (int a = 0; a < stateCount; a++)
                for (int b = 0; b < stateCount; b++)
                    _transshipments[(n * stateCount + a) * stateCount + b] = FindTransshipment(rulesAtNode[Nodes[n].Id], states[a], states[b]);
    }

    /// <summary>The transshipment rule index for changing vehicle state at a node, or <see cref="NotNeeded"/> / <see cref="NotPossible"/>.</summary>
    public int Transshipment(int node, int fromState, int toState) =>
        _transshipments[(node * States.Count + fromState) * States.Count + toState];

    /// <summary>The first rule in file order at the node that matches the change, as the network format documents.</summary>
    private int FindTransshipment(IEnumerable<int> rulesAtNode, (TransportMode Mode, int Gauge) from, (TransportMode Mode, int Gauge) to)
    {
        if (from == to) return NotNeeded;
        foreach (int i in rulesAtNode)
        {
            var r = Model.Transshipments[i];
            if (r.FromMode != from.Mode || r.ToMode != to.Mode) continue;
            if (r.FromGauge is { } fg && fg != from.Gauge) continue;
            if (r.ToGauge is { } tg && tg != to.Gauge) continue;
            return i;
        }
        return NotPossible;
    }

    /// <summary>Hours to whole seconds: every duration in the planner is an integer number of seconds.</summary>
    public static int Seconds(double hours) => (int)Math.Round(hours * 3600.0, MidpointRounding.AwayFromZero);
}

/// <summary>A service with its stops, legs and nominal offsets as indices and seconds.</summary>
internal sealed record CompiledService(
    int Index,
    Service Service,
    int[] Stops,
    int[] Legs,
    long[] OffsetSeconds,
    int[] LegStates,
    DepartureCalendar? Calendar,
    Distribution? MeasuredWait)
{
    public bool SailsWhenFull => Calendar is null;
    public bool BlockTrain => Service.Product == ServiceProduct.BlockTrain;

    /// <summary>For a sail-when-full service: the longest wait, in seconds.</summary>
    public int MaxWaitSeconds { get; } = Service.Departures is SailWhenFullPattern p ? CompiledNetwork.Seconds(p.MaxWaitHours) : 0;

    /// <summary>
    /// For a sail-when-full service, what its wait is drawn from: a unit's wait as the simulation measured it
    /// (<see cref="MeasuredWait"/>), or else the file's time for other traffic to fill an empty vessel (<c>fillHours</c>).
    /// </summary>
    public Distribution? WaitBasis { get; } = BasisOf(Service, MeasuredWait);

    /// <summary>The nominal wait basis: the median of <see cref="WaitBasis"/>, in seconds (read in the search's inner loop).</summary>
    public int FillSeconds { get; } = BasisOf(Service, MeasuredWait) is { } basis ? CompiledNetwork.Seconds(basis.Median) : 0;

    private static Distribution? BasisOf(Service service, Distribution? measured) =>
        measured ?? (service.Departures is SailWhenFullPattern f ? f.FillTime : null);

    /// <summary>The share of a vessel left to fill after one unit (a wagon load): what a measured wait is for.</summary>
    public double RestAfterOneUnit { get; } = 1 - 1 / Math.Max(2, Cargo.WagonLoadsPerDeparture(Service.CapacityPerDeparture));
}
