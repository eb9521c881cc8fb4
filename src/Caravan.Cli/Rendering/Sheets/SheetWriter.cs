using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Caravan.Cli.Rendering.Sheets;

/// <summary>Writes a <see cref="Sheet"/> as a boxed table, plain aligned columns or TSV.</summary>
internal static class SheetWriter
{
    /// <summary>
    /// A rounded-box table fitted to the console's width (<see cref="SheetFit"/>); returns the headers of the columns
    /// it left out. Cells are <see cref="Text"/>, never markup: names and labels come from data files and may hold brackets.
    /// </summary>
    public static IReadOnlyList<string> Box(IAnsiConsole console, Sheet sheet)
    {
        var table = BoxTable(sheet, console.Profile.Width, out var dropped);
        console.Write(table);
        return dropped;
    }

    internal static Table BoxTable(Sheet sheet, int width, out IReadOnlyList<string> dropped)
    {
        var layout = SheetFit.Fit(sheet, width);
        var kept = layout.Kept;
        dropped = Enumerable.Range(0, sheet.Columns.Count).Except(kept).Select(i => sheet.Columns[i].Header).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        var texts = new List<string[]>();
        foreach (int i in kept)
        {
            var c = sheet.Columns[i];
            var (header, cells) = SheetFit.Shown(sheet, i, layout.Abbreviated.Contains(i));
            texts.Add(cells.ToArray());
            var column = new TableColumn(new Text(header));
            if (c.Align == Align.Right) column.RightAligned();
            if (c.NoWrap) column.NoWrap();
            table.AddColumn(column);
        }
        for (int r = 0; r < sheet.Rows.Count; r++)
            table.AddRow(texts.Select(column => (IRenderable)new Text(column[r])));
        return table;
    }

    /// <summary>
    /// Aligned columns separated by two spaces, one line per row, no borders and no escape codes: readable in a file
    /// and splittable with `awk -F '  +'`. Nothing is dropped or wrapped; a multi-line cell joins on one line.
    /// </summary>
    public static void Plain(TextWriter output, Sheet sheet)
    {
        var lines = new List<string[]> { sheet.Columns.Select(c => c.Header).ToArray() };
        lines.AddRange(sheet.Rows.Select(r => r.Select((cell, i) => OneLine(cell.Text, sheet.Columns[i].PlainJoin)).ToArray()));
        var widths = sheet.Columns.Select((_, i) => lines.Max(l => SheetFit.Length(l[i]))).ToArray();
        foreach (var line in lines)
        {
            var text = new StringBuilder();
            for (int i = 0; i < line.Length; i++)
            {
                if (i > 0) text.Append("  ");
                string pad = new(' ', widths[i] - SheetFit.Length(line[i]));
                text.Append(sheet.Columns[i].Align == Align.Right ? pad + line[i] : line[i] + pad);
            }
            output.WriteLine(text.ToString().TrimEnd());
        }
    }

    /// <summary>
    /// One header row of field names, then one row per record, fields separated by tabs. A tab, line break or
    /// backslash inside a value is written \t, \n, \r or \\, so every record stays on one line.
    /// </summary>
    public static void Tsv(TextWriter output, Sheet sheet)
    {
        if (sheet.Columns.All(c => c.Tsv.Length == 0))
            throw new InvalidOperationException("This table has no TSV fields: " + string.Join(", ", sheet.Columns.Select(c => c.Header)));
        output.Write(string.Join('\t', sheet.Columns.SelectMany(c => c.Tsv).Select(Escape)) + "\n");
        foreach (var row in sheet.Rows)
        {
            var values = new List<string>();
            for (int i = 0; i < row.Length; i++)
            {
                var column = sheet.Columns[i];
                if (column.Tsv.Length == 0) continue;
                if (row[i].Values.Length != column.Tsv.Length)
                    throw new InvalidOperationException($"Column '{column.Header}' has {column.Tsv.Length} TSV fields, a cell gave {row[i].Values.Length}.");
                values.AddRange(row[i].Values.Select(Escape));
            }
            output.Write(string.Join('\t', values) + "\n");
        }
    }

    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\t\n\r\\") < 0) return value;
        return value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }

    private static string OneLine(string text, string join) =>
        text.Contains('\n') ? string.Join(join, text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) : text;
}
