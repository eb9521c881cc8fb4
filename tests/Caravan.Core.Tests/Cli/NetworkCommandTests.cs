using System.Text.Json;

namespace Caravan.Core.Tests.Cli;

public class NetworkCommandTests
{
    [Fact]
    public void Check_accepts_the_format_example()
    {
        var run = CliRunner.Run("network", "check", CliRunner.ExampleNetwork);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("OK: ", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Check_summarizes_a_valid_file_in_one_line()
    {
        var run = CliRunner.Run("network", "check", CliRunner.TestNetwork);

        Assert.True(run.ExitCode == 0, run.ToString());
        // cli-test-network.json has 4 nodes, 3 links, 3 services, 2 transshipments and 2 tariffs.
        Assert.Equal($"OK: {CliRunner.TestNetwork}: cli-test 2026-11-23, 4 nodes, 3 links, 3 services, 2 transshipments, 2 tariffs.", run.Out.Trim());
    }

    [Fact]
    public void Check_lists_every_error_of_a_broken_file_with_its_path()
    {
        string text = File.ReadAllText(CliRunner.TestNetwork)
            .Replace("\"distanceKm\": 3100", "\"distanceKm\": -5")             // links[0], the first link
            .Replace("\"timeZone\": \"Asia/Almaty\"", "\"timeZone\": \"Asia/Nowhere\""); // nodes[1], Dostyk
        string path = WriteTemp("broken-network.json", text);

        var run = CliRunner.Run("network", "check", path);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("broken-network.json") && l.Contains("links[0].distanceKm") && l.Contains("-5"));
        Assert.Contains(lines, l => l.Contains("nodes[1].timeZone") && l.Contains("Asia/Nowhere"));
        Assert.StartsWith("error: ", run.Error);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void Check_of_a_missing_file_fails_in_one_line()
    {
        var run = CliRunner.Run("network", "check", Path.Combine(Path.GetTempPath(), "no-such-caravan-network.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("no such file", run.Error);
    }

    [Fact]
    public void Show_lists_nodes_and_services()
    {
        var run = CliRunner.Run("network", "show", "--network", CliRunner.TestNetwork);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("cli-test 2026-11-23", run.Out);
        Assert.Contains("4 nodes in 3 countries, 3 links, 3 services", run.Out); // CN, KZ, AZ
        Assert.Contains("Asia/Shanghai", run.Out);
        Assert.Contains("XAN-DOS-BLOCK", run.Out);
        Assert.Contains("KTZ Express", run.Out);
        Assert.Contains("Mon,Thu 08:00", run.Out);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"wider than 120 columns: {line}"));
    }

    [Fact]
    public void Show_json_has_the_documented_fields()
    {
        var run = CliRunner.Run("network", "show", "--network", CliRunner.TestNetwork, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("cli-test", root.GetProperty("name").GetString());
        Assert.Equal("2026-11-23", root.GetProperty("version").GetString());
        Assert.Equal(4, root.GetProperty("counts").GetProperty("nodes").GetInt32());
        Assert.Equal(3, root.GetProperty("counts").GetProperty("countries").GetInt32());
        Assert.Equal("2025-11-03", root.GetProperty("exchangeRates").GetProperty("date").GetString());

        var xian = root.GetProperty("nodes")[0];
        Assert.Equal("CNXAN", xian.GetProperty("id").GetString());
        Assert.Equal("Xi'an", xian.GetProperty("name").GetString());
        Assert.Equal("railTerminal", xian.GetProperty("kind").GetString());
        Assert.Equal(1435, xian.GetProperty("gauges")[0].GetInt32());

        var ferry = root.GetProperty("services")[1];
        Assert.Equal("AKT-ALT-FERRY", ferry.GetProperty("id").GetString());
        Assert.Equal("ferry", ferry.GetProperty("mode").GetString());
        Assert.Equal(56, ferry.GetProperty("capacityPerDeparture").GetProperty("wagons").GetDouble());
        Assert.Equal(JsonValueKind.Null, ferry.GetProperty("capacityPerDeparture").GetProperty("tonnes").ValueKind);
    }

    [Fact]
    public void Show_works_on_the_embedded_default()
    {
        var run = CliRunner.Run("network", "show");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(from default)", run.Out);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"wider than 120 columns: {line}"));
    }

    internal static string WriteTemp(string name, string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "caravan-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
