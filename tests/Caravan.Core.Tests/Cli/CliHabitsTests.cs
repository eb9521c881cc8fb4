namespace Caravan.Core.Tests.Cli;

/// <summary>What users of other command-line tools expect: suggestions for slips, `help`, `-v`, precise file errors.</summary>
public class CliHabitsTests
{
    [Theory]
    [InlineData("'plan'", "plna", "--from", "Xi'an")]
    [InlineData("'quote'", "qoute")]
    [InlineData("'--from'", "plan", "--form", "Xi'an", "--to", "Baku", "--containers", "1x40ft")]
    [InlineData("'--containers'", "plan", "--from", "Xi'an", "--to", "Baku", "--container", "1x40ft")]
    [InlineData("'check'", "network", "chek", "x.json")]
    public void A_mistyped_command_or_option_gets_a_suggestion(string suggested, params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Did you mean {suggested}", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_word_like_no_command_gets_no_suggestion()
    {
        var run = CliRunner.Run(["frobnicate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Error);
    }

    [Theory]
    [InlineData(new[] { "help" }, "[command] [options]")]
    [InlineData(new[] { "help", "plan" }, "plan [options]")]
    [InlineData(new[] { "help", "simulate", "compare" }, "compare <A> <B>")]
    public void Help_as_a_command_shows_the_help_of_the_command_named(string[] args, string usage)
    {
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(usage, run.Out);
    }

    [Fact]
    public void Short_v_prints_the_version_like_long_version()
    {
        var shortRun = CliRunner.Run(["-v"]);
        var longRun = CliRunner.Run(["--version"]);

        Assert.Equal(0, shortRun.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(shortRun.Out));
        Assert.Equal(longRun.Out, shortRun.Out);
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_missing_folder_are_told_apart()
    {
        string folder = Directory.CreateTempSubdirectory("caravan-cli-").FullName;
        try
        {
            var missing = CliRunner.Run(["network", "check", Path.Combine(folder, "nosuch.json")]);
            var directory = CliRunner.Run(["network", "check", folder]);
            var noFolder = CliRunner.Run(["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--network", Path.Combine(folder, "gone", "n.json")]);

            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("network check: cannot read", missing.Error);
            Assert.Contains("no such file", missing.Error);
            Assert.Equal(1, directory.ExitCode);
            Assert.Contains("is a directory, expected a file", directory.Error);
            Assert.Equal(1, noFolder.ExitCode);
            Assert.Contains("--network: cannot read", noFolder.Error);
            Assert.Contains("no such folder", noFolder.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("Russia")]
    public void An_unassigned_country_code_is_refused(string code)
    {
        var run = CliRunner.Run(["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--avoid-country", code]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --avoid-country: found '{code}', expected assigned ISO 3166-1", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("5000")]
    public void Every_bad_sample_count_gets_the_same_range(string samples)
    {
        var run = CliRunner.Run(["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--samples", samples]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--samples: found '{samples}', expected a number of draws from 16 to 4096", run.Error);
    }

    [Fact]
    public void Zero_containers_is_called_what_it_is()
    {
        var run = CliRunner.Run(["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "0x40ft"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--containers: found '0x40ft', expected at least one container in '0x40ft'", run.Error);
    }

    [Theory]
    [InlineData("--ready", "2020-01-01", "warning: --ready 2020-01-01 00:00 is in the past")]
    [InlineData("--containers", "100000x40ft", "warning: 200,000 TEU is more than the corridor carried in a month of 2024")]
    public void A_past_ready_time_or_an_absurd_quantity_plans_with_a_warning(string option, string value, string warning)
    {
        string[] args = option == "--containers"
            ? ["plan", "--from", "Xi'an", "--to", "Baku", "--containers", value]
            : ["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", option, value];
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(warning, run.Error);
        Assert.Contains("itinerar", run.Out);
    }

    /// <summary>A standard output on a full disk: every write fails as the operating system reports it.</summary>
    private sealed class FullDisk : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void A_full_disk_is_reported_as_the_machines_problem_not_a_bug()
    {
        var error = new StringWriter();
        int exit = Caravan.Cli.Program.Run(["network", "show", "--json"], Caravan.Cli.CliContext.ForWriters(new FullDisk(), error, NodaTime.SystemClock.Instance));

        Assert.Equal(1, exit);
        Assert.Contains("cannot write the output: No space left on device", error.ToString());
        Assert.DoesNotContain("bug in Caravan", error.ToString());
    }

    [Theory]
    [InlineData("plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--json")]
    [InlineData("quote", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--json")]
    [InlineData("network", "show", "--json")]
    [InlineData("simulate", "queue", "--servers", "1", "--arrival-rate", "0.5", "--service-rate", "1", "--customers", "2000", "--json")]
    [InlineData("simulate", "baseline-2024", "--replications", "2", "--json")]
    public void Every_json_document_starts_with_its_schema_version(params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        var first = doc.RootElement.EnumerateObject().First();
        Assert.Equal("schemaVersion", first.Name);
        Assert.Equal(1, first.Value.GetInt32());
    }

    [Theory]
    [InlineData("caravan pl", "plan")]
    [InlineData("caravan plan --from KZAK", "KZAKT")]
    [InlineData("caravan simulate base", "baseline-2024")]
    [InlineData("caravan completion z", "zsh")]
    public void The_shell_asks_caravan_what_completes_a_word(string line, string expected)
    {
        var run = CliRunner.Run([$"[suggest:{line.Length}]", line]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var words = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(expected, words);
        string last = line.Split(' ')[^1];
        // System.CommandLine offers words that contain the typed part; the shell scripts keep those that start with it.
        Assert.All(words, w => Assert.Contains(last, w, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _caravan_complete caravan")]
    [InlineData("zsh", "compdef _caravan_complete caravan")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName caravan")]
    public void Completion_prints_a_script_for_each_shell(string shell, string line)
    {
        var run = CliRunner.Run(["completion", shell]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(line, run.Out);
        Assert.Contains("[suggest:", run.Out);
    }

    [Fact]
    public void On_an_80_column_terminal_the_plan_table_keeps_its_routes_readable()
    {
        var output = new StringWriter();
        var context = Caravan.Cli.CliContext.ForWriters(output, new StringWriter(), NodaTime.SystemClock.Instance);
        context.Console.Profile.Width = 80;

        int exit = Caravan.Cli.Program.Run(["plan", "--from", "Xi'an", "--to", "Istanbul", "--containers", "2x40ft", "--ready", "2026-12-01"], context);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.DoesNotContain("│ Departs / arrives", text);
        Assert.Contains("Left out to fit 80 columns: Departs / arrives (local) (add --details, or widen the terminal).", text);
        var tableLines = text.Split('\n').Where(l => l.Length > 0 && "╭│├╰".Contains(l[0])).ToList();
        Assert.NotEmpty(tableLines);
        Assert.All(tableLines, line => Assert.True(line.TrimEnd().Length <= 80, $"table line too long: {line}"));
        // The route's first line holds several nodes, not one word.
        Assert.Contains("Xi'an → Dostyk → Aktau", text);
    }
}
