namespace Caravan.Spelling;

/// <summary>
/// How far apart two words are, for "did you mean" suggestions: node names in <see cref="Network.NodeLookup"/>,
/// command and option names in the CLI.
/// </summary>
public static class EditDistance
{
    /// <summary>Levenshtein distance (insert, delete, substitute all cost 1), two rows of memory.</summary>
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The candidates a mistyped <paramref name="word"/> most likely meant: those within two edits (and at most half as many edits
    /// as their length, so "ab" does not suggest "cd"), closest first, ties in the candidates' order.
    /// </summary>
    public static IReadOnlyList<string> Closest(string word, IEnumerable<string> candidates, int max = 3) =>
        candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Between(word, c)))
            .Where(x => x.Distance <= 2 && x.Distance * 2 <= x.Candidate.Length)
            .OrderBy(x => x.Distance)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
}
