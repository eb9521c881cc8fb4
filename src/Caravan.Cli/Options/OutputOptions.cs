using System.CommandLine;
using Caravan.Cli.Rendering;

namespace Caravan.Cli.Options;

/// <summary>
/// `--format table|plain|tsv|json` and its older alias `--json` (= `--format json`). Without either, a terminal gets
/// tables and a file or a pipe gets plain text (<see cref="CliContext.DefaultFormat"/>).
/// </summary>
internal sealed class OutputOptions
{
    private static readonly string[] Names = ["table", "plain", "tsv", "json"];

    public readonly Option<bool> Json;
    public readonly Option<string?> Format;

    /// <param name="tsvRecords">What one TSV row is, for the help text ("one row per itinerary").</param>
    public OutputOptions(string tsvRecords, string jsonDescription = "Write one JSON document (docs/cli-json.md) instead of tables; the same as --format json.")
    {
        Json = new Option<bool>("--json") { Description = jsonDescription };
        Format = new Option<string?>("--format")
        {
            Description = "table (boxed, fitted to the terminal; the default on a terminal), plain (aligned columns without borders or colour; " +
                          $"the default when the output is a file or a pipe), tsv (a header row, then {tsvRecords}; tab-separated), or json.",
            HelpName = "table|plain|tsv|json",
        };
        Format.CompletionSources.Add(Names);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Format);
    }

    /// <summary>The format asked for; `--json` with another `--format` is a usage error naming both.</summary>
    public OutputFormat Read(ParseResult parse, CliContext context) =>
        Resolve(parse.GetValue(Format), parse.GetValue(Json), context.DefaultFormat);

    internal static OutputFormat Resolve(string? format, bool json, OutputFormat fallback)
    {
        OutputFormat? chosen = format is null ? null : format.Trim().ToLowerInvariant() switch
        {
            "table" => OutputFormat.Table,
            "plain" => OutputFormat.Plain,
            "tsv" => OutputFormat.Tsv,
            "json" => OutputFormat.Json,
            _ => throw new CliUsageException("--format", format, "table, plain, tsv or json"),
        };
        if (json && chosen is { } other && other != OutputFormat.Json)
            throw new CliUsageException("--format", format, "json when --json is given too (--json means --format json); give one of them");
        return json ? OutputFormat.Json : chosen ?? fallback;
    }
}
