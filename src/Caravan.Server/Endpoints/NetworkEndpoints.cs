using Caravan.Network;
using Caravan.Contracts;
using Caravan.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Server.Endpoints;

/// <summary>GET /network, /network/nodes, /network/services: the network the service plans on, as `caravan network show --json` describes it.</summary>
internal static class NetworkEndpoints
{
    public static void MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/network").WithTags("Network").ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/", GetSummary).WithName("getNetwork")
            .WithSummary("The network: name, version, counts, exchange rates")
            .WithDescription("What the planner works on. The lists are at /network/nodes and /network/services.");
        group.MapGet("/nodes", GetNodes).WithName("listNodes")
            .WithSummary("Every node: terminals, ports, border crossings")
            .WithDescription("Ids (UN/LOCODE where one exists), names and aliases are what `from`, `to` and leg stops accept.");
        group.MapGet("/services", GetServices).WithName("listServices")
            .WithSummary("Every service: stops, departure pattern, capacity per departure")
            .WithDescription("Service ids are what booking legs and GET /departures take.");
    }

    internal static Ok<NetworkSummaryJson> GetSummary(NetworkModel network) => TypedResults.Ok(NetworkSummaryJson.Of(network));

    internal static Ok<IReadOnlyList<NetworkNodeJson>> GetNodes(NetworkModel network) => TypedResults.Ok(NetworkJson.Of(network).Nodes);

    internal static Ok<IReadOnlyList<NetworkServiceJson>> GetServices(NetworkModel network) => TypedResults.Ok(NetworkJson.Of(network).Services);
}
