using System.CommandLine;
using System.Globalization;
using Caravan.Calibration;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Cli.Simulation;
using Caravan.Network;
using Caravan.Simulation.Corridor;

namespace Caravan.Cli.Calibration;

/// <summary>
/// `caravan calibrate`: holds the network and its scenarios to the published figures of the calibration table
/// (data/calibration/targets.json) and prints model against published. Exit code 1 when any check fails, so a
/// script or a test can guard the dataset.
/// </summary>
public static class CalibrateCommand
{
    public const int DefaultReplications = 10;

    public static Command Create(CliContext context)
    {
        var options = new RunOptions("one row per check", DefaultReplications);
        var writeWaits = new Option<string?>("--write-waits")
        {
            Description = $"First simulate {WaitScenario} and write the Caspian waits it measures to FILE (the planner's wait set, data/waits/{WaitScenario}.json), then check with them.",
            HelpName = "FILE",
        };
        var command = new Command("calibrate", "Check the corridor against published figures (volumes, block-train days, Caspian crossing): model vs published, pass or fail.");
        options.AddTo(command, withOutputs: false);
        command.Options.Add(writeWaits);
        command.SetAction(parse =>
        {
            var settings = options.Read(parse, context);
            var network = NetworkOption.Load(settings.Network);
            if (parse.GetValue(writeWaits) is { } file) network = WriteWaits(context, network, file, settings.Replications, settings.Seed);
            var report = Calibrator.Run(CalibrationTableReader.LoadDefault(), network, settings.Replications, settings.Seed);
            if (settings.Format == OutputFormat.Json) JsonOutput.Write(context.Out, CalibrationJson.Of(report));
            else if (settings.Format == OutputFormat.Tsv) SheetWriter.Tsv(context.Out, Checks(report));
            else Render(new Page(context, settings.Format), report);
            return report.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>The scenario whose simulated waits the planner uses: the corridor as it ran in 2024.</summary>
    public const string WaitScenario = "baseline-2024";

    private static NetworkModel WriteWaits(CliContext context, NetworkModel network, string file, int replications, long seed)
    {
        var result = ScenarioRunner.Run(ScenarioLoader.Load(WaitScenario), network, replications, seed);
        var waits = WaitSetMeasurement.From(result);
        try
        {
            File.WriteAllText(file, WaitSetFile.Format(waits));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"--write-waits: cannot write '{file}': {e.Message}");
        }
        context.Error.WriteLine($"Wrote the waits of {waits.Services.Count} sail-when-full services measured on {WaitScenario} ({replications} replications, seed {seed}) to {file}.");
        return network.WithWaits(waits);
    }

    private static void Render(Page page, CalibrationReport report)
    {
        page.Text($"Calibration of {report.Network} {report.NetworkVersion}: {report.Replications} replications per scenario, seed {report.Seed}.\n");
        page.Text(report.WaitSet is { } w
            ? $"Planner ferry waits: simulated on {w.Scenario} ({w.Replications} replications, seed {w.Seed}).\n"
            : "Planner ferry waits: the network file's fill times; no wait set was measured on this network (caravan calibrate --write-waits FILE).\n");
        page.Table(Checks(report));
        page.Text($"{report.Passed} passed, {report.Failed} failed.\n");
        for (int i = 0; i < report.Checks.Count; i++)
            if (report.Checks[i].Note is { } note) page.Text($"  {i + 1}. not measured: {note}\n");
        page.Text("Sources:\n");
        for (int i = 0; i < report.Checks.Count; i++)
            page.Text($"  {i + 1}. {report.Checks[i].Target.Source} ({report.Checks[i].Target.Date})\n");
    }

    /// <summary>Model against published, one check a row (also `calibrate --format tsv`).</summary>
    internal static Sheet Checks(CalibrationReport report)
    {
        var table = new Sheet(Column.Number("#", "check"), Column.Text("Check", "id", "description").AsMain(), Column.Number("Model", "model"),
            Column.Number("Published", "published"), Column.Number("Band", "band_low", "band_high").Droppable(1), Column.Fixed("Unit", "unit").Droppable(2),
            Column.Fixed("Result", "result"));
        int n = 0;
        foreach (var c in report.Checks)
        {
            n++;
            var t = c.Target;
            table.Row(n.ToString(CultureInfo.InvariantCulture), Cell.Of(t.Id + "\n" + t.Description, t.Id, t.Description),
                Cell.Of(c.Model is { } m ? Number(m) : "—", MachineFormats.Number(c.Model)), Cell.Of(Number(t.Published), MachineFormats.Number(t.Published)),
                Cell.Of(t.Tolerance.Text.StartsWith('±') ? t.Tolerance.Text : $"{Number(t.Tolerance.Low)}–{Number(t.Tolerance.High)}",
                    MachineFormats.Number(t.Tolerance.Low), MachineFormats.Number(t.Tolerance.High)),
                t.Unit, c.Pass ? "pass" : "FAIL");
        }
        return table;
    }

    /// <summary>Figures as a reader compares them: thousands grouped, two decimals below 100.</summary>
    internal static string Number(double x) =>
        Math.Abs(x) >= 100 ? x.ToString("N0", CultureInfo.InvariantCulture) : x.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The `calibrate --json` document (docs/cli-json.md).</summary>
internal static class CalibrationJson
{
    public sealed record Document(string Network, string NetworkVersion, int Replications, long Seed,
        IReadOnlyList<Check> Checks, int Passed, int Failed);

    public sealed record Check(string Id, string Description, double Published, double? Model, string Unit,
        Band Tolerance, bool Pass, string Source, string Date, string? Note);

    public sealed record Band(double Low, double High, string Text);

    public static Document Of(CalibrationReport r) => new(r.Network, r.NetworkVersion, r.Replications, r.Seed,
        r.Checks.Select(c => new Check(c.Target.Id, c.Target.Description, c.Target.Published, c.Model is { } m ? Math.Round(m, 4) : null,
            c.Target.Unit, new Band(Math.Round(c.Target.Tolerance.Low, 4), Math.Round(c.Target.Tolerance.High, 4), c.Target.Tolerance.Text),
            c.Pass, c.Target.Source, c.Target.Date, c.Note)).ToList(),
        r.Passed, r.Failed);
}
