namespace Caravan.Cli.Rendering.Sheets;

/// <summary>
/// Which columns of a sheet a boxed table keeps on a terminal of a given width: secondary columns
/// (<see cref="Column.DropOrder"/> &gt; 0) go, the highest order first, until the table fits with its main column at
/// least <see cref="MainMinWidth"/> wide (a few nodes a line). Without that, Spectre squeezes every wrapping column alike and a route
/// ends up one word per line.
/// </summary>
internal static class SheetFit
{
    /// <summary>A route or a name this wide still reads as a phrase ("Xi'an → Dostyk → Aktau").</summary>
    public const int MainMinWidth = 20;

    /// <summary>Other wrapping columns are readable down to this width (or their longest word).</summary>
    public const int TextMinWidth = 10;

    /// <summary>The columns to show, in order, and which of them to show abbreviated.</summary>
    public sealed record Layout(IReadOnlyList<int> Kept, IReadOnlySet<int> Abbreviated);

    /// <summary>
    /// Gives way one step at a time, lowest <see cref="Column.DropOrder"/> first (1 before 2; on a tie, the
    /// rightmost): an abbreviable column shortens, any other secondary column goes, until the table fits.
    /// </summary>
    public static Layout Fit(Sheet sheet, int width)
    {
        var kept = Enumerable.Range(0, sheet.Columns.Count).ToList();
        var abbreviated = new HashSet<int>();
        var steps = kept.Where(i => sheet.Columns[i].DropOrder > 0)
            .OrderBy(i => sheet.Columns[i].DropOrder).ThenByDescending(i => i).ToList();
        foreach (int step in steps)
        {
            if (NeededWidth(sheet, kept, abbreviated) <= width) break;
            if (sheet.Columns[step].ShortHeader is not null) abbreviated.Add(step);
            else kept.Remove(step);
        }
        // Whatever still does not fit, Spectre wraps.
        return new Layout(kept, abbreviated);
    }

    /// <summary>The narrowest readable table: each column at its readable width, plus borders and padding (3 per column and 1).</summary>
    internal static int NeededWidth(Sheet sheet, IReadOnlyList<int> columns, IReadOnlySet<int> abbreviated) =>
        columns.Sum(i => ReadableWidth(sheet, i, abbreviated.Contains(i))) + 3 * columns.Count + 1;

    /// <summary>The header and texts a column shows, abbreviated or not.</summary>
    public static (string Header, IEnumerable<string> Texts) Shown(Sheet sheet, int index, bool abbreviated) =>
        abbreviated
            ? (sheet.Columns[index].ShortHeader!, sheet.Rows.Select(r => r[index].Short ?? r[index].Text))
            : (sheet.Columns[index].Header, sheet.Rows.Select(r => r[index].Text));

    private static int ReadableWidth(Sheet sheet, int index, bool abbreviated)
    {
        var column = sheet.Columns[index];
        var (header, texts) = Shown(sheet, index, abbreviated);
        var lines = texts.SelectMany(t => t.Split('\n')).Append(header).ToList();
        int widest = lines.Max(Length);
        if (column.NoWrap) return widest;
        int longestWord = lines.SelectMany(l => l.Split(' ')).Max(Length);
        return Math.Min(widest, Math.Max(longestWord, column.Main ? MainMinWidth : TextMinWidth));
    }

    /// <summary>
    /// Terminal cells a text takes: one per character (the network's names are Latin, Cyrillic or Turkic letters and
    /// arrows, none of them double-width); a surrogate pair counts once.
    /// </summary>
    public static int Length(string text) => text.EnumerateRunes().Count();
}
