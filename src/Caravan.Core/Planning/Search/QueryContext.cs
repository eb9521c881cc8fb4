using Caravan.Emissions;
using Caravan.Network;
using Caravan.Planning.Compiled;
using Caravan.Shipments;
using Caravan.Tariffs;

namespace Caravan.Planning.Search;

/// <summary>
/// Everything about one request that the search asks again and again: which services, links and nodes the cargo
/// may use, how many departures it needs, and the price and CO2e of each ride, cached.
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

    /// <summary>Per service: usable at all for this cargo and these constraints.</summary>
    public bool[] ServiceUsable { get; }
    /// <summary>Per service and leg: the cargo may ride that leg.</summary>
    public bool[][] LegUsable { get; }
    /// <summary>Per node: the cargo may pass through or be handled there.</summary>
    public bool[] NodeUsable { get; }
    /// <summary>Per service: departures the cargo needs, and the share of the last one it fills.</summary>
    public int[] DeparturesNeeded { get; }
    public double[] LastShare { get; }

    private readonly Dictionary<(int Service, int Board, int Alight), RideCost> _rides = new();
    private readonly Dictionary<int, RideCost> _transshipments = new();

    public QueryContext(CompiledNetwork net, PlanRequest request, TariffCalculator tariffs, EmissionCalculator emissions)
    {
        Net = net;
        Request = request;
        Tariffs = tariffs;
        Emissions = emissions;
        Origin = net.NodeIndex[request.From];
        Destination = net.NodeIndex[request.To];
        ReadySeconds = request.ReadyTime.ToUnixTimeSeconds();
        var c = request.Constraints;
        int? dg = Cargo.DangerousGoodsClass;

        NodeUsable = net.Nodes.Select(n =>
            (!n.Planned || c.IncludePlanned)
            && !c.AvoidNodes.Contains(n.Id)
            && !c.AvoidCountries.Contains(n.Country)
            && (dg is null || n.DangerousGoodsClasses is null || n.DangerousGoodsClasses.Contains(dg.Value))).ToArray();

        int count = net.Services.Length;
        ServiceUsable = new bool[count];
        LegUsable = new bool[count][];
        DeparturesNeeded = new int[count];
        LastShare = new double[count];
        for (int s = 0; s < count; s++)
        {
            var svc = net.Services[s].Service;
            ServiceUsable[s] = (!svc.Planned || c.IncludePlanned)
                && !c.AvoidModes.Contains(svc.Mode)
                && (svc.CargoKinds is null || svc.CargoKinds.Contains(Cargo.Kind))
                && (dg is null || svc.DangerousGoodsClasses is null || svc.DangerousGoodsClasses.Contains(dg.Value));
            LegUsable[s] = svc.Legs.Select(l => LinkAccepts(l.Link, dg, c.IncludePlanned)).ToArray();
            DeparturesNeeded[s] = Cargo.DeparturesNeeded(svc.CapacityPerDeparture);
            // Full departures leave at once; the share of the last one the cargo fills shortens a sail-when-full wait.
            double load = Cargo.LoadInDepartures(svc.CapacityPerDeparture);
            LastShare[s] = Math.Clamp(load - (DeparturesNeeded[s] - 1), 0, 1);
        }
    }

    private bool LinkAccepts(Link link, int? dg, bool includePlanned) =>
        (!link.Planned || includePlanned)
        && link.CargoKinds.Contains(Cargo.Kind)
        && (dg is null || link.DangerousGoodsClasses.Contains(dg.Value));

    /// <summary>Price and CO2e of riding service s from stop <paramref name="board"/> to stop <paramref name="alight"/>.</summary>
    public RideCost Ride(int s, int board, int alight)
    {
        if (_rides.TryGetValue((s, board, alight), out var cost)) return cost;
        var svc = Net.Services[s].Service;
        double km = 0;
        for (int k = board; k < alight; k++) km += svc.Legs[k].Link.DistanceKm;
        cost = Tariffs.TryPriceRide(svc, km, Cargo, out var charges)
            ? new RideCost(true, Cents(charges), Emissions.ForRide(svc, km, Cargo).Co2eWTW)
            : RideCost.NotOffered;
        _rides[(s, board, alight)] = cost;
        return cost;
    }

    /// <summary>Price and CO2e of a transshipment rule for this cargo.</summary>
    public RideCost Transshipment(int rule)
    {
        if (_transshipments.TryGetValue(rule, out var cost)) return cost;
        var t = Net.Model.Transshipments[rule];
        cost = new RideCost(true, Cents(Tariffs.PriceTransshipment(t, Cargo)), Emissions.ForTransshipment(t, Cargo).Co2eWTW);
        _transshipments[rule] = cost;
        return cost;
    }

    private static long Cents(IReadOnlyList<Charge> charges)
    {
        decimal total = 0;
        foreach (var c in charges) total += c.AmountInQuote;
        return (long)(total * 100m);
    }
}

/// <summary>What a ride or transshipment adds: whole cents in the quote currency and grams of CO2e (well-to-wheel).</summary>
internal readonly record struct RideCost(bool Offered, long Cents, double Co2eGrams)
{
    public static RideCost NotOffered { get; } = new(false, 0, 0);
}
