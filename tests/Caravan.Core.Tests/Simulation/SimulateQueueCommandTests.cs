using System.CommandLine;
using System.Text.Json;
using Caravan.Cli;
using Caravan.Cli.Simulation;
using NodaTime;

namespace Caravan.Core.Tests.Simulation;

public class SimulateQueueCommandTests
{
    /// <summary>Mounts the command under `simulate` as Program.cs will, and runs it through the CLI host.</summary>
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = CliContext.ForWriters(output, error, SystemClock.Instance);
        var root = new RootCommand("test");
        var simulate = new Command("simulate", "Simulation");
        simulate.Subcommands.Add(SimulateQueueCommand.Create());
        root.Subcommands.Add(simulate);
        int exit = CliHost.Invoke(root, ["simulate", "queue", .. args], context);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_output_is_one_object_with_the_measures_and_theory()
    {
        var (exit, output, error) = Run("--servers", "2", "--arrival-rate", "1.8", "--service-rate", "1", "--customers", "200000", "--seed", "4", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var doc = JsonDocument.Parse(output); // throws if there is anything but one JSON value
        var root = doc.RootElement;
        Assert.Equal(200_000, root.GetProperty("customers").GetInt64());
        Assert.Equal(400_000, root.GetProperty("events").GetInt64()); // an arrival and a departure per customer
        foreach (string name in new[] { "meanWait", "meanQueueLength", "utilisation", "elapsedSeconds", "meanWaitHalfWidth", "meanSystemTime" })
            Assert.True(root.GetProperty(name).GetDouble() > 0, name);
        // Theory: Erlang C for M/M/2 at λ = 1.8, μ = 1 is 81/19 h (QueueTheoryTests); Lq = λWq = 1.8·81/19.
        var theory = root.GetProperty("theory");
        Assert.Equal(81.0 / 19, theory.GetProperty("meanWait").GetDouble(), 9);
        Assert.Equal(1.8 * 81 / 19, theory.GetProperty("meanQueueLength").GetDouble(), 9);
        Assert.Equal(0.9, theory.GetProperty("utilisation").GetDouble(), 12);
        Assert.InRange(root.GetProperty("utilisation").GetDouble(), 0.88, 0.92);
    }

    [Fact]
    public void A_run_too_short_for_an_interval_writes_null_rather_than_breaking_the_json()
    {
        // One customer: one batch (no interval) and a zero-length measuring window (no utilisation).
        var (exit, output, _) = Run("--arrival-rate", "0.5", "--service-rate", "1", "--customers", "1", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("meanWaitHalfWidth").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("utilisation").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("meanWait").GetDouble()); // the first customer never waits
    }

    [Fact]
    public void Same_seed_prints_the_same_numbers()
    {
        string[] args = ["--arrival-rate", "0.5", "--service-rate", "1", "--customers", "20000", "--seed", "9", "--service", "deterministic", "--json"];
        static string WithoutTiming(string json) =>
            string.Join('\n', json.Split('\n').Where(l => !l.Contains("elapsedSeconds") && !l.Contains("customersPerSecond")));
        Assert.Equal(WithoutTiming(Run(args).Out), WithoutTiming(Run(args).Out));
    }

    [Fact]
    public void Table_output_shows_simulated_and_theoretical_values()
    {
        var (exit, output, _) = Run("--arrival-rate", "0.5", "--service-rate", "1", "--customers", "20000", "--service", "deterministic");
        Assert.Equal(0, exit);
        Assert.Contains("M/D/1 queue", output);
        Assert.Contains("Pollaczek–Khinchine", output);
        Assert.Contains("0.5000", output); // P–K Wq = 0.5/(2·0.5) = 0.5 h, and ρ = 0.5
    }

    [Theory]
    [InlineData(new[] { "--servers", "0", "--arrival-rate", "1", "--service-rate", "2" }, "--servers: found '0', expected a whole number of servers > 0")]
    [InlineData(new[] { "--servers", "2", "--arrival-rate", "2", "--service-rate", "1" }, "--arrival-rate: found '2', expected a rate below --servers × --service-rate = 2")]
    [InlineData(new[] { "--arrival-rate=-1", "--service-rate", "1" }, "--arrival-rate: found '-1', expected a rate per hour > 0")]
    [InlineData(new[] { "--arrival-rate", "1", "--service-rate=-3" }, "--service-rate: found '-3', expected a rate per hour > 0")]
    [InlineData(new[] { "--arrival-rate", "1", "--service-rate", "2", "--service", "gamma" }, "--service: found 'gamma', expected exponential or deterministic")]
    [InlineData(new[] { "--arrival-rate", "1", "--service-rate", "2", "--customers", "100", "--warmup", "100" }, "--warmup: found '100', expected a whole number ≥ 0 and below --customers (100)")]
    public void Invalid_values_give_one_error_line_and_exit_code_2(string[] args, string expected)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + expected, line);
    }
}
