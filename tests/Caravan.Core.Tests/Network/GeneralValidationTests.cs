using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>Rules that hold for the whole file: version, syntax, types, required fields, unknown properties, sources.</summary>
public class GeneralValidationTests
{
    [Fact]
    public void The_example_file_is_valid() => AssertValid(NetworkLoader.Parse(Text, FileName));

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    public void Format_version_must_be_1(string json) =>
        AssertOnlyError(Parse(d => Set(d, "formatVersion", json)), "formatVersion");

    [Fact]
    public void Format_version_is_required()
    {
        var error = AssertOnlyError(Parse(d => Remove(d, "formatVersion")), "formatVersion");
        Assert.Null(error.Found);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    [InlineData("currencies")]
    [InlineData("nodes")]
    [InlineData("links")]
    [InlineData("services")]
    [InlineData("tariffs")]
    [InlineData("emissions")]
    [InlineData("nodes[0].id", "links[0].from", "services[0].stops[0]")]
    [InlineData("nodes[0].name")]
    [InlineData("nodes[0].country")]
    [InlineData("nodes[0].lat")]
    [InlineData("nodes[0].lon")]
    [InlineData("nodes[0].timeZone")]
    [InlineData("nodes[0].kind")]
    [InlineData("nodes[0].dwellHours")]
    [InlineData("links[0].mode")]
    [InlineData("links[0].distanceKm")]
    [InlineData("links[0].runningHours")]
    [InlineData("links[0].cargoKinds")]
    [InlineData("services[0].name")]
    [InlineData("services[0].operator")]
    [InlineData("services[0].carrier")]
    [InlineData("services[0].mode")]
    [InlineData("services[0].departures")]
    [InlineData("services[0].capacityPerDeparture")]
    [InlineData("services[0].vehicleClass")]
    [InlineData("transshipments[0].id")]
    [InlineData("transshipments[0].node")]
    [InlineData("transshipments[0].fromMode")]
    [InlineData("transshipments[0].hours")]
    [InlineData("transshipments[0].cost")]
    [InlineData("transshipments[0].cost.currency")]
    [InlineData("tariffs[0].currency")]
    [InlineData("tariffs[0].rules")]
    [InlineData("tariffs[0].rules[0].label")]
    [InlineData("tariffs[0].rules[0].amount")]
    [InlineData("currencies.quoteCurrency")]
    [InlineData("currencies.date")]
    [InlineData("currencies.ratesToQuote")]
    [InlineData("emissions.version")]
    [InlineData("emissions.vehicleClasses[0].loadFactor")]
    [InlineData("emissions.hubOperations[0].hubType")]
    public void A_missing_required_field_is_reported_where_it_belongs(string path, params string[] followOnErrors)
    {
        // Follow-on errors are references that can no longer resolve: a node without an id cannot be a link's end.
        var result = Parse(d => Remove(d, path));
        AssertErrors(result, [path, .. followOnErrors]);
        Assert.Null(result.Errors.Single(e => e.Path == path).Found);
    }

    [Theory]
    [InlineData("nodes[0].source")]
    [InlineData("links[0].source")]
    [InlineData("services[0].source")]
    [InlineData("transshipments[0].source")]
    [InlineData("tariffs[0].source")]
    [InlineData("currencies.source")]
    [InlineData("emissions.source")]
    [InlineData("emissions.vehicleClasses[0].source")]
    [InlineData("emissions.hubOperations[0].source")]
    public void Every_item_carries_a_source(string path)
    {
        AssertOnlyError(Parse(d => Remove(d, path)), path);
        AssertOnlyError(Parse(d => Set(d, path, "\"  \"")), path);
    }

    [Theory]
    [InlineData("name", "\"\"")]
    [InlineData("services[0].operator", "\"\"")]
    [InlineData("nodes[0].aliases[0]", "\"\"")]
    [InlineData("nodes[0].lat", "\"34.37\"")]
    [InlineData("links[0].distanceKm", "\"3100\"")]
    [InlineData("links[2].bidirectional", "\"yes\"")]
    [InlineData("nodes[1].planned", "1")]
    [InlineData("services[0].stops", "\"CNXAN KZDOS\"")]
    [InlineData("nodes[0].handlingCapacity", "500000")]
    [InlineData("tariffs[0].rules[0].amount", "\"0.12\"")]
    [InlineData("nodes[0].kind", "\"railterminal\"")]
    [InlineData("links[0].mode", "\"train\"")]
    public void Empty_strings_and_wrong_json_types_are_errors(string path, string json) =>
        // An unreadable link mode is not repeated as "no rail link" for the service running on that link.
        AssertOnlyError(Parse(d => Set(d, path, json)), path);

    [Fact]
    public void An_unknown_property_is_a_typo_and_names_the_allowed_ones()
    {
        var error = AssertOnlyError(Parse(d => Set(d, "nodes[0].nmae", "\"Xi'an\"")), "nodes[0].nmae");
        Assert.StartsWith("one of: id, name, aliases, country", error.Expected);
        Assert.Equal("\"nmae\"", error.Found);
    }

    [Theory]
    [InlineData("nodez")]
    [InlineData("links[1].distance")]
    [InlineData("services[1].departures.maxWait")]
    [InlineData("nodes[0].dwellHours.median")]
    [InlineData("currencies.rates")]
    [InlineData("emissions.vehicleClasses[0].co2e")]
    [InlineData("tariffs[0].rules[0].unit")]
    [InlineData("tariffs[0].volumeDiscounts[0].units")]
    [InlineData("transshipments[0].cost.perContainer")]
    [InlineData("services[0].capacityPerDeparture.containers")]
    [InlineData("links[0].capacity.teu")]
    public void Unknown_properties_are_errors_at_every_level(string path) =>
        AssertOnlyError(Parse(d => Set(d, path, "1")), path);

    [Fact]
    public void A_property_written_twice_in_one_object_is_an_error()
    {
        string json = Text.Replace("\"id\": \"CNXAN\",", "\"id\": \"CNXAN\", \"id\": \"CNXAN\",");
        var result = NetworkLoader.Parse(json, FileName);
        Assert.Null(result.Network);
        Assert.Equal("nodes[0].id", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_syntax_error_gives_one_error_with_line_and_byte()
    {
        // Line 3 is `  "name" "x",`: the reader expects ':' after the property name and meets '"' at byte index 9
        // (2 spaces + 6 characters of "name" + 1 space = 9), reported 1-based as byte 10.
        string json = "{\n  \"formatVersion\": 1,\n  \"name\" \"x\",\n}";
        var result = NetworkLoader.Parse(json, FileName);
        Assert.Null(result.Network);
        var error = Assert.Single(result.Errors);
        Assert.Equal("line 3, byte 10", error.Path);
        Assert.Equal("valid JSON", error.Expected);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_a_hand_edited_file()
    {
        string json = Text.Replace("\"formatVersion\": 1,", "// edited by hand\n  \"formatVersion\": 1,")
                          .Replace("\"KZT\": 0.0019 }", "\"KZT\": 0.0019, }");
        AssertValid(NetworkLoader.Parse(json, FileName));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    public void The_root_must_be_an_object(string json)
    {
        var result = NetworkLoader.Parse(json, FileName);
        Assert.Null(result.Network);
        Assert.Equal("", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Several_errors_in_several_sections_are_all_reported_in_one_pass()
    {
        var result = Parse(d =>
        {
            Set(d, "formatVersion", "2");
            Set(d, "links[0].distanceKm", "-5");
            Set(d, "nodes[2].lat", "95");
            Set(d, "services[1].departures.maxWaitHours", "0");
            Set(d, "tariffs[1].currency", "\"GBP\"");
            Set(d, "emissions.vehicleClasses[1].loadFactor", "1.5");
        });
        AssertErrors(result, "formatVersion", "links[0].distanceKm", "nodes[2].lat", "services[1].departures.maxWaitHours",
            "tariffs[1].currency", "emissions.vehicleClasses[1].loadFactor");
    }

    [Fact]
    public void An_error_shows_the_file_path_value_found_and_expectation()
    {
        var error = AssertOnlyError(Parse(d => Set(d, "links[0].distanceKm", "-5")), "links[0].distanceKm");
        Assert.Equal("-5", error.Found);
        Assert.Equal("tiny.json: links[0].distanceKm: found -5, expected a distance in km > 0 and ≤ 25000", error.ToString());
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_error()
    {
        string longName = new('x', 100);
        var error = AssertOnlyError(Parse(d => Set(d, "nodes[0].country", $"\"{longName}\"")), "nodes[0].country");
        // 60 characters at most: 59 of the value's text (a quote and 58 x) and an ellipsis.
        Assert.Equal("\"" + new string('x', 58) + "…", error.Found);
    }

    [Fact]
    public void Error_text_follows_the_documented_shape()
    {
        Assert.Equal("corridor.json: links[12].distanceKm: found -5, expected a distance in km > 0",
            new NetworkError("corridor.json", "links[12].distanceKm", "-5", "a distance in km > 0").ToString());
        Assert.Equal("corridor.json: nodes[0].id: missing, expected a non-empty string",
            new NetworkError("corridor.json", "nodes[0].id", null, "a non-empty string").ToString());
    }
}
