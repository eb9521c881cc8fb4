using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// The rules of the links section. In the example links[0] is XAN-DOS (rail 1435), [1] DOS-AKT (rail 1520),
/// [2] AKT-ALT (ferry). Service [0] runs links 0 and 1, service [1] link 2, service [2] link 1.
/// </summary>
public class LinkValidationTests
{
    [Theory]
    [InlineData("links[0].from", "services[0].stops[1]")]
    [InlineData("links[0].to", "services[0].stops[1]")]
    public void Link_ends_must_be_known_nodes(string path, string followOn) =>
        // The service over XAN-DOS then has no link between its first two stops.
        AssertErrors(Parse(d => Set(d, path, "\"CNXXX\"")), path, followOn);

    [Fact]
    public void A_link_cannot_end_where_it_starts() =>
        AssertErrors(Parse(d => Set(d, "links[0].to", "\"CNXAN\"")), "links[0].to", "services[0].stops[1]");

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("25000.5")]
    [InlineData("\"3100\"")]
    [InlineData("null")]
    public void Distance_must_be_positive_and_at_most_25000_km(string json) =>
        AssertOnlyError(Parse(d => Set(d, "links[0].distanceKm", json)), "links[0].distanceKm");

    [Fact]
    public void A_distance_of_exactly_25000_km_is_allowed() => AssertValid(Parse(d => Set(d, "links[0].distanceKm", "25000")));

    [Fact]
    public void A_rail_link_needs_a_gauge() =>
        AssertOnlyError(Parse(d => Remove(d, "links[0].gauge")), "links[0].gauge");

    [Fact]
    public void A_ferry_link_has_no_gauge() =>
        AssertOnlyError(Parse(d => Set(d, "links[2].gauge", "1520")), "links[2].gauge");

    [Fact]
    public void A_rail_gauge_must_be_a_real_one() =>
        AssertOnlyError(Parse(d => Set(d, "links[0].gauge", "1436")), "links[0].gauge");

    [Fact]
    public void Impossible_gauge_is_reported_with_both_ends()
    {
        // DOS-AKT laid in 1435 mm: Dostyk has 1435 but Aktau only 1520, so no wagon could run it.
        var error = AssertOnlyError(Parse(d => Set(d, "links[1].gauge", "1435")), "links[1].gauge");
        Assert.Equal("1435", error.Found);
        Assert.Equal("a gauge present at both KZDOS (1435, 1520) and KZAKT (1520)", error.Expected);
    }

    [Theory]
    [InlineData("[]", "links[0].cargoKinds")]
    [InlineData("[\"containers\"]", "links[0].cargoKinds[0]")]
    public void Cargo_kinds_must_be_a_non_empty_list_of_known_kinds(string json, string path) =>
        AssertOnlyError(Parse(d => Set(d, "links[0].cargoKinds", json)), path);

    [Theory]
    [InlineData("[0]")]
    [InlineData("[10]")]
    [InlineData("[2.5]")]
    public void Dangerous_goods_classes_are_1_to_9(string json) =>
        AssertOnlyError(Parse(d => Set(d, "links[0].dangerousGoodsClasses", json)), "links[0].dangerousGoodsClasses[0]");

    [Fact]
    public void An_invalid_running_time_is_reported_inside_the_distribution() =>
        AssertOnlyError(Parse(d => Set(d, "links[0].runningHours.mode", "70")), "links[0].runningHours.mode");

    [Fact]
    public void Link_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, "links[1]")), "links[3].id");
}
