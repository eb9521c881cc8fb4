using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Caravan.Network;

/// <summary>
/// Finds the node a person meant: "KZAKT", "aktau", "Xi'an", "XI’AN", "xian" or a unique prefix such as "dost".
/// Matching goes from strict to loose (exact id, then id/name/alias after folding case, accents and
/// punctuation, then a unique prefix of those), so an exact id never loses to a fuzzy name.
/// Thread-safe once built.
/// </summary>
public sealed class NodeLookup
{
    /// <summary>How many close matches an error lists.</summary>
    public const int MaxSuggestions = 5;

    private readonly NetworkModel _network;
    /// <summary>Every (folded key, node) pair: one per id, name and alias.</summary>
    private readonly IReadOnlyList<(string Key, Node Node)> _keys;

    public NodeLookup(NetworkModel network)
    {
        _network = network;
        _keys = network.Nodes
            .SelectMany(n => new[] { n.Id, n.Name }.Concat(n.Aliases).Select(text => (Key: Fold(text), Node: n)))
            .Where(k => k.Key.Length > 0)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The node <paramref name="query"/> names, or what was expected instead when no node or several match: "a node id
    /// or name; did you mean: …" with the closest matches. The caller turns that into its own error (the planner's
    /// <c>NodeLookup.Resolve</c> extension throws a PlanRequestException naming the field).
    /// </summary>
    public bool TryResolve(string query, [NotNullWhen(true)] out Node? node, [NotNullWhen(false)] out string? expected)
    {
        var matches = Match(query);
        if (matches.Count == 1)
        {
            node = matches[0];
            expected = null;
            return true;
        }
        node = null;
        expected = matches.Count > 1
            ? $"a node id or name; \"{query.Trim()}\" could be: {Describe(matches.Take(MaxSuggestions))}"
            : Suggest(query) is { Count: > 0 } close
                ? $"a node id or name; did you mean: {Describe(close)}"
                : "a node id or name; the network has no nodes";
        return false;
    }

    /// <summary>The node <paramref name="query"/> names, when exactly one does.</summary>
    public bool TryResolve(string query, [NotNullWhen(true)] out Node? node)
    {
        var matches = Match(query);
        node = matches.Count == 1 ? matches[0] : null;
        return node is not null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> nodes whose id, name or alias is closest to <paramref name="query"/> by edit
    /// distance (after folding), closest first; ties keep the network's node order.
    /// </summary>
    public IReadOnlyList<Node> Suggest(string query, int max = MaxSuggestions)
    {
        string folded = Fold(query);
        return _keys
            .Select(k => (k.Node, Distance: Spelling.EditDistance.Between(folded, k.Key)))
            .GroupBy(x => x.Node)
            .Select(g => (Node: g.Key, Distance: g.Min(x => x.Distance)))
            .OrderBy(x => x.Distance)
            .Take(max)
            .Select(x => x.Node)
            .ToList();
    }

    /// <summary>All nodes the query could mean at the strictest level that matches anything.</summary>
    private IReadOnlyList<Node> Match(string query)
    {
        string trimmed = query.Trim();
        if (_network.NodesById.TryGetValue(trimmed, out var byId)) return [byId];

        string folded = Fold(trimmed);
        if (folded.Length == 0) return [];

        var exact = Distinct(_keys.Where(k => k.Key == folded));
        if (exact.Count > 0) return exact;

        return Distinct(_keys.Where(k => k.Key.StartsWith(folded, StringComparison.Ordinal)));
    }

    private IReadOnlyList<Node> Distinct(IEnumerable<(string Key, Node Node)> keys)
    {
        var nodes = keys.Select(k => k.Node).ToHashSet();
        // Network order, so that a listing of candidates is stable.
        return _network.Nodes.Where(nodes.Contains).ToList();
    }

    private static string Describe(IEnumerable<Node> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Name} ({n.Id})"));

    /// <summary>
    /// Lower case, accents folded to ASCII, everything but letters and digits dropped: "XI’AN" and "Xi'an" both
    /// give "xian", "İstanbul" gives "istanbul". Done by table rather than Unicode normalization because the
    /// project runs with invariant globalization, where normalization and Turkish casing are not available.
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (c is >= '\u0300' and <= '\u036F') continue; // combining accents of decomposed input
            if (AccentFolds.TryGetValue(c, out var ascii)) sb.Append(ascii);
            else if (char.IsLetterOrDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly Dictionary<char, string> AccentFolds = BuildAccentFolds();

    private static Dictionary<char, string> BuildAccentFolds()
    {
        var folds = new Dictionary<char, string>();
        void Add(string accented, string ascii)
        {
            foreach (char c in accented)
            {
                folds[c] = ascii;
                folds[char.ToUpperInvariant(c)] = ascii;
            }
        }
        Add("àáâãäåāăą", "a"); Add("æ", "ae"); Add("çćĉċč", "c"); Add("ďđ", "d");
        Add("èéêëēĕėęěə", "e"); Add("ĝğġģ", "g"); Add("ĥħ", "h"); Add("ìíîïĩīĭįı", "i");
        Add("ĵ", "j"); Add("ķ", "k"); Add("ĺļľŀł", "l"); Add("ñńņňŉ", "n"); Add("òóôõöøōŏő", "o");
        Add("œ", "oe"); Add("ŕŗř", "r"); Add("śŝşšș", "s"); Add("ß", "ss"); Add("ţťŧț", "t");
        Add("ùúûüũūŭůűų", "u"); Add("ŵ", "w"); Add("ýÿŷ", "y"); Add("źżž", "z");
        folds['İ'] = "i"; // Turkish capital dotted I: invariant lower-casing leaves it as it is
        folds['Ə'] = "e"; // Azerbaijani capital schwa
        return folds;
    }
}
