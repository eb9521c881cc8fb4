using System.Text.Json;
using System.Text.RegularExpressions;

namespace Caravan.Core.Tests.Cli;

public class PlanCommandTests
{
    private static readonly string[] TinyShipment =
        ["plan", "--network", CliRunner.TestNetwork, "--from", "Xi'an", "--to", "Baku", "--containers", "2x40ft"];

    [Fact]
    public void Plans_the_main_job_on_the_default_network_as_typed_in_the_readme()
    {
        var run = CliRunner.Run("plan", "--from", "Xi'an", "--to", "Istanbul", "--containers", "2x40ft");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"│\s*1\s*│", run.Out); // at least the first row of the itinerary table
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void An_unknown_node_suggests_the_right_one()
    {
        var run = CliRunner.Run("plan", "--network", CliRunner.TestNetwork, "--from", "Xain", "--to", "Baku", "--containers", "1x40ft");

        Assert.Equal(2, run.ExitCode);
        // "xain" is two substitutions from "xian", further from every other id, name or alias.
        Assert.StartsWith("error: --from: found 'Xain', expected a node id or name; did you mean: Xi'an (CNXAN)", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_bad_containers_value_names_the_option_and_the_value()
    {
        var run = CliRunner.Run("plan", "--network", CliRunner.TestNetwork, "--from", "Xi'an", "--to", "Baku", "--containers", "2x45ft");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --containers: found '2x45ft', expected COUNTxSIZE", run.Error);
    }

    [Fact]
    public void Ready_without_offset_is_local_time_at_the_origin_in_the_json()
    {
        var run = CliRunner.Run([.. TinyShipment, "--ready", "2026-12-01T08:00", "--deadline", "2026-12-31", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var request = doc.RootElement.GetProperty("request");
        // Xi'an is Asia/Shanghai, UTC+8 all year: 08:00 local is 00:00 UTC.
        Assert.Equal("2026-12-01T08:00:00+08:00", request.GetProperty("ready").GetProperty("local").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", request.GetProperty("ready").GetProperty("utc").GetString());
        // A bare deadline date means the end of that day at the destination: Baku is UTC+4, so 2027-01-01 00:00 +04:00.
        Assert.Equal("2026-12-31T20:00:00Z", request.GetProperty("deadline").GetProperty("utc").GetString());
        Assert.Equal("AZALT", request.GetProperty("to").GetProperty("id").GetString());
        Assert.Equal(2, request.GetProperty("cargo").GetProperty("containers40").GetInt32());
        Assert.Equal(4.0, request.GetProperty("cargo").GetProperty("teu").GetDouble()); // 2 × 40 ft = 4 TEU
    }

    [Fact]
    public void Plan_json_has_the_documented_fields()
    {
        var run = CliRunner.Run([.. TinyShipment, "--ready", "2026-12-01T08:00", "--deadline", "2026-12-31", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("USD", root.GetProperty("quoteCurrency").GetString());
        Assert.Equal("cli-test", root.GetProperty("network").GetProperty("name").GetString());

        var itineraries = root.GetProperty("itineraries");
        Assert.True(itineraries.GetArrayLength() >= 1);
        var first = itineraries[0];
        Assert.Equal(1, first.GetProperty("option").GetInt32());
        Assert.Equal("CNXAN", first.GetProperty("route")[0].GetString());
        Assert.Equal("AZALT", first.GetProperty("route")[first.GetProperty("route").GetArrayLength() - 1].GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", first.GetProperty("departure").GetProperty("local").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+04:00$", first.GetProperty("arrival").GetProperty("local").GetString());
        Assert.Equal("Asia/Baku", first.GetProperty("arrival").GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("totalCost").ValueKind);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("onTimeProbability").ValueKind);
        Assert.True(first.GetProperty("emissions").GetProperty("co2eWtwGrams").GetDouble() > 0);
        var p = first.GetProperty("arrivalPercentiles");
        Assert.True(p.GetProperty("p10Days").GetDouble() <= p.GetProperty("p50Days").GetDouble());
        Assert.True(p.GetProperty("p50Days").GetDouble() <= p.GetProperty("p90Days").GetDouble());

        var leg = first.GetProperty("legs")[0];
        foreach (string field in new[] { "service", "from", "to", "links", "distanceKm", "arrivedAtBoardingNode", "dwellHours",
                     "transshipment", "waitHours", "departure", "arrival", "departuresUsed", "cost", "charges", "emissions", "transshipmentEmissions" })
            Assert.True(leg.TryGetProperty(field, out _), $"leg has no '{field}'");

        // Money is written with exactly two decimals, e.g. 2760.00.
        Assert.Matches(new Regex(@"""totalCost"": -?\d+\.\d\d,"), run.Out);
    }

    [Fact]
    public void The_table_shows_local_times_with_offsets_and_the_on_time_column()
    {
        var run = CliRunner.Run([.. TinyShipment, "--ready", "2026-12-01T08:00", "--deadline", "2026-12-31", "--details"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ready 2026-12-01 08:00 +08:00", run.Out);
        Assert.Contains("On time", run.Out);
        Assert.Contains("+04:00", run.Out);       // arrival in Baku time
        Assert.Contains("XAN-DOS-BLOCK", run.Out); // the block train's leg, from --details
        Assert.Contains("Option 1:", run.Out);
    }

    [Fact]
    public void Avoiding_the_only_ferry_leaves_no_itinerary_and_says_so()
    {
        var run = CliRunner.Run([.. TinyShipment, "--avoid-mode", "ferry"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: no itinerary carries 2 × 40 ft from Xi'an (CNXAN) to Alat (Port of Baku) (AZALT)", run.Error);
    }
}
