namespace Caravan.Core.Tests.Cli;

/// <summary>Every way a command line can go wrong ends in one line on stderr and exit code 2 (usage) or 1 (failure).</summary>
public class ErrorOutputTests
{
    [Theory]
    [InlineData(2, "plan", "--to", "Baku", "--containers", "1x40ft")]                       // --from missing
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--bogus")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku")]                              // no cargo
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--wagons", "3")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--tonnes", "500")]          // no --kind
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--tonnes", "-5", "--kind", "dry-bulk")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--dg", "12")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--samples", "many")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--ready", "next monday")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--avoid-mode", "camel")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--avoid-country", "Russia")]
    [InlineData(2, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--ready", "2026-12-10", "--deadline", "2026-12-01")]
    [InlineData(2, "quote", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--option", "first")]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "network", "check")]                                                     // FILE missing
    [InlineData(1, "plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", "--network", "/no/such/network.json")]
    [InlineData(1, "network", "show", "--network", "/no/such/network.json")]
    public void Errors_are_one_line_without_a_stack_trace(int exitCode, params string[] args)
    {
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.DoesNotContain("   at ", run.Out + run.Error);
        Assert.StartsWith("error: ", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--containers", "1x40ft", "--wagons", "3")]
    [InlineData("--dg", "12")]
    [InlineData("--samples", "many")]
    [InlineData("--avoid-mode", "camel")]
    public void A_bad_value_is_named_with_its_option(params string[] extra)
    {
        string[] args = extra[0] == "--containers"
            ? ["plan", "--from", "Xi'an", "--to", "Baku", .. extra]
            : ["plan", "--from", "Xi'an", "--to", "Baku", "--containers", "1x40ft", .. extra];
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        string option = extra[0] == "--containers" ? "cargo" : extra[0];
        Assert.StartsWith($"error: {option}: found '", run.Error);
    }

    [Fact]
    public void A_request_the_planner_refuses_names_the_option_the_user_typed()
    {
        var run = CliRunner.Run("plan", "--network", CliRunner.TestNetwork, "--from", "Xi'an", "--to", "CNXAN", "--containers", "1x40ft");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --to: found 'CNXAN', expected ", run.Error);
    }

    [Theory]
    [InlineData(new string[0], "network")]              // `caravan` alone lists the command groups
    [InlineData(new[] { "network" }, "check <FILE>")]   // `caravan network` lists its subcommands
    public void A_command_group_typed_alone_shows_its_help_as_a_usage_error(string[] args, string listed)
    {
        var run = CliRunner.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
        Assert.Contains(listed, run.Out);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var run = CliRunner.Run("plan", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--containers", run.Out);
        Assert.Contains("--avoid-country", run.Out);
    }
}
