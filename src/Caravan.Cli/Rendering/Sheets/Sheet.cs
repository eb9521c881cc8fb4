namespace Caravan.Cli.Rendering.Sheets;

/// <summary>How a column's cells line up; numbers go right so that their digits line up.</summary>
internal enum Align { Left, Right }

/// <summary>
/// One column of a <see cref="Sheet"/>. <paramref name="Tsv"/> names the fields the column gives in `--format tsv`
/// (snake_case, with the unit: "cost_usd"; one column may give several, "days_p10", "days_p50", "days_p90"; none
/// leaves it out). A <paramref name="DropOrder"/> above 0 marks a secondary column that a too narrow terminal may
/// drop (order 1 first), so that the <paramref name="Main"/> column (route, name) stays readable.
/// </summary>
internal sealed record Column(
    string Header,
    string[] Tsv,
    Align Align = Align.Left,
    bool NoWrap = false,
    int DropOrder = 0,
    bool Main = false,
    string PlainJoin = " ",
    string? ShortHeader = null)
{
    /// <summary>Text that wraps on a narrow terminal (names, routes, labels).</summary>
    public static Column Text(string header, params string[] tsv) => new(header, tsv);

    /// <summary>A right-aligned number that never wraps (an amount split over two lines misreads).</summary>
    public static Column Number(string header, params string[] tsv) => new(header, tsv, Align.Right, NoWrap: true);

    /// <summary>Left-aligned text that never wraps (ids, codes, times).</summary>
    public static Column Fixed(string header, params string[] tsv) => new(header, tsv, NoWrap: true);

    /// <summary>This column may go when the terminal is too narrow; <paramref name="order"/> 1 goes first.</summary>
    public Column Droppable(int order = 1) => this with { DropOrder = order };

    /// <summary>
    /// On a narrow terminal, at its <paramref name="order"/>, this column shows <paramref name="shortHeader"/> and
    /// each cell's <see cref="Cell.Short"/> text instead of going ("Days p50" for "Days p10/p50/p90").
    /// </summary>
    public Column Abbreviated(string shortHeader, int order) => this with { ShortHeader = shortHeader, DropOrder = order };

    /// <summary>The column that must stay readable: secondary columns go before it is squeezed.</summary>
    public Column AsMain() => this with { Main = true };

    /// <summary>How the lines of a multi-line cell join on one line in plain output (" " by default).</summary>
    public Column JoinedBy(string separator) => this with { PlainJoin = separator };
}

/// <summary>
/// One cell: <see cref="Text"/> for people (may hold line breaks, thousands separators, local times) and
/// <see cref="Values"/> for machines, one per <see cref="Column.Tsv"/> field of its column (ISO times, plain numbers).
/// </summary>
internal sealed record Cell(string Text, string[] Values, string? Short = null)
{
    /// <summary>A cell whose machine value is its text (names, ids, words).</summary>
    public static implicit operator Cell(string text) => new(text, [text]);

    public static Cell Of(string text, params string[] values) => new(text, values);

    /// <summary>This cell with the text an abbreviated column shows (<see cref="Column.Abbreviated"/>).</summary>
    public Cell WithShort(string text) => this with { Short = text };
}

/// <summary>
/// A table as data: its columns and rows, written by <see cref="SheetWriter"/> as a boxed table, plain columns or
/// TSV. Renderers build sheets; they never choose borders or separators themselves.
/// </summary>
internal sealed class Sheet(params Column[] columns)
{
    private readonly List<Cell[]> _rows = [];

    public IReadOnlyList<Column> Columns { get; } = columns;
    public IReadOnlyList<Cell[]> Rows => _rows;

    public Sheet Row(params Cell[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"A row of {cells.Length} cells for {Columns.Count} columns ({string.Join(", ", Columns.Select(c => c.Header))}).");
        _rows.Add(cells);
        return this;
    }
}
