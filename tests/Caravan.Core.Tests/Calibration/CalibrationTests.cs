using System.Text.Json;
using Caravan.Calibration;
using Caravan.Core.Tests.Cli;
using Caravan.Network;

namespace Caravan.Core.Tests.Calibration;

/// <summary>
/// The default corridor against the published figures (data/calibration/targets.json): the whole table must pass,
/// so a change to the dataset or the model that drifts from a source fails here.
/// </summary>
public class CalibrationTests
{
    private static readonly NetworkModel Network = NetworkLoader.LoadDefault();

    [Fact]
    public void The_default_corridor_passes_every_published_check()
    {
        var report = Calibrator.Run(CalibrationTableReader.LoadDefault(), Network, replications: 4, seed: 7);

        Assert.All(report.Checks, c => Assert.True(c.Pass,
            $"{c.Target.Id}: model {c.Model?.ToString() ?? c.Note}, published {c.Target.Published} {c.Target.Unit} ({c.Target.Tolerance.Text})"));
    }

    [Fact]
    public void The_table_holds_the_calibration_targets_of_the_corridor_facts()
    {
        var table = CalibrationTableReader.LoadDefault();
        var byId = table.Targets.ToDictionary(t => t.Id);

        // The corridor facts sheet, "Calibration targets": 4.5 Mt ± 10 % and ≈ 56,000 TEU in 2024; 5.2 Mt incl.
        // 70,000 TEU in 2025; block trains 8–10 days (Xi'an → Baku 11) to Azerbaijan, ≈ 12 to Georgian ports;
        // 20–22 h at sea Aktau → Alat.
        Assert.Equal((4.05, 4.95), Band(byId["cargo-2024"]));
        Assert.Equal((50_400, 61_600), Band(byId["containers-2024"]));
        Assert.Equal((4.68, 5.72), Band(byId["cargo-2025"]));
        Assert.Equal((63_000, 77_000), Band(byId["containers-2025"]));
        Assert.Equal((8, 11), Band(byId["block-train-china-azerbaijan"]));
        Assert.Equal((10.8, 13.2), Band(byId["block-train-china-georgia"]));
        Assert.Equal((20, 22), Band(byId["caspian-crossing"]));
        Assert.All(table.Targets, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
    }

    private static (double, double) Band(CalibrationTarget t) => (Math.Round(t.Tolerance.Low, 6), Math.Round(t.Tolerance.High, 6));

    [Fact]
    public void A_model_value_outside_the_band_fails_the_check()
    {
        // Hand-computed: the crossing is triangular(18, 20.5, 26) h; its mode is below the midpoint, so the median is
        // 26 − √((26 − 18)(26 − 20.5) / 2) = 26 − √22 = 21.310 h, inside 20–22 and outside 10–12.
        var table = CalibrationTableReader.Parse("""
            { "formatVersion": 1, "checks": [
              { "id": "inside", "description": "d", "measure": { "kind": "runningHours", "service": "AKT-ALT-RAILFERRY", "from": "KZAKT", "to": "AZALT" },
                "published": 21, "unit": "h", "tolerance": { "low": 20, "high": 22 }, "source": "s", "date": "2022" },
              { "id": "outside", "description": "d", "measure": { "kind": "runningHours", "service": "AKT-ALT-RAILFERRY", "from": "KZAKT", "to": "AZALT" },
                "published": 11, "unit": "h", "tolerance": { "low": 10, "high": 12 }, "source": "s", "date": "2022" },
              { "id": "unmeasurable", "description": "d", "measure": { "kind": "runningHours", "service": "AKT-ALT-RAILFERRY", "from": "AZALT", "to": "KZAKT" },
                "published": 21, "unit": "h", "tolerance": { "relative": 0.1 }, "source": "s", "date": "2022" } ] }
            """, "t.json");

        var report = Calibrator.Run(table, Network, replications: 2, seed: 1);

        Assert.Equal(26 - Math.Sqrt(22), report.Checks[0].Model!.Value, 9);
        Assert.True(report.Checks[0].Pass);
        Assert.False(report.Checks[1].Pass);
        Assert.Null(report.Checks[2].Model);
        Assert.False(report.Checks[2].Pass);
        Assert.Contains("does not run from AZALT to KZAKT", report.Checks[2].Note);
        Assert.Equal((1, 2), (report.Passed, report.Failed));
    }

    [Theory]
    [InlineData("""{ "formatVersion": 1, "checks": [ { "id": "x", "description": "d", "measure": { "kind": "speed" }, "published": 1, "unit": "h", "tolerance": { "relative": 0.1 }, "source": "s", "date": "2024" } ] }""",
        "t.json: checks[0].measure.kind: found \"speed\", expected one of: deliveredMegatonnes")]
    [InlineData("""{ "formatVersion": 1, "checks": [ { "id": "x", "description": "d", "measure": { "kind": "deliveredTeu", "scenario": "baseline-2024" }, "published": 1, "unit": "h", "tolerance": { "low": 2, "high": 3 }, "source": "s", "date": "2024" } ] }""",
        "t.json: checks[0].tolerance: found { \"low\": 2, \"high\": 3 }, expected either a relative tolerance > 0, or low ≤ published (1) ≤ high")]
    [InlineData("""{ "formatVersion": 1, "checks": [ { "id": "x", "description": "d", "measure": { "kind": "deliveredTeu", "scenario": "baseline-2024" }, "unit": "h", "tolerance": { "relative": 0.1 }, "date": "2024" } ] }""",
        "t.json: checks[0].source: found nothing, expected a non-empty string")]
    [InlineData("""{ "formatVersion": 2, "checks": [] }""", "t.json: formatVersion: found 2, expected 1")]
    public void A_bad_table_is_reported_with_path_value_and_expectation(string json, string expected)
    {
        var e = Assert.Throws<CalibrationTableException>(() => CalibrationTableReader.Parse(json, "t.json"));

        Assert.Contains(e.Errors, line => line.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_json_keeps_its_contract_and_exits_0_when_every_check_passes()
    {
        var run = CliRunner.Run(["calibrate", "--json", "--replications", "3"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(checks.Count, root.GetProperty("passed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        foreach (var c in checks)
            foreach (string field in new[] { "id", "description", "published", "model", "unit", "tolerance", "pass", "source" })
                Assert.True(c.TryGetProperty(field, out _), $"check {c.GetProperty("id")} lacks {field}");
    }

    [Fact]
    public void Calibrate_exits_1_and_says_why_when_a_check_fails()
    {
        // The tiny example network has none of the corridor's scenarios' nodes: every scenario check fails to load.
        var run = CliRunner.Run(["calibrate", "--network", Path.Combine(AppContext.BaseDirectory, "tiny-network.json"), "--replications", "2"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAIL", run.Out);
        Assert.Contains("not measured: scenario baseline-2024 does not load", run.Out);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
