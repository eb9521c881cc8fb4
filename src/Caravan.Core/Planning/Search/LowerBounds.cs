using Caravan.Planning.Compiled;

namespace Caravan.Planning.Search;

/// <summary>
/// For every node, a lower bound on what remains to the destination: running time (seconds at the medians, no
/// waits or dwell), CO2e (grams at the lowest intensity of any usable service on each leg) and price (cents, see
/// <see cref="Caravan.Tariffs.RideTariff.LegLowerBoundCents"/>). Computed per query by
/// a backward Dijkstra over the legs services run. Admissible, so pruning with them keeps the answer exact, and
/// consistent, so ordering the search by arrival + time bound (A*) settles the destination early.
/// </summary>
internal sealed class LowerBounds
{
    public long[] Seconds { get; }
    public double[] Co2eGrams { get; }
    /// <summary>Cents any continuation still pays at least (zero bounds unless asked for).</summary>
    public long[] Cents { get; }
    /// <summary>Running time at every link's minimum: no draw can reach the destination sooner (empty unless asked for).</summary>
    public long[] DrawSeconds { get; }

    public LowerBounds(QueryContext q, bool withCo2, bool withDraws)
    {
        var net = q.Net;
        Seconds = Backward(q, (s, leg) => net.Services[s].OffsetSeconds[leg + 1] - net.Services[s].OffsetSeconds[leg]);
        DrawSeconds = withDraws ? Backward(q, (s, leg) => net.MinRunningSeconds[net.Services[s].Legs[leg]]) : [];
        Co2eGrams = new double[net.Nodes.Length];
        Cents = new long[net.Nodes.Length];
        if (withCo2)
        {
            Cents = Backward(q, q.LegCostLowerBoundCents);
            // Grams per leg scaled to integers (milligrams, rounded down) for the integer Dijkstra, then shaved by a
            // relative 1e-9 so floating-point sums in another order can never push the bound above the true value.
            var mg = Backward(q, (s, leg) => (long)Math.Floor(q.LegCo2eGrams(s, leg) * 1000));
            for (int i = 0; i < mg.Length; i++) Co2eGrams[i] = mg[i] == long.MaxValue ? double.MaxValue : mg[i] / 1000.0 * (1 - 1e-9);
        }
    }

    private static long[] Backward(QueryContext q, Func<int, int, long> weight)
    {
        var net = q.Net;
        var dist = new long[net.Nodes.Length];
        Array.Fill(dist, long.MaxValue);
        dist[q.Destination] = 0;
        var queue = new PriorityQueue<int, long>();
        queue.Enqueue(q.Destination, 0);
        while (queue.TryDequeue(out int v, out long d))
        {
            if (d > dist[v]) continue;
            foreach (var (from, s, leg) in net.Arrivals[v])
            {
                if (!q.ServiceUsable(s) || !q.LegUsable(s, leg)) continue;
                long nd = d + weight(s, leg);
                if (nd < dist[from])
                {
                    dist[from] = nd;
                    queue.Enqueue(from, nd);
                }
            }
        }
        return dist;
    }
}
