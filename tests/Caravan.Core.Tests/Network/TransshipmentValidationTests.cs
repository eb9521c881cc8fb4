using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// The rules of the transshipments section. In the example [0] is the 1435→1520 gauge change at Dostyk, [1] rail to
/// ferry at Aktau.
/// </summary>
public class TransshipmentValidationTests
{
    [Theory]
    [InlineData("transshipments[0].node", "\"KZXXX\"", "transshipments[0].node")]
    [InlineData("transshipments[0].toGauge", "1000", "transshipments[0].toGauge")]     // a real gauge, not at Dostyk
    [InlineData("transshipments[1].fromGauge", "1435", "transshipments[1].fromGauge")] // Aktau is 1520 only
    [InlineData("transshipments[1].toGauge", "1520", "transshipments[1].toGauge")]     // a ferry has no gauge
    [InlineData("transshipments[0].fromGauge", "1436", "transshipments[0].fromGauge")]
    [InlineData("transshipments[0].fromMode", "\"train\"", "transshipments[0].fromMode")]
    [InlineData("transshipments[0].cost.perShipment", "-1", "transshipments[0].cost.perShipment")]
    [InlineData("transshipments[0].cost.perTeu", "-60", "transshipments[0].cost.perTeu")]
    [InlineData("transshipments[0].cost.perTonne", "-4", "transshipments[0].cost.perTonne")]
    [InlineData("transshipments[0].cost.perWagon", "-150", "transshipments[0].cost.perWagon")]
    [InlineData("transshipments[0].cost.currency", "\"GBP\"", "transshipments[0].cost.currency")]
    [InlineData("transshipments[0].hubOperation", "\"crane\"", "transshipments[0].hubOperation")]
    [InlineData("transshipments[1].hours", "{\"dist\": \"fixed\", \"hours\": -6}", "transshipments[1].hours.hours")]
    public void Transshipment_fields_are_checked(string path, string json, string errorPath) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), errorPath);

    [Fact]
    public void Cost_parts_left_out_cost_nothing()
    {
        var network = Parse(d => Remove(d, "transshipments[0].cost.perShipment")).Network!;
        Assert.Equal(new TransshipmentCost(0m, 60m, 4m, 150m), network.Transshipments[0].Cost);
    }

    [Fact]
    public void Transshipment_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, "transshipments[1]")), "transshipments[2].id");

    [Fact]
    public void A_network_without_transshipments_may_leave_the_section_out() =>
        AssertValid(Parse(d => Remove(d, "transshipments")));
}
