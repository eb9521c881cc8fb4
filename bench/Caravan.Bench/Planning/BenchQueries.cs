using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Bench.Planning;

/// <summary>A named planning question.</summary>
public sealed record BenchQuery(string Name, PlanRequest Request);

/// <summary>The queries the benchmark times: a fixed realistic set on the default network, seeded random pairs on the large one.</summary>
public static class BenchQueries
{
    /// <summary>A Monday morning in March 2026: before Europe's clocks change on the 29th, so some itineraries cross it.</summary>
    public static readonly Instant Ready = Instant.FromUtc(2026, 3, 2, 8, 0);

    private static readonly Cargo TwoForties = new() { Kind = CargoKind.Container, Containers40 = 2 };

    /// <summary>
    /// Shipments people actually ask the corridor for, each without and with a deadline (a deadline makes the search
    /// carry 256 arrival draws per label and compete on on-time probability).
    /// </summary>
    public static IReadOnlyList<BenchQuery> DefaultNetwork()
    {
        var grain = new Cargo { Kind = CargoKind.DryBulk, Tonnes = 3000 };
        var crude = new Cargo { Kind = CargoKind.LiquidBulk, Tonnes = 20_000, DangerousGoodsClass = 3 };
        var radioactive = new Cargo { Kind = CargoKind.Container, Containers20 = 1, DangerousGoodsClass = 7 };
        var cases = new (string Name, string From, string To, Cargo Cargo, int DeadlineDays)[]
        {
            ("Xi'an → Istanbul, 2×40 ft", "CNXAN", "TRIST", TwoForties, 25),
            ("Xi'an → Duisburg, 2×40 ft", "CNXAN", "DEDUI", TwoForties, 22),
            ("Shanghai → Rotterdam, 2×40 ft", "CNSHA", "NLRTM", TwoForties, 40),
            ("Dostyk → Poti, 2×40 ft", "KZDOS", "GEPTI", TwoForties, 14),
            ("Khorgos → Constanța, 2×40 ft", "KZKHG", "ROCND", TwoForties, 20),
            ("Astana → Poti, 3,000 t grain", "KZAST", "GEPTI", grain, 20),
            ("Atyrau → Ceyhan, 20,000 t crude (class 3)", "KZATY", "TRCEY", crude, 15),
            ("Shymkent → Poti, 1×20 ft class 7", "KZCIT", "GEPTI", radioactive, 18),
        };
        var queries = new List<BenchQuery>();
        foreach (var c in cases)
        {
            var request = new PlanRequest { From = c.From, To = c.To, ReadyTime = Ready, Cargo = c.Cargo };
            queries.Add(new BenchQuery(c.Name, request));
            queries.Add(new BenchQuery($"{c.Name}, deadline {c.DeadlineDays} d", request with { Deadline = Ready + Duration.FromDays(c.DeadlineDays) }));
        }
        return queries;
    }

    /// <summary>Ready times of the large-network queries fall in this window after <see cref="LargeHorizonStart"/>.</summary>
    public const int ReadyWindowHours = 48;
    public static readonly Instant LargeHorizonStart = Instant.FromUtc(2026, 3, 2, 0, 0);

    /// <summary>
    /// Seeded random origin/destination pairs at least 25° of longitude apart (most cross two to four regions), in
    /// both directions, 2×40 ft ready at a random time in a two-day window. Origins and destinations are inland
    /// terminals and hubs; a port where a sail-when-full ferry starts is left out as an origin (see the baseline).
    /// </summary>
    /// <param name="maxRides">The ride limit, or null for the planner's default.</param>
    public static IReadOnlyList<BenchQuery> LargeNetwork(LargeNetwork network, int count, int seed, int? maxRides)
    {
        var rng = new Random(seed);
        var inland = network.Model.Nodes
            .Where(n => n.Kind is NodeKind.RailTerminal or NodeKind.InlandHub && !network.SailWhenFullPorts.Contains(n.Id))
            .ToList();
        var queries = new List<BenchQuery>(count);
        while (queries.Count < count)
        {
            var a = inland[rng.Next(inland.Count)];
            var b = inland[rng.Next(inland.Count)];
            if (Math.Abs(a.Longitude - b.Longitude) < 25) continue;
            var ready = LargeHorizonStart + Duration.FromMinutes(rng.Next(ReadyWindowHours * 60));
            var request = new PlanRequest { From = a.Id, To = b.Id, ReadyTime = ready, Cargo = TwoForties };
            if (maxRides is { } limit) request = request with { MaxRides = limit };
            queries.Add(new BenchQuery($"{a.Id} → {b.Id}", request));
        }
        return queries;
    }
}
