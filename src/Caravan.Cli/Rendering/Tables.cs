using Spectre.Console;
using Spectre.Console.Rendering;

namespace Caravan.Cli.Rendering;

/// <summary>
/// Spectre tables of plain text. Cells are <see cref="Text"/>, never markup, because node names and labels come
/// from data files and may hold brackets ("Alat (Port of Baku) [ro-ro]").
/// </summary>
internal static class Tables
{
    /// <summary>
    /// A table with these column headers. A header ending in '&gt;' makes a right-aligned numeric column, one ending
    /// in '!' a left-aligned one; both never wrap (a time or an amount split over two lines misreads), so on a narrow
    /// terminal the text columns wrap instead.
    /// </summary>
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string header in headers)
        {
            bool right = header.EndsWith('>'), noWrap = right || header.EndsWith('!');
            var column = new TableColumn(new Text(noWrap ? header[..^1] : header));
            if (right) column.RightAligned();
            if (noWrap) column.NoWrap();
            table.AddColumn(column);
        }
        return table;
    }

    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)));
        return table;
    }
}
