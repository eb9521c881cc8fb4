using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning.Compiled;
using Caravan.Shipments;
using Caravan.Tariffs;
using Caravan.Planning.Requests;

namespace Caravan.Planning.Search;

/// <summary>
/// Everything about one request that the search asks again and again: which services, links and nodes the cargo
/// may use, how many departures it needs, and the price and CO2e of each ride. Per-service facts are worked out
/// the first time the search reaches the service, so a query pays only for the part of the network it explores.
/// </summary>
internal sealed class QueryContext
{
    public CompiledNetwork Net { get; }
    public PlanRequest Request { get; }
    public Cargo Cargo => Request.Cargo;
    public TariffCalculator Tariffs { get; }
    public EmissionCalculator Emissions { get; }
    public int Origin { get; }
    public int Destination { get; }
    public long ReadySeconds { get; }

    private readonly double _tonnes;
    private readonly sbyte[] _nodeUsable;
    private readonly ServiceFacts?[] _services;
    private readonly Dictionary<int, RideCost> _transshipments = new();

    /// <summary>What the query needs to know about one service, worked out once.</summary>
    private sealed class ServiceFacts
    {
        public bool Usable;
        public bool[] LegUsable = [];
        public int DeparturesNeeded;
        public double LastShare;
        public RideTariff? Tariff;
        public double IntensityWTW;
        public Dictionary<(int, int), RideCost>? Rides;
    }

    public QueryContext(CompiledNetwork net, PlanRequest request, TariffCalculator tariffs, EmissionCalculator emissions)
    {
        Net = net;
        Request = request;
        Tariffs = tariffs;
        Emissions = emissions;
        Origin = net.NodeIndex[request.From];
        Destination = net.NodeIndex[request.To];
        ReadySeconds = request.ReadyTime.ToUnixTimeSeconds();
        _tonnes = request.Cargo.GrossTonnes;
        _nodeUsable = new sbyte[net.Nodes.Length];
        _services = new ServiceFacts?[net.Services.Length];
    }

    /// <summary>The cargo may pass through or be handled at the node.</summary>
    public bool NodeUsable(int node)
    {
        if (_nodeUsable[node] == 0) _nodeUsable[node] = NodeAccepts(Net.Nodes[node]) ? (sbyte)1 : (sbyte)-1;
        return _nodeUsable[node] > 0;
    }

    /// <summary>The service is offered for this cargo and allowed by the constraints.</summary>
    public bool ServiceUsable(int s) => Facts(s).Usable;

    /// <summary>The cargo may ride that leg of the service.</summary>
    public bool LegUsable(int s, int leg) => Facts(s).LegUsable[leg];

    /// <summary>Departures the cargo needs on the service.</summary>
    public int DeparturesNeeded(int s) => Facts(s).DeparturesNeeded;

    /// <summary>The share of the last departure the cargo fills: what shortens a sail-when-full wait.</summary>
    public double LastShare(int s) => Facts(s).LastShare;

    /// <summary>Price and CO2e of riding service s from stop <paramref name="board"/> to stop <paramref name="alight"/>.</summary>
    public RideCost Ride(int s, int board, int alight)
    {
        var facts = Facts(s);
        facts.Rides ??= new Dictionary<(int, int), RideCost>();
        if (facts.Rides.TryGetValue((board, alight), out var cost)) return cost;
        var legs = Net.Services[s].Service.Legs;
        double km = 0;
        for (int k = board; k < alight; k++) km += legs[k].Link.DistanceKm;
        // The same arithmetic as EmissionCalculator.ForRide and the quote's lines, so criteria equal the itinerary's figures.
        double tkm = _tonnes * km;
        cost = new RideCost(facts.Tariff!.TotalCents(km), tkm * facts.IntensityWTW);
        facts.Rides[(board, alight)] = cost;
        return cost;
    }

    /// <summary>CO2e of one leg of a service for this cargo, for lower bounds only (rides are priced whole by <see cref="Ride"/>).</summary>
    public double LegCo2eGrams(int s, int leg) => _tonnes * Net.Services[s].Service.Legs[leg].Link.DistanceKm * Facts(s).IntensityWTW;

    /// <summary>Lower bound on the price of one leg of a service, in cents, for lower bounds only.</summary>
    public long LegCostLowerBoundCents(int s, int leg) => Facts(s).Tariff!.LegLowerBoundCents(Net.Services[s].Service.Legs[leg].Link.DistanceKm);

    /// <summary>Price and CO2e of a transshipment rule for this cargo.</summary>
    public RideCost Transshipment(int rule)
    {
        if (_transshipments.TryGetValue(rule, out var cost)) return cost;
        var t = Net.Model.Transshipments[rule];
        long cents = 0;
        foreach (var c in Tariffs.PriceTransshipment(t, Cargo)) cents += (long)(c.AmountInQuote * 100m);
        cost = new RideCost(cents, Emissions.ForTransshipment(t, Cargo).Co2eWTW);
        _transshipments[rule] = cost;
        return cost;
    }

    private ServiceFacts Facts(int s) => _services[s] ??= Describe(Net.Services[s].Service);

    private ServiceFacts Describe(Service svc)
    {
        var c = Request.Constraints;
        int? dg = Cargo.DangerousGoodsClass;
        var tariff = Tariffs.PrepareRide(svc, Cargo);
        int needed = Cargo.DeparturesNeeded(svc.CapacityPerDeparture);
        return new ServiceFacts
        {
            Usable = tariff is not null
                && (!svc.Planned || c.IncludePlanned)
                && (!c.BlockTrainsOnly || svc.Product == ServiceProduct.BlockTrain)
                && (c.OnlyServices is null || c.OnlyServices.Contains(svc.Id))
                && !c.AvoidModes.Contains(svc.Mode)
                && (svc.CargoKinds is null || svc.CargoKinds.Contains(Cargo.Kind))
                && (Net.Model.Emissions.VehicleClasses.GetValueOrDefault(svc.VehicleClass)?.CargoKinds is not { } carries || carries.Contains(Cargo.Kind))
                && (dg is null || svc.DangerousGoodsClasses is null || svc.DangerousGoodsClasses.Contains(dg.Value)),
            LegUsable = svc.Legs.Select(l => LinkAccepts(l.Link, dg, c.IncludePlanned)).ToArray(),
            DeparturesNeeded = needed,
            // Full departures leave at once; only the share of the last one shortens a sail-when-full wait.
            LastShare = Math.Clamp(Cargo.LoadInDepartures(svc.CapacityPerDeparture) - (needed - 1), 0, 1),
            Tariff = tariff,
            IntensityWTW = tariff is null ? 0 : Emissions.IntensityWTW(svc),
        };
    }

    private bool NodeAccepts(Node n)
    {
        var c = Request.Constraints;
        int? dg = Cargo.DangerousGoodsClass;
        return (!n.Planned || c.IncludePlanned)
            && !c.AvoidNodes.Contains(n.Id)
            && !c.AvoidCountries.Contains(n.Country)
            && (dg is null || n.DangerousGoodsClasses is null || n.DangerousGoodsClasses.Contains(dg.Value));
    }

    private bool LinkAccepts(Link link, int? dg, bool includePlanned) =>
        (!link.Planned || includePlanned)
        && link.CargoKinds.Contains(Cargo.Kind)
        && (dg is null || link.DangerousGoodsClasses.Contains(dg.Value));
}

/// <summary>What a ride or transshipment adds: whole cents in the quote currency and grams of CO2e (well-to-wheel).</summary>
internal readonly record struct RideCost(long Cents, double Co2eGrams);
