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
    /// <summary>
    /// SHA-256 of the file's text, first 16 hex digits: what a measured <see cref="WaitSet"/> names so that a set
    /// measured on another version of the data is never applied to this one.
    /// </summary>
    public string Fingerprint { get; init; } = "";
    /// <summary>
    /// Waits of sail-when-full services measured by simulating a scenario on exactly this network, which the planner
    /// uses in place of the file's <c>fillHours</c> (docs/planner.md, "One wait model"). Null: none measured.
    /// </summary>
    public WaitSet? Waits { get; init; }

    public static string FingerprintOf(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();

    /// <summary>This network with a wait set, when the set was measured on it (same fingerprint); else unchanged.</summary>
    public NetworkModel WithWaits(WaitSet? waits) => waits is null || waits.NetworkFingerprint != Fingerprint ? this : new NetworkModel
    {
        Name = Name, Version = Version, Description = Description, Origin = Origin, Nodes = Nodes, Links = Links,
        Services = Services, Transshipments = Transshipments, Tariffs = Tariffs, Currencies = Currencies,
        Emissions = Emissions, Fingerprint = Fingerprint, Waits = waits,
    };

    private Dictionary<string, Node>? _nodesById;

    public IReadOnlyDictionary<string, Node> NodesById =>
        _nodesById ??= Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>The node with this id; throws when there is none.</summary>
    public Node GetNode(string id) =>
        NodesById.TryGetValue(id, out var n) ? n : throw new KeyNotFoundException($"No node with id '{id}'.");
}
