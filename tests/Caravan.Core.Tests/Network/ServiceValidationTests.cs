using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// The rules of the services section. In the example services[0] is the Xi'an–Dostyk block train (rail, timetable),
/// [1] the Aktau–Alat ferry (sail when full), [2] Dostyk–Aktau daily (rail, interval).
/// </summary>
public class ServiceValidationTests
{
    [Theory]
    [InlineData("[\"CNXAN\"]")]
    [InlineData("[]")]
    public void A_service_needs_two_stops(string json) =>
        AssertOnlyError(Parse(d => Set(d, "services[0].stops", json)), "services[0].stops");

    [Fact]
    public void Stops_must_be_known_nodes() =>
        AssertOnlyError(Parse(d => Set(d, "services[2].stops[1]", "\"KZXXX\"")), "services[2].stops[1]");

    [Fact]
    public void Unreachable_service_names_both_stops()
    {
        // A ferry from Aktau to Dostyk: the only links between them are rail.
        var error = AssertOnlyError(Parse(d => Set(d, "services[1].stops", """["KZAKT", "KZDOS"]""")), "services[1].stops[1]");
        Assert.Equal("\"KZDOS\"", error.Found);
        Assert.Contains("KZAKT", error.Expected);
        Assert.Contains("KZDOS", error.Expected);
    }

    [Fact]
    public void A_service_cannot_change_gauge_with_cargo_aboard()
    {
        // Xi'an → Dostyk is 1435 mm, Dostyk → Aktau 1520 mm: one vehicle cannot run both.
        var error = AssertOnlyError(Parse(d => Set(d, "services[0].stops", """["CNXAN", "KZDOS", "KZAKT"]""")), "services[0].stops[2]");
        Assert.Contains("1435 mm to 1520 mm at KZDOS", error.Expected);
    }

    [Fact]
    public void A_one_way_link_cannot_be_run_backwards() =>
        AssertOnlyError(Parse(d =>
        {
            Set(d, "links[2].bidirectional", "false");
            Set(d, "services[1].stops", """["AZALT", "KZAKT"]""");
        }), "services[1].stops[1]");

    [Fact]
    public void A_service_of_another_mode_finds_no_link_and_no_matching_vehicle_class() =>
        AssertErrors(Parse(d => Set(d, "services[2].mode", "\"road\"")), "services[2].stops[1]", "services[2].vehicleClass");

    [Theory]
    [InlineData("nodes[3].planned")]  // Alat, the ferry's second stop
    [InlineData("links[2].planned")]  // the ferry link
    public void An_existing_service_cannot_use_a_planned_node_or_link(string planned)
    {
        var error = AssertOnlyError(Parse(d => Set(d, planned, "true")), "services[1].planned");
        Assert.Equal("false", error.Found);
    }

    [Fact]
    public void A_planned_service_may_use_planned_nodes_and_links() =>
        AssertValid(Parse(d =>
        {
            Set(d, "nodes[3].planned", "true");
            Set(d, "links[2].planned", "true");
            Set(d, "services[1].planned", "true");
        }));

    [Theory]
    [InlineData("services[0].departures.days", "[]", "services[0].departures.days")]
    [InlineData("services[0].departures.times", "[]", "services[0].departures.times")]
    [InlineData("services[0].departures.days", "[\"Monday\"]", "services[0].departures.days[0]")]
    [InlineData("services[0].departures.days", "[\"mon\"]", "services[0].departures.days[0]")]
    [InlineData("services[0].departures.times", "[\"25:00\"]", "services[0].departures.times[0]")]
    [InlineData("services[0].departures.times", "[\"8h\"]", "services[0].departures.times[0]")]
    [InlineData("services[0].departures.type", "\"weekly\"", "services[0].departures.type")]
    [InlineData("services[2].departures.everyHours", "0", "services[2].departures.everyHours")]
    [InlineData("services[2].departures.everyHours", "-24", "services[2].departures.everyHours")]
    [InlineData("services[2].departures.firstDeparture", "\"2024-13-01T18:00\"", "services[2].departures.firstDeparture")]
    [InlineData("services[2].departures.firstDeparture", "\"2024-01-01\"", "services[2].departures.firstDeparture")]
    [InlineData("services[1].departures.maxWaitHours", "0", "services[1].departures.maxWaitHours")]
    [InlineData("services[1].departures.fillHours", "{\"dist\": \"fixed\", \"hours\": -5}", "services[1].departures.fillHours.hours")]
    [InlineData("services[2].capacityPerDeparture", "{}", "services[2].capacityPerDeparture")]
    [InlineData("services[2].capacityPerDeparture.wagons", "0", "services[2].capacityPerDeparture.wagons")]
    [InlineData("services[1].capacityPerDeparture.teu", "-112", "services[1].capacityPerDeparture.teu")]
    [InlineData("services[0].vehicleClass", "\"rail-electric\"", "services[0].vehicleClass")]
    [InlineData("services[0].vehicleClass", "\"ropax-10000-19999gt\"", "services[0].vehicleClass")]
    [InlineData("services[1].carrier", "\"BSC\"", "services[1].carrier")]
    [InlineData("services[2].cargoKinds", "[]", "services[2].cargoKinds")]
    [InlineData("services[2].cargoKinds", "[\"bulk\"]", "services[2].cargoKinds[0]")]
    [InlineData("services[2].dangerousGoodsClasses", "[12]", "services[2].dangerousGoodsClasses[0]")]
    [InlineData("services[1].loadFactor", "0", "services[1].loadFactor")]
    [InlineData("services[1].loadFactor", "1.2", "services[1].loadFactor")]
    [InlineData("services[1].emptyRunning", "2.5", "services[1].emptyRunning")]
    public void Service_fields_are_checked(string path, string json, string errorPath) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), errorPath);

    [Fact]
    public void A_vehicle_class_of_another_mode_says_which()
    {
        var error = AssertOnlyError(Parse(d => Set(d, "services[0].vehicleClass", "\"ropax-10000-19999gt\"")), "services[0].vehicleClass");
        Assert.Equal("a rail vehicle class (ropax-10000-19999gt is ferry)", error.Expected);
    }

    [Fact]
    public void Service_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, "services[2]")), "services[3].id");
}
