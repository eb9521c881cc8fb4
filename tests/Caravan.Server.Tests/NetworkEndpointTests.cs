using System.Net;
using Caravan.Server.Tests.Support;

namespace Caravan.Server.Tests;

public sealed class NetworkEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task The_summary_counts_what_the_tiny_network_file_holds()
    {
        var network = await (await Host.ShipperA.Client.GetAsync("/network")).Json(HttpStatusCode.OK);
        Assert.Equal("tiny-example", network.GetProperty("name").GetString());
        // docs/examples/tiny-network.json: 4 nodes, 3 links, 3 services, 2 transshipments, 2 tariffs, countries CN, KZ, AZ.
        var counts = network.GetProperty("counts");
        Assert.Equal(4, counts.GetProperty("nodes").GetInt32());
        Assert.Equal(3, counts.GetProperty("links").GetInt32());
        Assert.Equal(3, counts.GetProperty("services").GetInt32());
        Assert.Equal(2, counts.GetProperty("transshipments").GetInt32());
        Assert.Equal(3, counts.GetProperty("countries").GetInt32());
        Assert.Equal("USD", network.GetProperty("exchangeRates").GetProperty("quoteCurrency").GetString());
    }

    [Fact]
    public async Task Nodes_and_services_are_listed_with_ids_stops_and_capacity()
    {
        var nodes = await (await Host.ShipperA.Client.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);
        Assert.Equal(["CNXAN", "KZDOS", "KZAKT", "AZALT"], nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()));

        var services = await (await Host.OperatorAsco.Client.GetAsync("/network/services")).Json(HttpStatusCode.OK);
        var block = services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "XAN-DOS-BLOCK");
        Assert.Equal("Mon,Thu 08:00", block.GetProperty("departures").GetString());
        Assert.Equal(110, block.GetProperty("capacityPerDeparture").GetProperty("teu").GetDouble());
        Assert.Equal(["CNXAN", "KZDOS"], block.GetProperty("stops").EnumerateArray().Select(s => s.GetString()));
    }
}
