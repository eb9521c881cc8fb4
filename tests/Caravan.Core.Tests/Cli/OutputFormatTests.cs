using System.Text.Json;
using Caravan.Cli.Rendering;

namespace Caravan.Core.Tests.Cli;

/// <summary>
/// `--format table|plain|tsv|json` on every command that prints a table or a document, plain text when the output is
/// not a terminal, and tables that fit the terminal (docs: README, CLI section).
/// </summary>
public class OutputFormatTests(ShortScenarios scenarios) : IClassFixture<ShortScenarios>
{
    private static readonly string[] Plan = ["plan", "--from", "Xi'an", "--to", "Istanbul", "--containers", "2x40ft", "--ready", "2026-12-01"];
    private static readonly string[] Quote = ["quote", "--from", "Xi'an", "--to", "Istanbul", "--containers", "2x40ft", "--ready", "2026-12-01"];
    private static readonly string[] Queue = ["simulate", "queue", "--servers", "2", "--arrival-rate", "1.8", "--service-rate", "1", "--customers", "20000"];

    /// <summary>Every command with a table, as a user would type it (the scenarios short, so that this runs in seconds).</summary>
    private string[][] Commands() =>
    [
        Plan,
        [.. Plan, "--details", "--deadline", "2026-12-31"],
        Quote,
        ["network", "show"],
        Queue,
        ["simulate", scenarios.Baseline, "--replications", "2"],
        ["simulate", "compare", scenarios.Baseline, scenarios.Goal, "--replications", "2"],
    ];

    private const string BoxDrawing = "╭╮╰╯│─┼├┤┬┴";

    [Fact]
    public void Output_that_is_not_a_terminal_is_plain_text_without_boxes_or_escape_codes()
    {
        foreach (var args in Commands())
        {
            var run = CliRunner.Run(args, OutputFormat.Plain, width: null);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True(run.Out.IndexOfAny(BoxDrawing.ToCharArray()) < 0, $"box drawing in plain output of {string.Join(' ', args)}:\n{run.Out}");
            Assert.DoesNotContain("\u001b[", run.Out);
        }
    }

    [Fact]
    public void Format_plain_writes_aligned_columns_one_itinerary_a_line()
    {
        var run = CliRunner.Run([.. Plan, "--format", "plain"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith(" #  Route", StringComparison.Ordinal));
        Assert.True(header >= 0, run.Out);
        // The whole route on its row, its cost under the header's "Cost USD" (right-aligned: they end in one column).
        string first = lines[header + 1];
        Assert.Matches(@"^ 1  Xi'an → Dostyk → .* → Istanbul  +2026-12-01 10:00 \+08:00 / 2026-12-\d\d \d\d:\d\d \+03:00  ", first);
        Assert.Equal(lines[header].IndexOf("Cost USD", StringComparison.Ordinal) + "Cost USD".Length,
            first.IndexOf(" 15,064", StringComparison.Ordinal) + " 15,064".Length);
    }

    [Fact]
    public void Format_tsv_writes_a_header_and_one_record_a_row_with_machine_values()
    {
        var run = CliRunner.Run([.. Plan, "--format", "tsv", "--deadline", "2026-12-31"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Out.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')).ToList();
        Assert.Equal(["option", "route", "departs_local", "arrives_local", "days_p10", "days_p50", "days_p90", "cost_usd", "co2e_wtw_t", "on_time_percent"], rows[0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        var first = rows[1];
        Assert.Equal("1", first[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", first[2]); // ISO, as the JSON's "local"
        Assert.Matches(@"^\d+\.\d\d$", first[7]);                              // 15063.63: no thousands separator
        Assert.Equal(rows.Count - 1, JsonDocument.Parse(CliRunner.Run([.. Plan, "--deadline", "2026-12-31", "--json"]).Out).RootElement.GetProperty("itineraries").GetArrayLength());
    }

    [Theory]
    [InlineData("quote", "leg\tfrom_id\tto_id\tcarrier\tcategory\tcharge\tamount\tcurrency\tamount_usd")]
    [InlineData("network", "id\tname\tplanned\tcountry\tkind\ttime_zone\tgauges_mm")]
    [InlineData("queue", "measure\tsimulated\tci95_half_width\ttheory")]
    [InlineData("details", "option\tleg\tmode\toperator\tservice\tfrom_id\tfrom\tto_id\tto\tdwell_h\ttransshipment\ttransshipment_h\twait_h\tdeparts_local\tarrives_local\tkm\tcost_usd\tco2e_wtw_t")]
    public void Every_command_with_a_table_writes_tsv(string command, string header)
    {
        string[] args = command switch
        {
            "quote" => Quote,
            "network" => ["network", "show"],
            "queue" => Queue,
            _ => [.. Plan, "--details"],
        };
        var run = CliRunner.Run([.. args, "--format", "tsv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 2, run.Out);
        int fields = header.Split('\t').Length;
        Assert.All(lines, l => Assert.Equal(fields, l.Split('\t').Length));
        Assert.DoesNotMatch(@"\d,\d\d\d", run.Out.Replace("Böyük", "")); // no thousands separators anywhere
    }

    [Fact]
    public void Simulate_and_compare_write_tsv()
    {
        var simulate = CliRunner.Run("simulate", scenarios.Baseline, "--replications", "2", "--format", "tsv");
        var compare = CliRunner.Run("simulate", "compare", scenarios.Baseline, scenarios.Goal, "--replications", "2", "--format", "tsv");

        Assert.StartsWith("measure\tunit\tmean\tci95_half_width\ndemand\tt/yr\t", simulate.Out);
        Assert.StartsWith("metric\tunit\ta\tb\tdifference\tci95_low\tci95_high\tp\tsignificant\n", compare.Out);
    }

    [Fact]
    public void Tsv_escapes_tabs_line_breaks_and_backslashes()
    {
        Assert.Equal(@"a\tb\nc\\d\re", Caravan.Cli.Rendering.Sheets.SheetWriter.Escape("a\tb\nc\\d\re"));
        Assert.Equal("plain", Caravan.Cli.Rendering.Sheets.SheetWriter.Escape("plain"));
    }

    [Fact]
    public void Json_is_an_alias_of_format_json_and_a_contradiction_names_both()
    {
        var alias = CliRunner.Run([.. Plan, "--json"]);
        var format = CliRunner.Run([.. Plan, "--format", "json"]);
        var both = CliRunner.Run([.. Plan, "--json", "--format", "json"]);
        var contradiction = CliRunner.Run([.. Plan, "--json", "--format", "tsv"]);
        var unknown = CliRunner.Run([.. Plan, "--format", "csv"]);

        Assert.Equal(alias.Out, format.Out);
        Assert.Equal(alias.Out, both.Out);
        Assert.Equal(2, contradiction.ExitCode);
        Assert.Equal("error: --format: found 'tsv', expected json when --json is given too (--json means --format json); give one of them\n", contradiction.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("error: --format: found 'csv', expected table, plain, tsv or json", unknown.Error);
        Assert.Equal("", unknown.Out);
    }

    [Fact]
    public void Format_table_forces_boxes_even_when_the_output_is_not_a_terminal()
    {
        var run = CliRunner.Run([.. Plan, "--format", "table"], OutputFormat.Plain, width: null);

        Assert.Contains("╭", run.Out);
    }

    [Fact]
    public void Without_a_format_a_terminal_gets_tables_and_a_file_or_pipe_plain_text()
    {
        Assert.Equal(OutputFormat.Table, Caravan.Cli.CliContext.DefaultFormatFor(outputRedirected: false));
        Assert.Equal(OutputFormat.Plain, Caravan.Cli.CliContext.DefaultFormatFor(outputRedirected: true));
    }

    /// <summary>Main columns that must stay readable: secondary columns go or shorten before these are squeezed.</summary>
    private static readonly string[] MainColumns = ["Route", "Board → alight", "Charge", "Name", "Stops", "Measure", "Element", "Metric", "Segment (operator)", "Vessel or train", "Carrier", "Category", "Stream"];

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void Every_table_fits_the_terminal_and_keeps_its_main_column_readable(int width)
    {
        foreach (var args in Commands())
        {
            var run = CliRunner.Run(args, OutputFormat.Table, width);
            string command = string.Join(' ', args);

            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var boxLines = lines.Where(l => l.Length > 0 && BoxDrawing.Contains(l[0])).ToList();
            Assert.NotEmpty(boxLines);
            Assert.All(boxLines, l => Assert.True(l.TrimEnd().Length <= width, $"{command}: a line wider than {width}:\n{l}"));
            // Each table's header row holds its main column's whole header (a squeezed one wraps), and the cell of a main column is at least SheetFit.MainMinWidth wide, or as wide as
            // the column's widest text (a short column needs no more).
            for (int i = 0; i + 1 < lines.Count; i++)
            {
                if (!lines[i].StartsWith('╭')) continue;
                var cells = lines[i + 1].Split('│');
                Assert.True(cells.Any(c => MainColumns.Contains(c.Trim())), $"{command} at {width} columns: no whole main column header in\n{lines[i + 1]}\n{run.Out}");
                foreach (var cell in cells.Where(c => MainColumns.Contains(c.Trim())))
                {
                    int index = Array.IndexOf(cells, cell);
                    int widest = lines.Skip(i + 3).TakeWhile(l => l.StartsWith('│') || l.StartsWith('├'))
                        .Where(l => l.StartsWith('│')).Select(l => l.Split('│')).Where(c => c.Length == cells.Length)
                        .Max(c => c[index].Trim().Length);
                    Assert.True(cell.Length - 2 >= Math.Min(widest, Caravan.Cli.Rendering.Sheets.SheetFit.MainMinWidth),
                        $"{command} at {width} columns: '{cell.Trim()}' squeezed to {cell.Length - 2}:\n{run.Out}");
                }
            }
        }
    }
}
