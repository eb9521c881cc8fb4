using System.CommandLine;
using System.Globalization;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Simulation.Corridor;
using Spectre.Console;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `caravan simulate compare A B`: both scenarios with the same seed and replications (common random numbers),
/// side by side, with B − A and Welch's t-test on the replication values.
/// </summary>
public static class SimulateCompareCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "The reference scenario (name or file)." };
        var b = new Argument<string>("B") { Description = "The scenario compared with it (name or file)." };
        var options = new RunOptions();
        var command = new Command("compare", "Compare two scenarios side by side: B − A and whether the difference is statistically significant (Welch's t-test, common random numbers).");
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        options.AddTo(command, withOutputs: false);
        command.SetAction(parse =>
        {
            var settings = options.Read(parse);
            var network = NetworkOption.Load(settings.Network);
            var planA = SimulateCommand.Build(parse.GetValue(a)!, network, "A");
            var planB = SimulateCommand.Build(parse.GetValue(b)!, network, "B");
            var resultA = SimulateCommand.RunWithProgress(context, planA, settings.Replications, settings.Seed, $"Simulating {planA.Scenario.Name}");
            var resultB = SimulateCommand.RunWithProgress(context, planB, settings.Replications, settings.Seed, $"Simulating {planB.Scenario.Name}");
            var metrics = ScenarioComparison.Compare(resultA, resultB);
            if (settings.Json) JsonOutput.Write(context.Out, CompareJson.Of(resultA, resultB, metrics));
            else Render(context, resultA, resultB, metrics);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(CliContext context, ScenarioResult a, ScenarioResult b, IReadOnlyList<ComparedMetric> metrics)
    {
        context.Console.Write(new Text(
            $"A = {a.Scenario}, B = {b.Scenario}: {a.Replications.Count} replications each, seed {a.Seed} (common random numbers).\n" +
            "Welch's t-test on the replication values; significant = p < 0.05.\n"));
        var table = Tables.Create("Metric", "Unit!", "A>", "B>", "B − A>", "p>", "Significant!");
        foreach (var m in metrics)
        {
            var t = m.Test;
            table.Row(m.Name, m.Unit, F(t.MeanA), F(t.MeanB), (t.Difference >= 0 ? "+" : "") + F(t.Difference),
                double.IsFinite(t.PValue) ? (t.PValue < 0.0001 ? "< 0.0001" : t.PValue.ToString("0.0000", Inv)) : "n/a",
                double.IsFinite(t.PValue) ? (t.Significant ? "yes" : "no") : "n/a");
        }
        context.Console.Write(table);
    }

    private static string F(double x) => !double.IsFinite(x) ? "n/a" : Math.Abs(x) >= 1000 ? x.ToString("N0", Inv) : x.ToString("0.###", Inv);
}

internal sealed record CompareMetricJson(string Metric, string Unit, double? A, double? B, double? Difference, double? T, double? DegreesOfFreedom, double? PValue, bool? Significant);

internal sealed record CompareJson(string A, string B, int Replications, long Seed, IReadOnlyList<CompareMetricJson> Metrics)
{
    public static CompareJson Of(ScenarioResult a, ScenarioResult b, IReadOnlyList<ComparedMetric> metrics) =>
        new(a.Scenario, b.Scenario, a.Replications.Count, a.Seed, metrics.Select(m => new CompareMetricJson(m.Name, m.Unit,
            EstimateJson.F(m.Test.MeanA), EstimateJson.F(m.Test.MeanB), EstimateJson.F(m.Test.Difference), EstimateJson.F(m.Test.T),
            EstimateJson.F(m.Test.DegreesOfFreedom), EstimateJson.F(m.Test.PValue), double.IsFinite(m.Test.PValue) ? m.Test.Significant : null)).ToList());
}
