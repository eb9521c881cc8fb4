using Spectre.Console;

namespace Caravan.Cli.Rendering.Sheets;

/// <summary>
/// A command's human-readable output in one of the two formats for people: <see cref="OutputFormat.Table"/> (boxed
/// tables fitted to the terminal, colour where the terminal has it) or <see cref="OutputFormat.Plain"/> (the same
/// lines and tables without borders, colour or escape codes). TSV and JSON are records, not pages: commands write
/// them with <see cref="SheetWriter.Tsv"/> and JsonOutput.
/// </summary>
internal sealed class Page
{
    private readonly CliContext _context;

    public Page(CliContext context, OutputFormat format)
    {
        if (format is not (OutputFormat.Table or OutputFormat.Plain))
            throw new ArgumentOutOfRangeException(nameof(format), format, "A page is a table or plain text; TSV and JSON are written as records.");
        _context = context;
        Format = format;
    }

    public OutputFormat Format { get; }
    public bool Plain => Format == OutputFormat.Plain;

    /// <summary>A line of prose, as it is.</summary>
    public void Line(string text = "") => _context.Out.WriteLine(text);

    /// <summary>Prose that a terminal wraps at its width (and colours with <paramref name="style"/>); plain output writes it as it is.</summary>
    public void Text(string text, Style? style = null)
    {
        if (Plain) _context.Out.Write(text);
        else _context.Console.Write(new Text(text, style));
    }

    /// <summary>
    /// A table. On a terminal too narrow for all of it, secondary columns go and a line says which, followed by
    /// <paramref name="hint"/> when given (where else to find them), else by the general remedy.
    /// </summary>
    public void Table(Sheet sheet, string? hint = null)
    {
        if (Plain)
        {
            SheetWriter.Plain(_context.Out, sheet);
            return;
        }
        var dropped = SheetWriter.Box(_context.Console, sheet);
        if (dropped.Count > 0)
            Line($"Left out to fit {_context.Console.Profile.Width} columns: {string.Join(", ", dropped)} ({hint ?? "widen the terminal, or --format plain shows every column"}).");
    }

    /// <summary>Two small tables beside each other on a terminal (Spectre puts them one under the other when they do not fit); one after the other in plain output.</summary>
    public void SideBySide(Sheet left, Sheet right)
    {
        if (Plain)
        {
            SheetWriter.Plain(_context.Out, left);
            Line();
            SheetWriter.Plain(_context.Out, right);
            return;
        }
        int width = _context.Console.Profile.Width;
        _context.Console.Write(new Columns(SheetWriter.BoxTable(left, width, out _), SheetWriter.BoxTable(right, width, out _)) { Expand = false });
    }
}
