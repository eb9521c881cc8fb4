namespace Caravan.Core.Tests.Cli;

/// <summary>A scenario may name the network it runs on, relative to its own file; `--network` still overrides it.</summary>
public sealed class ScenarioNetworkTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"caravan-scenario-network-{Guid.NewGuid():N}");

    public ScenarioNetworkTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "networks"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "tiny-network.json"), Path.Combine(_dir, "networks", "tiny.json"));
        File.WriteAllText(Path.Combine(_dir, "tiny.json"), """
            { "formatVersion": 1, "name": "tiny", "network": "networks/tiny.json", "warmupDays": 10, "horizonDays": 60,
              "demand": [ { "id": "x-a", "from": "CNXAN", "to": "AZALT", "cargo": "container", "teuPerYear": 2000, "source": "test" } ] }
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_network_path_is_read_relative_to_the_scenario_file()
    {
        var scenario = Caravan.Simulation.Corridor.ScenarioLoader.Load(Path.Combine(_dir, "tiny.json"), Caravan.Files.ScenarioFiles.Instance);

        Assert.Equal(Path.Combine(_dir, "networks", "tiny.json"), scenario.NetworkFile);
    }

    [Fact]
    public void Simulate_runs_a_scenario_on_the_network_it_names()
    {
        var run = CliRunner.Run(["simulate", Path.Combine(_dir, "tiny.json"), "--replications", "2"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("on network tiny-example", run.Out);
    }

    [Fact]
    public void A_scenario_naming_a_missing_network_gets_a_clear_error()
    {
        File.WriteAllText(Path.Combine(_dir, "lost.json"), File.ReadAllText(Path.Combine(_dir, "tiny.json")).Replace("networks/tiny.json", "networks/none.json"));

        var run = CliRunner.Run(["simulate", Path.Combine(_dir, "lost.json"), "--replications", "2"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lost.json: network: ", run.Error);
        Assert.Contains("none.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
