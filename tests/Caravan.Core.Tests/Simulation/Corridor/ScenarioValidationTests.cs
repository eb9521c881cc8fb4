using Caravan.Network;
using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

public class ScenarioValidationTests
{
    [Fact]
    public void Every_built_in_scenario_loads_and_builds_against_the_default_network()
    {
        string[] expected = ["aktau-container-hub", "baseline-2024", "goal-10mt", "storm-season", "target-2025", "two-700-teu-vessels", "worldbank-2030", "zangezur-open"];
        Assert.Equal(expected, ScenarioLoader.BuiltInNames);
        foreach (string name in expected)
        {
            var plan = CorridorBuilder.Build(ScenarioLoader.Load(name), NetworkLoader.LoadDefault());
            Assert.All(plan.Streams, s => Assert.True(s.Routable, $"{name}: {s.Id} has no route"));
        }
    }

    [Fact]
    public void Extends_merges_by_key_and_scales_demand()
    {
        var baseline = ScenarioLoader.Load("baseline-2024");
        var target = ScenarioLoader.Load("target-2025");
        var goal = ScenarioLoader.Load("goal-10mt");
        Assert.Equal(["goal-10mt.json", "target-2025.json", "baseline-2024.json"], goal.Files);
        // target-2025 replaces the container streams (56,000 → 70,000 TEU) and keeps baseline's other streams.
        Assert.Equal(56000, baseline.Demand.Where(d => d.Cargo == CargoKind.Container).Sum(d => d.TeuPerYear!.Value));
        Assert.Equal(70000, target.Demand.Where(d => d.Cargo == CargoKind.Container).Sum(d => d.TeuPerYear!.Value));
        Assert.Equal(baseline.Demand.Select(d => d.Id), target.Demand.Select(d => d.Id));
        // Tonnes: 70,000 TEU × 10 t + 1.5 + 0.84 + 1.06 + 0.55 + 0.5 Mt = 0.7 + 4.45 = 5.15 Mt of which the scenario's
        // stated 5.2 Mt target is the rounding; goal-10mt × 1.923 ≈ 9.9 Mt.
        double tonnes = target.Demand.Sum(d => d.TeuPerYear is { } teu ? teu * 10 : d.TonnesPerYear!.Value);
        Assert.Equal(5_150_000, tonnes, 0);
        Assert.Equal(1.923, goal.DemandScale);
        Assert.Equal("baseline-2024.json", target.Weather!.File); // inherited, not restated
    }

    [Fact]
    public void A_bad_value_is_reported_with_file_path_value_and_what_was_expected()
    {
        var (scenario, errors) = ScenarioLoader.Parse("""
        { "formatVersion": 1, "name": "bad",
          "demand": [ { "id": "x", "from": "KZAKT", "to": "AZALT", "cargo": "container", "teuPerYear": -5, "source": "test" } ] }
        """, "bad.json");
        Assert.Null(scenario);
        var e = Assert.Single(errors);
        Assert.Equal("bad.json: demand[0].teuPerYear: found -5, expected TEU per year > 0", e.ToString());
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var (_, errors) = ScenarioLoader.Parse("""
        { "formatVersion": 1, "name": "bad", "horizonDays": 0, "seasonality": [1, 1],
          "demand": [ { "id": "x", "from": "KZAKT", "to": "AZALT", "cargo": "coal", "tonnesPerYear": 10 } ],
          "ferries": { "AKT-ALT-RAILFERRY": { "vessels": 0, "source": "s" } } }
        """, "bad.json");
        var text = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("bad.json: horizonDays: found 0, expected a number of days > 0", text);
        Assert.Contains(text, t => t.StartsWith("bad.json: seasonality: found 2 values, expected 12 monthly demand factors", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("bad.json: demand[0].cargo: found \"coal\", expected", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("bad.json: demand[0].source: missing, expected a source", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("bad.json: ferries.AKT-ALT-RAILFERRY.vessels: found 0", StringComparison.Ordinal));
    }

    [Fact]
    public void References_to_the_network_are_checked_when_the_model_is_built()
    {
        var scenario = TestNetworks.Scenario("""
        { "formatVersion": 1, "name": "refs",
          "demand": [ { "id": "x", "from": "KZAKX", "to": "AZALT", "cargo": "container", "teuPerYear": 100, "source": "test" } ],
          "services": { "NO-SUCH-SERVICE": { "capacityScale": 2, "source": "test" } },
          "ferries": { "DOS-AKT-KTZ": { "vessels": 2, "source": "test" } } }
        """, "refs.json");
        var e = Assert.Throws<ScenarioLoadException>(() => CorridorBuilder.Build(scenario, NetworkLoader.LoadDefault()));
        var text = e.Errors.Select(x => x.ToString()).ToList();
        Assert.True(text.Count == 3, string.Join("\n", text));
        Assert.Contains(text, t => t.StartsWith("refs.json: demand[0].from: found \"KZAKX\", expected a node id of network caravan-corridor; did you mean: ", StringComparison.Ordinal) && t.Contains("KZAKT"));
        Assert.Contains("refs.json: services.NO-SUCH-SERVICE: found \"NO-SUCH-SERVICE\", expected a service id of the network", text);
        Assert.Contains(text, t => t.StartsWith("refs.json: ferries.DOS-AKT-KTZ: found \"DOS-AKT-KTZ\", expected the id of a sail-when-full (ferry) service", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_parent_or_scenario_name_is_an_error_listing_the_built_in_ones()
    {
        var (_, errors) = ScenarioLoader.Parse("""{ "formatVersion": 1, "name": "child", "extends": "no-such-parent" }""", "child.json");
        Assert.StartsWith("child.json: extends: found \"no-such-parent\", expected a scenario next to this file or built in: aktau-container-hub, baseline-2024", errors.Single().ToString());
        var (_, missing) = ScenarioLoader.TryLoad("no-such-scenario");
        Assert.Contains("baseline-2024", missing.Single().Expected);
    }
}
