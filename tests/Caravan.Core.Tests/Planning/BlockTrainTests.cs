using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Block trains are through products: booked from where the cargo starts, with the short block-train dwell at each
/// connection between them, and closed to cargo that arrives by a standard service.
/// </summary>
public class BlockTrainTests
{
    private static readonly NetworkModel Network = NetworkLoader.LoadDefault();
    private static readonly Planner Planner = new(Network);

    private static PlanResult Plan(string from, string to, bool blockTrainsOnly = false) => Planner.Plan(new PlanRequest
    {
        From = from, To = to,
        ReadyTime = Instant.FromUtc(2024, 3, 5, 0, 0),
        Cargo = new Cargo { Kind = CargoKind.Container, Containers40 = 1 },
        Constraints = new PlanConstraints { BlockTrainsOnly = blockTrainsOnly },
    });

    [Fact]
    public void No_itinerary_boards_a_block_train_from_a_standard_service()
    {
        var result = Plan("CNXAN", "GEPTI");

        Assert.NotEmpty(result.Itineraries);
        foreach (var it in result.Itineraries)
            for (int i = 1; i < it.Legs.Count; i++)
                Assert.False(it.Legs[i].Service.Product == ServiceProduct.BlockTrain && it.Legs[i - 1].Service.Product != ServiceProduct.BlockTrain,
                    $"{it.Legs[i - 1].Service.Id} → {it.Legs[i].Service.Id}");
    }

    [Fact]
    public void A_block_train_connection_dwells_the_nodes_block_train_dwell_and_a_standard_one_its_dwell()
    {
        var blockOnly = Plan("CNXAN", "AZALT", blockTrainsOnly: true);
        var through = Assert.Single(blockOnly.Itineraries.Take(1));

        Assert.All(through.Legs, l => Assert.Equal(ServiceProduct.BlockTrain, l.Service.Product));
        foreach (var leg in through.Legs)
            Assert.Equal(Math.Round(leg.From.BlockTrainDwell!.Median * 3600), leg.Dwell.TotalSeconds, 0);

        var standard = Plan("CNXAN", "AZALT").Itineraries.First(i => i.Legs.All(l => l.Service.Product == ServiceProduct.Standard));
        foreach (var leg in standard.Legs)
            Assert.Equal(Math.Round(leg.From.Dwell.Median * 3600), leg.Dwell.TotalSeconds, 0);
    }

    [Fact]
    public void Block_trains_only_finds_nothing_where_no_block_train_runs()
    {
        Assert.Empty(Plan("KZAST", "AZALT", blockTrainsOnly: true).Itineraries);
    }
}
