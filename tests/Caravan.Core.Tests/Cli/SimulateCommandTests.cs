using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caravan.Core.Tests.Cli;

/// <summary>
/// Short versions of two built-in scenarios, written once for the class, and one `simulate` run of the first with
/// every output (JSON, CSV, charts) that several tests read. The scenarios keep everything of their parents but measure
/// 35 days (exactly 5 weeks) after a 10-day warm-up, so a replication costs a tenth of a full year and the whole class
/// runs in a few seconds.
/// </summary>
public sealed class ShortScenarios : IDisposable
{
    public const int Replications = 3;
    public const int Seed = 7;
    public const int WarmupDays = 10;
    public const int HorizonDays = 35;

    public string Directory { get; }
    public string Baseline { get; }
    public string Goal { get; }
    public string CsvDirectory => Path.Combine(Directory, "csv");
    public string ChartsDirectory => Path.Combine(Directory, "charts");

    /// <summary>`simulate short-baseline --json --csv --charts`, 3 replications, seed 7.</summary>
    public CliRun Run { get; }

    public ShortScenarios()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("caravan-simulate-tests-").FullName;
        Baseline = Write("short-baseline", "baseline-2024");
        Goal = Write("short-goal", "goal-10mt");
        Run = CliRunner.Run("simulate", Baseline, "--replications", Replications.ToString(CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--json", "--csv", CsvDirectory, "--charts", ChartsDirectory);
    }

    private string Write(string name, string parent)
    {
        string path = Path.Combine(Directory, name + ".json");
        File.WriteAllText(path, $$"""
            { "formatVersion": 1, "name": "{{name}}", "extends": "{{parent}}",
              "description": "{{parent}} measured for {{HorizonDays}} days (tests)", "warmupDays": {{WarmupDays}}, "horizonDays": {{HorizonDays}} }
            """);
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { } // a temp folder left behind is harmless
    }
}

/// <summary>
/// `caravan simulate SCENARIO` and `caravan simulate compare A B` end to end through the CLI (docs/simulation.md):
/// the JSON document's fields and their mutual consistency, determinism, the CSV and chart files, the comparison's
/// statistics and the error lines.
/// </summary>
public class SimulateCommandTests(ShortScenarios scenarios) : IClassFixture<ShortScenarios>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The built-in scenarios listed in docs/scenarios.md.</summary>
    private static readonly string[] DocumentedScenarios =
        ["baseline-2024", "target-2025", "goal-10mt", "worldbank-2030", "aktau-container-hub", "two-700-teu-vessels", "zangezur-open", "storm-season"];

    /// <summary>The totals documented in docs/simulation.md, each an estimate {mean, halfWidth, lower, upper}.</summary>
    private static readonly string[] DocumentedTotals =
    [
        "demandTonnesPerYear", "deliveredTonnesPerYear", "deliveredTeuPerYear", "refusedTonnesPerYear", "undeliveredTonnesPerYear",
        "unmetTonnesPerYear", "transitMeanDays", "transitP50Days", "transitP90Days", "transitP95Days", "stormClosureHours",
    ];

    /// <summary>Student's t quantile t(0.975, 2) for 3 replications, from the t table: 4.303 (exactly 4.302652730).</summary>
    private const double T975With2DegreesOfFreedom = 4.302652730;

    private static string[] Args(params string[] args) => args;

    private static string[] Common(bool json = true) =>
        json ? ["--replications", ShortScenarios.Replications.ToString(Inv), "--seed", ShortScenarios.Seed.ToString(Inv), "--json"]
             : ["--replications", ShortScenarios.Replications.ToString(Inv), "--seed", ShortScenarios.Seed.ToString(Inv)];

    private static JsonElement Parse(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone(); // throws unless stdout is exactly one JSON value
    }

    private static double Mean(JsonElement estimate) => estimate.GetProperty("mean").GetDouble();

    // ---------------------------------------------------------------- simulate SCENARIO --json

    [Fact]
    public void Json_has_every_documented_field_describing_the_run()
    {
        var doc = Parse(scenarios.Run);

        foreach (string field in new[] { "scenario", "description", "files", "network", "networkVersion", "replications", "seed",
                     "warmupDays", "horizonDays", "saturated", "saturationReason", "totals", "streams", "segments", "elements", "bottlenecks", "weekly", "little", "notes", "performance" })
            Assert.True(doc.TryGetProperty(field, out _), $"missing field '{field}'");
        Assert.Equal("short-baseline", doc.GetProperty("scenario").GetString());
        // The file itself, then the built-in scenario it extends.
        Assert.Equal(new[] { "short-baseline.json", "baseline-2024.json" }, doc.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(ShortScenarios.Replications, doc.GetProperty("replications").GetInt32());
        Assert.Equal(ShortScenarios.Seed, doc.GetProperty("seed").GetInt64());
        Assert.Equal(ShortScenarios.WarmupDays, doc.GetProperty("warmupDays").GetDouble());
        Assert.Equal(ShortScenarios.HorizonDays, doc.GetProperty("horizonDays").GetDouble());
        Assert.Equal("caravan-corridor", doc.GetProperty("network").GetString());
        // A reason exactly when saturated (this 10-day warm-up is shorter than the baseline's transit: the corridor is
        // still filling up, which the reason says if the test trips).
        bool saturated = doc.GetProperty("saturated").GetBoolean();
        Assert.Equal(saturated ? JsonValueKind.String : JsonValueKind.Null, doc.GetProperty("saturationReason").ValueKind);

        var totals = doc.GetProperty("totals");
        foreach (string total in DocumentedTotals)
            foreach (string part in new[] { "mean", "halfWidth", "lower", "upper" })
                Assert.True(totals.GetProperty(total).TryGetProperty(part, out _), $"totals.{total}.{part} missing");
        var bottlenecks = doc.GetProperty("bottlenecks");
        Assert.True(bottlenecks.GetProperty("byUtilisation").GetArrayLength() > 0);
        Assert.True(bottlenecks.GetProperty("byDelay").GetArrayLength() > 0);
        // The baseline's 10 streams (docs/scenarios.md's composition of the 4.5 Mt), each with at least one route.
        Assert.Equal(10, doc.GetProperty("streams").GetArrayLength());
        Assert.All(doc.GetProperty("streams").EnumerateArray(), s => Assert.True(s.GetProperty("routes").GetArrayLength() >= 1, s.ToString()));
    }

    [Fact]
    public void Every_confidence_interval_is_the_mean_plus_or_minus_its_half_width()
    {
        var doc = Parse(scenarios.Run);
        var estimates = new List<(string Where, JsonElement Estimate)>();
        foreach (var total in doc.GetProperty("totals").EnumerateObject()) estimates.Add(($"totals.{total.Name}", total.Value));
        foreach (var s in doc.GetProperty("streams").EnumerateArray())
            foreach (string f in new[] { "demandTonnesPerYear", "deliveredTonnesPerYear", "transitMeanDays", "transitP50Days", "transitP90Days" })
                estimates.Add(($"{s.GetProperty("id")}.{f}", s.GetProperty(f)));
        foreach (var e in doc.GetProperty("elements").EnumerateArray())
            foreach (string f in new[] { "utilisation", "meanQueue", "meanWaitHours", "delayHoursPerDeliveredUnit", "unitsPerYear" })
                estimates.Add(($"{e.GetProperty("name")}.{f}", e.GetProperty(f)));

        int checkedIntervals = 0;
        foreach (var (where, e) in estimates)
        {
            if (e.GetProperty("halfWidth").ValueKind == JsonValueKind.Null) continue; // undefined (fewer than 2 finite values)
            double mean = Mean(e), half = e.GetProperty("halfWidth").GetDouble();
            double lower = e.GetProperty("lower").GetDouble(), upper = e.GetProperty("upper").GetDouble();
            Assert.True(half >= 0, $"{where}: half-width {half}");
            Assert.True(lower <= mean && mean <= upper, $"{where}: {lower} ≤ {mean} ≤ {upper}");
            // Each figure is rounded to 6 decimals on its own, hence the 2e-6 tolerance.
            Assert.True(Math.Abs(mean - half - lower) <= 2e-6 && Math.Abs(mean + half - upper) <= 2e-6, $"{where}: {lower} / {mean} ± {half} / {upper}");
            checkedIntervals++;
        }
        Assert.True(checkedIntervals > 100, $"only {checkedIntervals} intervals were defined"); // 11 totals + 50 stream + 185 element figures
    }

    [Fact]
    public void Totals_streams_and_littles_law_agree_with_each_other()
    {
        var doc = Parse(scenarios.Run);
        var t = doc.GetProperty("totals");
        double p50 = Mean(t.GetProperty("transitP50Days")), p90 = Mean(t.GetProperty("transitP90Days")), p95 = Mean(t.GetProperty("transitP95Days"));
        Assert.True(0 < p50 && p50 <= p90 && p90 <= p95, $"p50 {p50}, p90 {p90}, p95 {p95}");
        // Quantiles of a histogram from the Chinese railheads to the Black Sea: days, not hours or minutes.
        Assert.InRange(p50, 5, 60);

        // Unmet = refused at origin + still under way at the end; the mean of a sum is the sum of the means.
        double unmet = Mean(t.GetProperty("unmetTonnesPerYear"));
        double refusedPlusUnderWay = Mean(t.GetProperty("refusedTonnesPerYear")) + Mean(t.GetProperty("undeliveredTonnesPerYear"));
        Assert.Equal(refusedPlusUnderWay, unmet, 1e-3);
        Assert.True(unmet >= 0);

        // Containers are part of the tonnes, at 10 t per TEU (GLEC): delivered tonnes ≥ 10 × delivered TEU > 0.
        double delivered = Mean(t.GetProperty("deliveredTonnesPerYear")), teu = Mean(t.GetProperty("deliveredTeuPerYear"));
        Assert.True(teu > 0 && delivered >= 10 * teu, $"{delivered} t, {teu} TEU");

        // The totals are the sums of the streams (sum of means = mean of sums; each figure rounded to 1e-6).
        var streams = doc.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(Mean(t.GetProperty("demandTonnesPerYear")), streams.Sum(s => Mean(s.GetProperty("demandTonnesPerYear"))), 1e-3);
        Assert.Equal(delivered, streams.Sum(s => Mean(s.GetProperty("deliveredTonnesPerYear"))), 1e-3);
        foreach (var s in streams)
            if (s.GetProperty("transitP90Days").GetProperty("mean").ValueKind == JsonValueKind.Number)
                Assert.True(Mean(s.GetProperty("transitP50Days")) <= Mean(s.GetProperty("transitP90Days")), s.GetProperty("id").GetString());

        // Little's law L = λW: mean units in the system ≈ accepted arrivals per hour × mean transit hours (within 5 %;
        // the core tests hold it to 3 % over a full year). The transit in hours is the days' figure × 24.
        var little = doc.GetProperty("little");
        double l = Mean(little.GetProperty("meanUnitsInSystem"));
        double lambda = Mean(little.GetProperty("arrivalRatePerHour")), w = Mean(little.GetProperty("transitMeanHours"));
        Assert.InRange(l / (lambda * w), 0.95, 1.05);
        Assert.Equal(24 * Mean(t.GetProperty("transitMeanDays")), w, 1e-3);
    }

    [Fact]
    public void Utilisations_are_fractions_and_the_bottleneck_rankings_are_sorted()
    {
        var doc = Parse(scenarios.Run);
        var elements = doc.GetProperty("elements").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        foreach (var (name, e) in elements)
            if (e.GetProperty("utilisation").GetProperty("mean").ValueKind == JsonValueKind.Number)
                Assert.InRange(Mean(e.GetProperty("utilisation")), 0, 1.05); // up to 100 % "and a little" when storms close a port

        var byUse = doc.GetProperty("bottlenecks").GetProperty("byUtilisation").EnumerateArray().ToList();
        var byDelay = doc.GetProperty("bottlenecks").GetProperty("byDelay").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, byUse.Count), byUse.Select(b => b.GetProperty("rank").GetInt32()));
        Assert.Equal(Enumerable.Range(1, byDelay.Count), byDelay.Select(b => b.GetProperty("rank").GetInt32()));
        // Both rank the same elements (those that carried cargo), each an element of the document.
        var useNames = byUse.Select(b => b.GetProperty("element").GetString()!).ToList();
        var delayNames = byDelay.Select(b => b.GetProperty("element").GetString()!).ToList();
        Assert.Equal(useNames.Order(StringComparer.Ordinal), delayNames.Order(StringComparer.Ordinal));
        Assert.All(useNames, n => Assert.True(elements.ContainsKey(n), n));
        Assert.Equal(useNames.Count, useNames.Distinct().Count());

        double[] use = useNames.Select(n => Mean(elements[n].GetProperty("utilisation"))).ToArray();
        double[] delay = delayNames.Select(n => Mean(elements[n].GetProperty("delayHoursPerDeliveredUnit"))).ToArray();
        for (int i = 1; i < use.Length; i++) Assert.True(use[i - 1] >= use[i], $"byUtilisation {i}: {use[i - 1]} < {use[i]}");
        for (int i = 1; i < delay.Length; i++) Assert.True(delay[i - 1] >= delay[i], $"byDelay {i}: {delay[i - 1]} < {delay[i]}");

        // Weekly series for the top five of each ranking, one value per week: 35 days = 5 weeks.
        var weekly = doc.GetProperty("weekly").EnumerateArray().ToList();
        Assert.Equal(useNames.Take(5).Union(delayNames.Take(5)).Order(StringComparer.Ordinal),
            weekly.Select(w => w.GetProperty("element").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(weekly, w =>
        {
            Assert.Equal(5, w.GetProperty("queue").GetArrayLength());
            Assert.Equal(5, w.GetProperty("waitHours").GetArrayLength());
        });
    }

    [Fact]
    public void The_same_seed_gives_the_same_document_and_another_seed_does_not()
    {
        // Same seed, without --csv/--charts this time: the results must not depend on them either. Only the
        // `performance` block (wall-clock seconds, replications per second) may differ between two runs.
        var again = CliRunner.Run(["simulate", scenarios.Baseline, .. Common()]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(WithoutPerformance(scenarios.Run.Out), WithoutPerformance(again.Out));

        var other = Parse(CliRunner.Run("simulate", scenarios.Baseline, "--replications", "3", "--seed", "8", "--json"));
        var first = Parse(scenarios.Run);
        Assert.NotEqual(Mean(first.GetProperty("totals").GetProperty("demandTonnesPerYear")),
            Mean(other.GetProperty("totals").GetProperty("demandTonnesPerYear")));
    }

    private static string WithoutPerformance(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove("performance"));
        return node.ToJsonString();
    }

    // ---------------------------------------------------------------- --csv and --charts

    [Fact]
    public void Csv_writes_the_six_files_with_their_headers_and_the_same_figures_as_the_json()
    {
        var doc = Parse(scenarios.Run);
        string dir = scenarios.CsvDirectory;
        var expectedHeaders = new Dictionary<string, string>
        {
            ["totals.csv"] = "measure,mean,half_width,lower,upper",
            ["streams.csv"] = "stream,from,to,cargo,route,demand_tonnes_per_year,delivered_tonnes_per_year,delivered_half_width,transit_mean_days,transit_p50_days,transit_p90_days",
            ["segments.csv"] = "segment,cargo,tonnes_per_year,half_width",
            ["elements.csv"] = "element,kind,node,segment,capacity,utilisation,utilisation_half_width,mean_queue,mean_wait_hours,delay_hours_per_delivered_unit,delay_half_width,units_per_year,rank_by_utilisation,rank_by_delay",
            ["weekly.csv"] = "element,week,queue_mean,queue_half_width,wait_hours_mean",
            ["transit-histogram.csv"] = "from_hours,to_hours,units",
        };
        foreach (var (file, header) in expectedHeaders)
        {
            string path = Path.Combine(dir, file);
            Assert.True(File.Exists(path), $"{file} not written");
            Assert.Equal(header, File.ReadLines(path).First());
        }

        // One row per stream and per element; weekly.csv has every element for each of the 5 weeks.
        int streams = doc.GetProperty("streams").GetArrayLength(), elements = doc.GetProperty("elements").GetArrayLength();
        Assert.Equal(streams, DataRows(dir, "streams.csv").Count);
        Assert.Equal(elements, DataRows(dir, "elements.csv").Count);
        Assert.Equal(elements * 5, DataRows(dir, "weekly.csv").Count);

        // totals.csv: the 11 documented totals, the same means as the JSON's.
        var totals = DataRows(dir, "totals.csv").Select(r => r.Split(',')).ToDictionary(c => c[0], c => double.Parse(c[1], Inv));
        Assert.Equal(11, totals.Count);
        var json = doc.GetProperty("totals");
        Assert.Equal(Mean(json.GetProperty("deliveredTonnesPerYear")), totals["delivered_tonnes_per_year"], 1e-3);
        Assert.Equal(Mean(json.GetProperty("transitP95Days")), totals["transit_p95_days"], 1e-5);

        // The histogram: the quantile sketch's buckets (docs: (from, to] with to/from = γ = 1.005/0.995), only
        // non-empty ones, in increasing order without overlap.
        var bins = DataRows(dir, "transit-histogram.csv").Select(r => r.Split(',').Select(c => double.Parse(c, Inv)).ToArray()).ToList();
        Assert.NotEmpty(bins);
        Assert.All(bins, b => { Assert.Equal(1.005 / 0.995, b[1] / b[0], 1e-8); Assert.True(b[2] > 0); });
        Assert.All(bins.Zip(bins.Skip(1)), pair => Assert.True(pair.First[1] <= pair.Second[0] * (1 + 1e-9)));
    }

    private static List<string> DataRows(string dir, string file) =>
        File.ReadLines(Path.Combine(dir, file)).Skip(1).Where(l => l.Length > 0).ToList();

    [Fact]
    public void Charts_writes_non_empty_png_and_svg_files()
    {
        byte[] pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]; // \x89 P N G \r \n \x1A \n (PNG spec §5.2)
        foreach (string chart in new[] { "queue-over-time", "transit-histogram", "utilisation" })
        {
            string png = Path.Combine(scenarios.ChartsDirectory, chart + ".png");
            Assert.True(File.Exists(png), $"{chart}.png not written");
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 1000, $"{chart}.png has only {bytes.Length} bytes");
            Assert.Equal(pngSignature, bytes.Take(8));
            // The first chunk is IHDR; its width and height (big-endian, bytes 16–23) are not zero.
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.True(ReadBigEndian(bytes, 16) > 0 && ReadBigEndian(bytes, 20) > 0);

            string svg = Path.Combine(scenarios.ChartsDirectory, chart + ".svg");
            Assert.True(File.Exists(svg), $"{chart}.svg not written");
            Assert.Contains("<svg", File.ReadAllText(svg));
        }
    }

    private static int ReadBigEndian(byte[] b, int at) => b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];

    // ---------------------------------------------------------------- simulate compare A B

    [Fact]
    public void Compare_prints_both_scenarios_the_difference_and_the_p_value()
    {
        var run = CliRunner.Run(["simulate", "compare", scenarios.Baseline, scenarios.Goal, .. Common(json: false)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("A = short-baseline, B = short-goal: 3 replications each, seed 7", run.Out);
        foreach (string column in new[] { "Metric", "B − A", "95 % CI", "p", "Significant" }) Assert.Contains(column, run.Out);
        Assert.Contains("significant = the interval excludes 0", run.Out);
        // The delivered row: A, B, a signed difference, its interval, a p-value and the verdict.
        string[] cells = DeliveredRow(run);
        Assert.Equal(8, cells.Length);
        Assert.Equal("Mt/yr", cells[1]);
        Assert.StartsWith("+", cells[4]);
        Assert.Matches(@"^\[\+[\d.]+, \+[\d.]+\]$", cells[5]); // both ends above 0
        Assert.Matches(@"^(< 0\.0001|0\.\d{4})$", cells[6]);
        Assert.Equal("yes", cells[7]);
    }

    private static string[] DeliveredRow(CliRun run) => run.Out.Split('\n')
        .Select(l => l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .Single(c => c.Length > 1 && c[0] == "delivered" && c[1] == "Mt/yr"); // not a wrapped "… delivered" continuation line

    [Fact]
    public void A_min_difference_larger_than_the_change_makes_it_too_small_to_be_significant()
    {
        // short-goal delivers about 2 Mt/yr more than short-baseline: real (its interval excludes 0) but below 100 Mt/yr.
        var run = CliRunner.Run(["simulate", "compare", scenarios.Baseline, scenarios.Goal, .. Common(json: false), "--min-difference", "100"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("|B − A| ≥ 100", run.Out);
        Assert.Equal("too small", DeliveredRow(run)[7]);

        var doc = Parse(CliRunner.Run(["simulate", "compare", scenarios.Baseline, scenarios.Goal, .. Common(), "--min-difference", "100"]));
        Assert.Equal(100, doc.GetProperty("minDifference").GetDouble());
        Assert.All(doc.GetProperty("metrics").EnumerateArray(), m =>
        {
            if (m.GetProperty("significant").ValueKind == JsonValueKind.Null) return;
            // Significant only when both the interval excludes 0 and the change is at least 100 in its unit.
            bool excludesZero = m.GetProperty("ciLow").GetDouble() > 0 || m.GetProperty("ciHigh").GetDouble() < 0;
            Assert.Equal(excludesZero && Math.Abs(m.GetProperty("difference").GetDouble()) >= 100, m.GetProperty("significant").GetBoolean());
        });
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("a lot")]
    [InlineData("NaN")]
    public void A_negative_or_unreadable_min_difference_is_refused_naming_the_option(string value)
    {
        var run = CliRunner.Run("simulate", "compare", "baseline-2024", "goal-10mt", "--replications", "2", "--min-difference", value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        Assert.StartsWith($"error: --min-difference: found '{value}', expected ", run.Error);
    }

    [Fact]
    public void Compare_finds_ten_million_tonnes_significantly_different_from_the_baseline()
    {
        var doc = Parse(CliRunner.Run(["simulate", "compare", scenarios.Baseline, scenarios.Goal, .. Common()]));
        Assert.Equal("short-baseline", doc.GetProperty("a").GetString());
        Assert.Equal("short-goal", doc.GetProperty("b").GetString());
        var metrics = doc.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!);

        foreach (var m in metrics.Values)
        {
            if (m.GetProperty("pValue").ValueKind == JsonValueKind.Null) continue;
            Assert.InRange(m.GetProperty("pValue").GetDouble(), 0, 1);
            Assert.Equal(m.GetProperty("b").GetDouble() - m.GetProperty("a").GetDouble(), m.GetProperty("difference").GetDouble(), 1e-5);
            // The interval is B − A ± t(0.975, ν)·se around the difference, with se = |B − A| / |t|.
            double diff = m.GetProperty("difference").GetDouble(), low = m.GetProperty("ciLow").GetDouble(), high = m.GetProperty("ciHigh").GetDouble();
            Assert.Equal(diff, (low + high) / 2, 1e-5 + 1e-6 * Math.Abs(diff));
            // (Where JSON's 6 decimals leave t and B − A precise enough to recover se.)
            if (m.GetProperty("t").ValueKind == JsonValueKind.Number && Math.Abs(m.GetProperty("t").GetDouble()) > 0.01 && Math.Abs(diff) > 1e-3
                && m.GetProperty("degreesOfFreedom").ValueKind == JsonValueKind.Number)
            {
                double se = Math.Abs(diff / m.GetProperty("t").GetDouble());
                double t975 = Caravan.Simulation.StudentT.Quantile(0.975, m.GetProperty("degreesOfFreedom").GetDouble());
                Assert.Equal(t975 * se, (high - low) / 2, 1e-4 * t975 * se + 1e-6);
            }
        }

        // goal-10mt is 10 Mt/yr, the baseline 4.5 Mt/yr (docs/scenarios.md): demand grows by 10 / 4.5 = 2.22, and
        // both see the same seasonality over the same 35 days.
        var demand = metrics["demand"];
        Assert.InRange(demand.GetProperty("b").GetDouble() / demand.GetProperty("a").GetDouble(), 2.0, 2.45);
        Assert.True(demand.GetProperty("significant").GetBoolean());

        var delivered = metrics["delivered"];
        Assert.True(delivered.GetProperty("difference").GetDouble() > 0);
        Assert.True(delivered.GetProperty("pValue").GetDouble() < 0.05, delivered.ToString());
        Assert.True(delivered.GetProperty("significant").GetBoolean());

        // Welch's t by hand from the two scenarios' own confidence intervals: with n = 3 replications,
        // s/√n = halfWidth / t(0.975, 2), so t = (x̄_B − x̄_A) / √((h_A/4.3027)² + (h_B/4.3027)²) and
        // ν = (v_A + v_B)² / (v_A²/2 + v_B²/2) with v = (h/4.3027)². Replication r of B uses the same random streams
        // whether B runs alone or in a comparison, so the means must match exactly.
        var a = Parse(scenarios.Run).GetProperty("totals").GetProperty("deliveredTonnesPerYear");
        var b = Parse(CliRunner.Run(["simulate", scenarios.Goal, .. Common()])).GetProperty("totals").GetProperty("deliveredTonnesPerYear");
        Assert.Equal(Mean(a) / 1e6, delivered.GetProperty("a").GetDouble(), 1e-5);
        Assert.Equal(Mean(b) / 1e6, delivered.GetProperty("b").GetDouble(), 1e-5);
        double va = Math.Pow(a.GetProperty("halfWidth").GetDouble() / T975With2DegreesOfFreedom / 1e6, 2);
        double vb = Math.Pow(b.GetProperty("halfWidth").GetDouble() / T975With2DegreesOfFreedom / 1e6, 2);
        double t = (Mean(b) - Mean(a)) / 1e6 / Math.Sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 2);
        Assert.Equal(t, delivered.GetProperty("t").GetDouble(), 1e-3 * Math.Abs(t));
        Assert.Equal(df, delivered.GetProperty("degreesOfFreedom").GetDouble(), 1e-3 * df);
    }

    [Fact]
    public void A_scenario_compared_with_itself_differs_by_nothing_under_common_random_numbers()
    {
        var doc = Parse(CliRunner.Run(["simulate", "compare", scenarios.Baseline, scenarios.Baseline, .. Common()]));
        var metrics = doc.GetProperty("metrics").EnumerateArray().ToList();
        Assert.True(metrics.Count > 8, doc.ToString()); // the 8 totals, then streams and bottlenecks

        // Same seed, same replications, same model: every replication value is identical, so B − A = 0 exactly,
        // t = 0 and p = P(|T| ≥ 0) = 1 wherever the metric is defined.
        foreach (var m in metrics)
        {
            string name = m.GetProperty("metric").GetString()!;
            Assert.True(m.GetProperty("difference").ValueKind is JsonValueKind.Null || m.GetProperty("difference").GetDouble() == 0, name);
            if (m.GetProperty("pValue").ValueKind == JsonValueKind.Null) continue;
            Assert.True(m.GetProperty("pValue").GetDouble() == 1, $"{name}: p = {m.GetProperty("pValue")}");
            Assert.False(m.GetProperty("significant").GetBoolean(), name);
            Assert.True(m.GetProperty("ciLow").GetDouble() <= 0 && m.GetProperty("ciHigh").GetDouble() >= 0, $"{name}: {m}");
        }
        Assert.Contains(metrics, m => m.GetProperty("metric").GetString() == "delivered" && m.GetProperty("pValue").GetDouble() == 1);
    }

    // ---------------------------------------------------------------- errors

    [Theory]
    [InlineData("simulate", "baseline-2042", "SCENARIO")]
    [InlineData("simulate compare", "baseline-2042", "A")]
    [InlineData("simulate compare", "goal-10Mt", "B")]
    public void An_unknown_scenario_is_one_line_naming_it_and_listing_the_known_ones(string command, string unknown, string field)
    {
        string[] args = (command, field) switch
        {
            ("simulate", _) => ["simulate", unknown, "--replications", "2"],
            (_, "A") => ["simulate", "compare", unknown, "baseline-2024", "--replications", "2"],
            _ => ["simulate", "compare", "baseline-2024", unknown, "--replications", "2"],
        };
        var run = CliRunner.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith($"error: {field}: found '{unknown}', expected ", run.Error);
        foreach (string known in DocumentedScenarios) Assert.Contains(known, run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]      // one replication has no confidence interval (docs: at least 2)
    [InlineData("-3")]
    [InlineData("twenty")]
    public void Too_few_or_unreadable_replications_are_refused_naming_the_option(string replications)
    {
        foreach (string[] args in new[]
                 {
                     Args("simulate", "baseline-2024", "--replications", replications),
                     Args("simulate", "compare", "baseline-2024", "goal-10mt", "--replications", replications),
                 })
        {
            var run = CliRunner.Run(args);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Equal("", run.Out);
            Assert.Single(run.Error.Trim().Split('\n'));
            Assert.StartsWith($"error: --replications: found '{replications}', expected ", run.Error);
        }
    }
}
