using Caravan.Network;

namespace Caravan.Planning;

/// <summary>Nodes named in a plan request. Lives here, not in Network, so that the network knows nothing of planning.</summary>
public static class NodeResolution
{
    /// <summary>
    /// The node <paramref name="query"/> names. Throws <see cref="PlanRequestException"/> naming
    /// <paramref name="field"/> (e.g. "--from") when no node or several nodes match, with the closest matches.
    /// </summary>
    public static Node Resolve(this NodeLookup lookup, string query, string field)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return lookup.TryResolve(query, out var node, out string? expected) ? node : throw new PlanRequestException(field, query, expected);
    }
}
