using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Files;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Network;
using Caravan.Simulation.Corridor;
using NodaTime;
using Spectre.Console;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `caravan simulate SCENARIO`: Monte Carlo replications of a corridor scenario on the simulation engine, with
/// throughput, transit times, unmet demand and the bottleneck ranking; `simulate compare A B` and `simulate queue`
/// are its subcommands.
/// </summary>
public static class SimulateCommand
{
    public const int DefaultReplications = 20;

    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string?>("SCENARIO")
        {
            Description = "A built-in scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + ") or a scenario file.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Completion.Completions.AddScenarios(scenario);
        var options = new RunOptions("one row per total (mean and 95 % half-width)");
        var command = new Command("simulate", "Simulate a corridor scenario: throughput, transit times, unmet demand and bottlenecks, with 95 % confidence intervals.");
        command.Arguments.Add(scenario);
        options.AddTo(command, withOutputs: true);
        command.Subcommands.Add(SimulateCompareCommand.Create(context));
        command.Subcommands.Add(SimulateQueueCommand.Create(context));

        command.SetAction(parse =>
        {
            string name = parse.GetValue(scenario)
                ?? throw new CliUsageException("SCENARIO", null, "a scenario name or file, e.g. 'caravan simulate baseline-2024' (or a subcommand: compare, queue)");
            var settings = options.Read(parse, context);
            var network = settings.Network is { } file ? NetworkOption.Load(file) : LoadNetworkOf(name);
            var plan = Build(name, network, "SCENARIO");
            var clock = Stopwatch.StartNew();
            var result = RunWithProgress(context, plan, settings.Replications, settings.Seed, $"Simulating {plan.Scenario.Name}");
            double elapsedSeconds = clock.Elapsed.TotalSeconds; // the run's wall-clock time, as before the files are written

            if (settings.Csv is { } csv) Write("--csv", csv, dir => ScenarioCsv.Write(result, dir));
            if (settings.Charts is { } charts) Write("--charts", charts, dir => ScenarioCharts.Write(result, dir));
            if (settings.Format == OutputFormat.Json) JsonOutput.Write(context.Out, ScenarioJson.Of(result, elapsedSeconds));
            else if (settings.Format == OutputFormat.Tsv) ScenarioRendering.WriteTsv(context.Out, result);
            else ScenarioRendering.Render(new Page(context, settings.Format), result, elapsedSeconds);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The network file a scenario names, when it names one (`--network` overrides it).</summary>
    internal static string? NetworkOf(string nameOrPath) => ScenarioLoader.TryLoad(nameOrPath, ScenarioFiles.Instance).Scenario?.NetworkFile;

    /// <summary>The network a scenario names (errors say "SCENARIO network:"), else the default corridor.</summary>
    internal static Network.NetworkModel LoadNetworkOf(string nameOrPath) =>
        NetworkOption.Load(NetworkOf(nameOrPath), $"{Path.GetFileName(nameOrPath)}: network");

    /// <summary>Loads and compiles a scenario; every problem is one line naming file, path, value and what was expected.</summary>
    internal static CorridorPlan Build(string nameOrPath, NetworkModel network, string field)
    {
        var (scenario, errors) = ScenarioLoader.TryLoad(nameOrPath, ScenarioFiles.Instance);
        if (scenario is null) throw ScenarioFailure(field, errors);
        try
        {
            return CorridorBuilder.Build(scenario, network);
        }
        catch (ScenarioLoadException e)
        {
            throw ScenarioFailure(field, e.Errors);
        }
    }

    private static CliUsageException ScenarioFailure(string field, IReadOnlyList<ScenarioError> errors)
    {
        var first = errors[0];
        if (first.Path.Length == 0 && first.Found is null) // the scenario itself was not found or not readable
            return new CliUsageException(field, first.File, first.Expected);
        string more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        string where = first.Path.Length == 0 ? first.File : $"{first.File}: {first.Path}";
        // The loader quotes strings as JSON ("KZAKX"); the CLI's message quotes the value itself.
        string? found = first.Found is { Length: >= 2 } f && f[0] == '"' && f[^1] == '"' ? f[1..^1] : first.Found;
        return new CliUsageException($"{field} {where}", found, first.Expected + more);
    }

    /// <summary>Runs the replications with a progress bar on standard error when that is a terminal.</summary>
    internal static ScenarioResult RunWithProgress(CliContext context, CorridorPlan plan, int replications, long seed, string label)
    {
        bool terminal = ReferenceEquals(context.Error, System.Console.Error) && !System.Console.IsErrorRedirected;
        if (!terminal) return ScenarioRunner.Run(plan, replications, seed);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        ScenarioResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: replications);
                result = ScenarioRunner.Run(plan, replications, seed, new SynchronousProgress(task));
            });
        return result!;
    }

    /// <summary>Reports straight from the worker threads (Spectre's task value is thread-safe); Progress&lt;T&gt; would post to a context that is not pumped.</summary>
    private sealed class SynchronousProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }

    private static void Write(string option, string directory, Action<string> write)
    {
        try
        {
            Directory.CreateDirectory(directory);
            write(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"{option}: cannot write to '{directory}': {e.Message}");
        }
    }
}

/// <summary>The options `simulate` and `simulate compare` share.</summary>
internal sealed class RunOptions
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public readonly Option<string> Replications;

    /// <param name="tsvRecords">What one `--format tsv` row is, for the help text.</param>
    public RunOptions(string tsvRecords, int defaultReplications = SimulateCommand.DefaultReplications)
    {
        Output = new OutputOptions(tsvRecords, "Write one JSON document instead of tables; the same as --format json.");
        Replications = new("--replications") { Description = $"Independent replications (default {defaultReplications}); they run in parallel on all cores.", HelpName = "N", DefaultValueFactory = _ => defaultReplications.ToString(Invariant) };
    }

    public readonly Option<string> Seed = new("--seed") { Description = "Random seed; the same seed gives the same numbers bit for bit.", HelpName = "S", DefaultValueFactory = _ => "1" };
    public readonly OutputOptions Output;
    public readonly Option<string?> Csv = new("--csv") { Description = "Also write the results as CSV files into this directory.", HelpName = "DIR" };
    public readonly Option<string?> Charts = new("--charts") { Description = "Also write charts (PNG and SVG) into this directory.", HelpName = "DIR" };
    public readonly Option<string?> Network = NetworkOption.Create();

    public void AddTo(Command command, bool withOutputs)
    {
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        Output.AddTo(command);
        if (withOutputs)
        {
            command.Options.Add(Csv);
            command.Options.Add(Charts);
        }
        command.Options.Add(Network);
    }

    public sealed record Values(int Replications, long Seed, OutputFormat Format, string? Csv, string? Charts, string? Network);

    public Values Read(ParseResult parse, CliContext context)
    {
        var format = Output.Read(parse, context);
        string reps = parse.GetValue(Replications)!;
        int n = int.TryParse(reps.Trim(), NumberStyles.AllowLeadingSign, Invariant, out int r) && r is >= 2 and <= 100000
            ? r : throw new CliUsageException("--replications", reps, "a whole number from 2 to 100,000 (two at least, for a confidence interval)");
        string seed = parse.GetValue(Seed)!;
        long s = long.TryParse(seed.Trim(), NumberStyles.AllowLeadingSign, Invariant, out long v)
            ? v : throw new CliUsageException("--seed", seed, "a whole number");
        return new Values(n, s, format, parse.GetValue(Csv), parse.GetValue(Charts), parse.GetValue(Network));
    }
}
