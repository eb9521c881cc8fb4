using System.Net;
using System.Text.Json;
using Caravan.Cli;
using Caravan.Server.Tests.Support;
using NodaTime;

namespace Caravan.Server.Tests;

public sealed class PlanEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    private const string PlanBody = """
        {"from": "Xi'an", "to": "KZAKT", "cargo": {"containers40": 2}, "readyTime": "2026-11-30T00:00:00Z", "samples": 64, "seed": 7}
        """;

    [Fact]
    public async Task Plan_answers_exactly_what_caravan_plan_json_writes_for_the_same_question()
    {
        var api = await (await Host.ShipperA.Client.PostJson("/plan", PlanBody)).Json(HttpStatusCode.OK);
        var cli = RunCli("plan", "--from", "Xi'an", "--to", "KZAKT", "--containers", "2x40ft", "--ready", "2026-11-30T00:00Z",
            "--samples", "64", "--seed", "7", "--network", TestPaths.TinyNetwork, "--json");

        Assert.True(api.GetProperty("itineraries").GetArrayLength() > 0);
        Assert.Equal(JsonSerializer.Serialize(cli), JsonSerializer.Serialize(api));
    }

    [Fact]
    public async Task Quote_answers_exactly_what_caravan_quote_json_writes_and_prices_by_hand()
    {
        var api = await (await Host.ShipperB.Client.PostJson("/quote",
            """{"from": "CNXAN", "to": "KZDOS", "cargo": {"containers40": 2}, "readyTime": "2026-11-30T00:00:00Z"}""")).Json(HttpStatusCode.OK);
        var cli = RunCli("quote", "--from", "CNXAN", "--to", "KZDOS", "--containers", "2x40ft", "--ready", "2026-11-30T00:00Z",
            "--network", TestPaths.TinyNetwork, "--json");

        // One train, 3,100 km at 0.24 USD per 40 ft-km: 2 × 0.24 × 3100 = 1,488.00 USD; no discount below 10 containers.
        Assert.Equal(1488.00m, api.GetProperty("total").GetDecimal());
        Assert.Equal(JsonSerializer.Serialize(cli), JsonSerializer.Serialize(api));
    }

    [Fact]
    public async Task Quote_of_a_route_nothing_serves_is_a_problem_not_an_empty_price()
    {
        // Nothing runs from Alat (AZALT) back to Xi'an in the tiny network.
        var problem = await (await Host.ShipperA.Client.PostJson("/quote",
            """{"from": "AZALT", "to": "CNXAN", "cargo": {"containers40": 1}, "readyTime": "2026-11-30T00:00:00Z"}""")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No itinerary", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"from": "Atlantis", "to": "KZAKT", "cargo": {"containers40": 2}}""", "from")]
    [InlineData("""{"from": "CNXAN", "cargo": {"containers40": 2}}""", "to")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT"}""", "cargo")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": -2}}""", "cargo.containers40")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 0}}""", "cargo.containers")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 5000000}}""", "cargo.containers40")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"kind": "dryBulk"}}""", "cargo.tonnes")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"kind": "gas", "tonnes": 5}}""", "cargo.kind")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2, "dangerousGoodsClass": 12}}""", "cargo.dangerousGoodsClass")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "readyTime": "soon"}""", "readyTime")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "readyTime": "2026-12-10", "deadline": "2026-12-01"}""", "deadline")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "constraints": {"avoidModes": ["teleport"]}}""", "constraints.avoidModes[0]")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "constraints": {"avoidNodes": ["Nowhere"]}}""", "constraints.avoidNodes[0]")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "constraints": {"avoidCountries": ["RU", "XX"]}}""", "constraints.avoidCountries[1]")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "samples": 1}""", "samples")]
    // The document types the seed as int64 so that generated clients can hold it; 2^63 is one more than they can.
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "seed": 9223372036854775808}""", "seed")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "seed": -1}""", "seed")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}, "colour": "red"}""", "colour")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2, "containers45": 1}}""", "cargo.containers45")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": "two"}}""", "cargo.containers40")]
    [InlineData("""{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 2}""", "body")]
    [InlineData("""[1, 2]""", "body")]
    public async Task A_bad_plan_request_is_a_problem_naming_the_field(string body, string field)
    {
        await (await Host.ShipperA.Client.PostJson("/plan", body)).Problem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Quote_option_out_of_range_names_option()
    {
        await (await Host.ShipperA.Client.PostJson("/quote",
            """{"from": "CNXAN", "to": "KZDOS", "cargo": {"containers40": 2}, "readyTime": "2026-11-30T00:00:00Z", "option": 9}""")).Problem(HttpStatusCode.BadRequest, "option");
    }

    /// <summary>Runs the CLI in-process, as its own tests do, and parses its one JSON document.</summary>
    private static JsonElement RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, CliContext.ForWriters(output, error, new FixedClock(FixedClock.Default)));
        Assert.True(code == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
