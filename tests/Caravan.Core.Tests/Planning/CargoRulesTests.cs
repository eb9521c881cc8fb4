using Caravan.Core.Tests.Cli;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Planning;

/// <summary>One set of cargo rules: the CLI and the planner refuse the same cargo with the same words, each naming its own field.</summary>
public sealed class CargoRulesTests
{
    [Fact]
    public void A_sound_cargo_has_no_problem()
    {
        Assert.Empty(CargoRules.Check(new Cargo { Kind = CargoKind.Container, Containers40 = 2, Tonnes = 40 }));
        Assert.Empty(CargoRules.Check(new Cargo { Kind = CargoKind.DryBulk, Tonnes = 5000 }));
    }

    [Fact]
    public void Too_many_wagons_are_refused_alike_by_the_cli_and_the_planner()
    {
        var run = CliRunner.Run(["plan", "--from", "Xi'an", "--to", "Aktau", "--wagons", "200000"]);
        var planner = new Planner(NetworkLoader.LoadDefault());
        var e = Assert.Throws<PlanRequestException>(() => planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "KZAKT", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0),
            Cargo = new Cargo { Kind = CargoKind.Wagon, WagonCount = 200_000 },
        }));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--wagons: found '200000', expected {CargoRules.WagonsExpected}", run.Error);
        Assert.Equal("cargo.wagons: found '200000', expected a number of wagons from 1 to 100,000", e.Message);
    }

    [Fact]
    public void A_dangerous_goods_class_outside_1_to_9_names_the_field_and_the_value()
    {
        var problem = Assert.Single(CargoRules.Check(new Cargo { Kind = CargoKind.Container, Containers20 = 1, DangerousGoodsClass = 12 }));

        Assert.Equal(new CargoProblem("dangerousGoodsClass", "12", "a UN dangerous-goods class from 1 to 9"), problem);
    }
}
