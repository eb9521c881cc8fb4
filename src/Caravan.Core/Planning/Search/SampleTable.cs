using System.Collections.Concurrent;
using Caravan.Network;
using Caravan.Planning.Compiled;

namespace Caravan.Planning.Search;

/// <summary>
/// Common random numbers: draw k of every random duration (a node's dwell, a link's running time, a transshipment,
/// a ferry's fill time) is fixed by (seed, entity, k), so every itinerary sees the same draw k of a shared element.
/// That makes comparisons between itineraries fair and makes label dominance draw-by-draw sound: each step is
/// monotone in its input, so a label that is earlier in every draw stays earlier after any continuation.
/// Draws are stratified (Latin hypercube per entity) so a few hundred give smooth percentiles.
/// </summary>
internal sealed class SampleTable
{
    private enum EntityKind : ulong { Dwell = 1, Running = 2, Transshipment = 3, Fill = 4, BlockTrainDwell = 5 }

    private readonly CompiledNetwork _net;
    private readonly ulong _seed;
    private readonly ConcurrentDictionary<(EntityKind, int), int[]> _draws = new();

    public int Count { get; }

    public SampleTable(CompiledNetwork net, ulong seed, int count)
    {
        _net = net;
        _seed = seed;
        Count = count;
    }

    /// <summary>Dwell seconds at a node, draw by draw.</summary>
    public int[] Dwell(int node) => Get(EntityKind.Dwell, node, _net.Nodes[node].Dwell);

    /// <summary>Dwell seconds at a node, draw by draw; a block-train connection has the node's block-train dwell.</summary>
    public int[] Dwell(int node, bool blockTrainConnection) =>
        blockTrainConnection && _net.Nodes[node].BlockTrainDwell is { } d ? Get(EntityKind.BlockTrainDwell, node, d) : Dwell(node);

    public int[] Running(int link) => Get(EntityKind.Running, link, _net.Links[link].RunningTime);

    public int[] Transshipment(int rule) => Get(EntityKind.Transshipment, rule, _net.Model.Transshipments[rule].Time);

    /// <summary>A sail-when-full service's wait basis (measured unit wait, or fill time), draw by draw, in seconds.</summary>
    public int[] Fill(int service) => Get(EntityKind.Fill, service, _net.Services[service].WaitBasis!);

    private int[] Get(EntityKind kind, int entity, Distribution distribution) =>
        _draws.GetOrAdd((kind, entity), key => Draw(key.Item1, key.Item2, distribution));

    private int[] Draw(EntityKind kind, int entity, Distribution distribution)
    {
        ulong state = Mix(Mix(_seed ^ ((ulong)kind << 56)) ^ (ulong)entity);
        var strata = new int[Count];
        for (int k = 0; k < Count; k++) strata[k] = k;
        for (int k = Count - 1; k > 0; k--)
        {
            int j = (int)(Next(ref state) % (ulong)(k + 1));
            (strata[k], strata[j]) = (strata[j], strata[k]);
        }
        var draws = new int[Count];
        for (int k = 0; k < Count; k++)
        {
            double u = (strata[k] + Unit(Next(ref state))) / Count;
            draws[k] = CompiledNetwork.Seconds(distribution.Quantile(u));
        }
        return draws;
    }

    private static double Unit(ulong x) => (x >> 11) * (1.0 / (1UL << 53));

    private static ulong Next(ref ulong state) => Mix(state += 0x9E3779B97F4A7C15UL);

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
