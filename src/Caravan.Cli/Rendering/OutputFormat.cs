namespace Caravan.Cli.Rendering;

/// <summary>
/// How a command writes its result (`--format`): boxed tables for a person at a terminal, aligned plain columns for
/// a file, a pipe or grep, tab-separated records for a spreadsheet or a script, or one JSON document.
/// </summary>
public enum OutputFormat
{
    Table,
    Plain,
    Tsv,
    Json,
}
