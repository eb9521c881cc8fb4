using Caravan.Network;
using Caravan.Shipments;
using Caravan.Planning.Requests;

namespace Caravan.Planning;

/// <summary>Checks a request against the network before any search, so every refusal names its field.</summary>
internal static class PlanRequestValidator
{
    public static void Validate(PlanRequest request, NetworkModel network)
    {
        if (!network.NodesById.ContainsKey(request.From))
            throw new PlanRequestException("from", request.From, "a node id of the network");
        if (!network.NodesById.ContainsKey(request.To))
            throw new PlanRequestException("to", request.To, "a node id of the network");
        if (request.From == request.To)
            throw new PlanRequestException("to", request.To, "a destination different from the origin");
        if (request.Deadline is { } deadline && deadline <= request.ReadyTime)
            throw new PlanRequestException("deadline", deadline.ToString(), $"a time after the ready time {request.ReadyTime}");
        if (request.Samples is < 16 or > 4096)
            throw new PlanRequestException("samples", request.Samples.ToString(), "a number of draws from 16 to 4096");
        if (request.MaxRides is < 1 or > 30)
            throw new PlanRequestException("maxRides", request.MaxRides.ToString(), "a number of rides from 1 to 30");

        // The rules the CLI and the API apply too (CargoRules); a request built in code meets them here.
        if (CargoRules.Check(request.Cargo) is [var problem, ..])
            throw new PlanRequestException("cargo." + problem.Field, problem.Found, problem.Expected);
        foreach (var node in request.Constraints.AvoidNodes)
            if (!network.NodesById.ContainsKey(node))
                throw new PlanRequestException("constraints.avoidNodes", node, "node ids of the network");
    }
}
