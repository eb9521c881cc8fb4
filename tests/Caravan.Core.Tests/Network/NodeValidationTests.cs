using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>The rules of the nodes section. In the example nodes[0] is Xi'an, [1] Dostyk, [2] Aktau, [3] Alat.</summary>
public class NodeValidationTests
{
    [Theory]
    [InlineData("\"kz\"")]   // not capitals
    [InlineData("\"KAZ\"")]  // alpha-3
    [InlineData("\"XX\"")]   // the right shape but not assigned
    [InlineData("\"XK\"")]   // user-assigned (Kosovo), not ISO 3166-1
    [InlineData("\"UK\"")]   // reserved, the code is GB
    public void Country_must_be_an_assigned_ISO_alpha2_code(string json) =>
        AssertOnlyError(Parse(d => Set(d, "nodes[1].country", json)), "nodes[1].country");

    [Theory]
    [InlineData("nodes[0].lat", "90.01")]
    [InlineData("nodes[0].lat", "-91")]
    [InlineData("nodes[0].lon", "180.5")]
    [InlineData("nodes[0].lon", "-181")]
    public void Coordinates_must_be_on_earth(string path, string json) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), path);

    [Theory]
    [InlineData("nodes[0].lat", "-90")]
    [InlineData("nodes[0].lon", "180")]
    public void Coordinate_bounds_are_inclusive(string path, string json) => AssertValid(Parse(d => Set(d, path, json)));

    [Theory]
    [InlineData("\"Asia/Atlantis\"")]
    [InlineData("\"UTC+5\"")]
    public void Time_zone_must_be_a_known_IANA_zone(string json) =>
        AssertOnlyError(Parse(d => Set(d, "nodes[2].timeZone", json)), "nodes[2].timeZone");

    [Theory]
    [InlineData("1436")]
    [InlineData("1500")]
    [InlineData("\"1520\"")]
    public void Gauges_must_be_real_ones(string json) =>
        // Dostyk keeps 1435 and 1520 for its links; a third, wrong gauge is reported on its own.
        AssertOnlyError(Parse(d => Set(d, "nodes[1].gauges[2]", json)), "nodes[1].gauges[2]");

    [Fact]
    public void Gauges_must_be_a_list() =>
        AssertOnlyError(Parse(d => Set(d, "nodes[1].gauges", "1520")), "nodes[1].gauges");

    [Theory]
    [InlineData(null)]
    [InlineData("[]")]
    public void A_rail_terminal_needs_a_gauge(string? gauges)
    {
        // Alat is only reached by ferry, so removing its gauge breaks nothing else.
        var result = Parse(d =>
        {
            Set(d, "nodes[3].kind", "\"railTerminal\"");
            if (gauges is null) Remove(d, "nodes[3].gauges");
            else Set(d, "nodes[3].gauges", gauges);
        });
        AssertOnlyError(result, "nodes[3].gauges");
    }

    [Fact]
    public void A_sea_port_may_have_no_gauge() => AssertValid(Parse(d => Remove(d, "nodes[3].gauges")));

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("\"3\"")]
    public void Dangerous_goods_classes_are_1_to_9(string json) =>
        AssertOnlyError(Parse(d => Set(d, "nodes[2].dangerousGoodsClasses[0]", json)), "nodes[2].dangerousGoodsClasses[0]");

    [Fact]
    public void Handling_capacity_cannot_be_negative() =>
        AssertOnlyError(Parse(d => Set(d, "nodes[0].handlingCapacity.teuPerYear", "-1")), "nodes[0].handlingCapacity.teuPerYear");

    [Fact]
    public void Node_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, "nodes[2]", n => n["name"] = "Aktau second berth")), "nodes[4].id");

    [Theory]
    [InlineData("nodes[3].name", "\"aktau\"")]          // Aktau is nodes[2]'s name
    [InlineData("nodes[3].aliases[0]", "\"DOSTYK\"")]   // Dostyk is nodes[1]'s name
    [InlineData("nodes[3].aliases[1]", "\"xian\"")]     // Xian is nodes[0]'s alias
    public void A_name_or_alias_answers_for_one_node_only_ignoring_case(string path, string json)
    {
        var error = AssertOnlyError(Parse(d => Set(d, path, json)), path);
        Assert.Contains("no other node uses", error.Expected);
    }
}
