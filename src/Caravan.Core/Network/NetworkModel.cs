namespace Caravan.Network;

/// <summary>
/// A validated, immutable corridor network: the one source of truth for the planner, the quote, the
/// simulation and the service. Build it with <see cref="NetworkLoader"/>; every reference in it resolves.
/// </summary>
public sealed class NetworkModel
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public string? Description { get; init; }
    /// <summary>Where it was loaded from (file path or "default"), for messages.</summary>
    public required string Origin { get; init; }
    public required IReadOnlyList<Node> Nodes { get; init; }
    public required IReadOnlyList<Link> Links { get; init; }
    public required IReadOnlyList<Service> Services { get; init; }
    public required IReadOnlyList<Transshipment> Transshipments { get; init; }
    public required IReadOnlyDictionary<string, Tariff> Tariffs { get; init; }
    public required CurrencyTable Currencies { get; init; }
    public required EmissionTable Emissions { get; init; }

    private Dictionary<string, Node>? _nodesById;

    public IReadOnlyDictionary<string, Node> NodesById =>
        _nodesById ??= Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>The node with this id; throws when there is none.</summary>
    public Node GetNode(string id) =>
        NodesById.TryGetValue(id, out var n) ? n : throw new KeyNotFoundException($"No node with id '{id}'.");
}
