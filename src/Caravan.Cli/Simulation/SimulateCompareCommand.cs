using System.CommandLine;
using System.Globalization;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Simulation.Corridor;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `caravan simulate compare A B`: both scenarios with the same seed and replications (common random numbers),
/// side by side, with B − A, its 95 % confidence interval and Welch's t-test on the replication values. A difference
/// is called significant when the interval excludes 0 and it is at least `--min-difference` (a practically relevant
/// size, in each metric's own unit; default 0).
/// </summary>
public static class SimulateCompareCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("A") { Description = "The reference scenario (name or file)." };
        var b = new Argument<string>("B") { Description = "The scenario compared with it (name or file)." };
        var options = new RunOptions("one row per metric");
        var minDifference = new Option<string>("--min-difference")
        {
            Description = "The smallest difference that matters, in each metric's own unit (days, Mt/yr, %, …): a smaller one is not called significant even when its interval excludes 0. Default 0.",
            HelpName = "X",
            DefaultValueFactory = _ => "0",
        };
        var command = new Command("compare", "Compare two scenarios side by side: B − A with its 95 % confidence interval and whether the difference is significant (Welch's t-test, common random numbers).");
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        options.AddTo(command, withOutputs: false);
        command.Options.Add(minDifference);
        command.SetAction(parse =>
        {
            var settings = options.Read(parse, context);
            double min = ReadMinDifference(parse.GetValue(minDifference)!);
            // Each scenario on the network it names (a new line against today's corridor), unless --network says.
            string nameA = parse.GetValue(a)!, nameB = parse.GetValue(b)!;
            var networkA = settings.Network is { } file ? NetworkOption.Load(file) : SimulateCommand.LoadNetworkOf(nameA);
            var networkB = settings.Network is null && SimulateCommand.NetworkOf(nameB) != SimulateCommand.NetworkOf(nameA)
                ? SimulateCommand.LoadNetworkOf(nameB) : networkA;
            var planA = SimulateCommand.Build(nameA, networkA, "A");
            var planB = SimulateCommand.Build(nameB, networkB, "B");
            var resultA = SimulateCommand.RunWithProgress(context, planA, settings.Replications, settings.Seed, $"Simulating {planA.Scenario.Name}");
            var resultB = SimulateCommand.RunWithProgress(context, planB, settings.Replications, settings.Seed, $"Simulating {planB.Scenario.Name}");
            var metrics = ScenarioComparison.Compare(resultA, resultB);
            if (settings.Format == OutputFormat.Json) JsonOutput.Write(context.Out, CompareJson.Of(resultA, resultB, metrics, min));
            else if (settings.Format == OutputFormat.Tsv) SheetWriter.Tsv(context.Out, Metrics(metrics, min));
            else Render(new Page(context, settings.Format), resultA, resultB, metrics, min);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static double ReadMinDifference(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, Inv, out double x) && double.IsFinite(x) && x >= 0
            ? x : throw new CliUsageException("--min-difference", text, "a number ≥ 0 in each metric's own unit, e.g. 0.5");

    private static void Render(Page page, ScenarioResult a, ScenarioResult b, IReadOnlyList<ComparedMetric> metrics, double minDifference)
    {
        string rule = minDifference > 0
            ? $"significant = the interval excludes 0 and |B − A| ≥ {minDifference.ToString("0.###", Inv)} in the metric's unit (--min-difference); 'too small' = it excludes 0 but is smaller.\n"
            : "significant = the interval excludes 0 (p < 0.05); --min-difference X also asks for |B − A| ≥ X.\n";
        page.Text(
            $"A = {a.Scenario}, B = {b.Scenario}: {a.Replications.Count} replications each, seed {a.Seed} (common random numbers).\n" +
            "B − A with its 95 % confidence interval (Welch's t, Welch–Satterthwaite degrees of freedom) and Welch's p;\n" + rule);
        page.Table(Metrics(metrics, minDifference));
    }

    /// <summary>One metric a row: A, B, B − A with its interval, p and the verdict (also `compare --format tsv`).</summary>
    internal static Sheet Metrics(IReadOnlyList<ComparedMetric> metrics, double minDifference)
    {
        var table = new Sheet(Column.Text("Metric", "metric").AsMain(), Column.Fixed("Unit", "unit"), Column.Number("A", "a").Droppable(2), Column.Number("B", "b").Droppable(3),
            Column.Number("B − A", "difference"), Column.Number("95 % CI", "ci95_low", "ci95_high").Droppable(1), Column.Number("p", "p").Droppable(4),
            Column.Fixed("Significant", "significant"));
        foreach (var m in metrics)
        {
            var t = m.Test;
            table.Row(m.Name, m.Unit, Cell.Of(F(t.MeanA), MachineFormats.Number(t.MeanA)), Cell.Of(F(t.MeanB), MachineFormats.Number(t.MeanB)),
                Cell.Of(Signed(t.Difference), MachineFormats.Number(t.Difference)),
                Cell.Of(double.IsFinite(t.CiLow) ? $"[{Signed(t.CiLow)}, {Signed(t.CiHigh)}]" : "n/a", MachineFormats.Number(t.CiLow), MachineFormats.Number(t.CiHigh)),
                Cell.Of(double.IsFinite(t.PValue) ? (t.PValue < 0.0001 ? "< 0.0001" : t.PValue.ToString("0.0000", Inv)) : "n/a", MachineFormats.Number(t.PValue)),
                Verdict(t, minDifference));
        }
        return table;
    }

    private static string Verdict(WelchResult t, double minDifference) =>
        !double.IsFinite(t.CiLow) ? "n/a" : t.IsSignificant(minDifference) ? "yes" : t.Significant ? "too small" : "no";

    private static string Signed(double x) => (x >= 0 ? "+" : "") + F(x);

    private static string F(double x) => !double.IsFinite(x) ? "n/a" : Math.Abs(x) >= 1000 ? x.ToString("N0", Inv) : x.ToString("0.###", Inv);
}

internal sealed record CompareMetricJson(string Metric, string Unit, double? A, double? B, double? Difference, double? T, double? DegreesOfFreedom,
    double? PValue, bool? Significant, double? CiLow, double? CiHigh);

internal sealed record CompareJson(string A, string B, int Replications, long Seed, double MinDifference, IReadOnlyList<CompareMetricJson> Metrics)
{
    public static CompareJson Of(ScenarioResult a, ScenarioResult b, IReadOnlyList<ComparedMetric> metrics, double minDifference) =>
        new(a.Scenario, b.Scenario, a.Replications.Count, a.Seed, minDifference, metrics.Select(m => new CompareMetricJson(m.Name, m.Unit,
            EstimateJson.F(m.Test.MeanA), EstimateJson.F(m.Test.MeanB), EstimateJson.F(m.Test.Difference), EstimateJson.F(m.Test.T),
            EstimateJson.F(m.Test.DegreesOfFreedom), EstimateJson.F(m.Test.PValue),
            double.IsFinite(m.Test.CiLow) ? m.Test.IsSignificant(minDifference) : null,
            EstimateJson.F(m.Test.CiLow), EstimateJson.F(m.Test.CiHigh))).ToList());
}
