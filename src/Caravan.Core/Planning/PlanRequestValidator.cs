using Caravan.Network;

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

        var cargo = request.Cargo;
        switch (cargo.Kind)
        {
            case CargoKind.Container:
                if (cargo.Containers20 < 0 || cargo.Containers40 < 0 || cargo.ContainerCount == 0)
                    throw new PlanRequestException("cargo.containers", $"{cargo.Containers20}x20ft,{cargo.Containers40}x40ft", "at least one container and no negative counts");
                if (cargo.ContainerCount > 100_000)
                    throw new PlanRequestException("cargo.containers", cargo.ContainerCount.ToString(), "at most 100,000 containers in one shipment");
                break;
            case CargoKind.Wagon:
                if (cargo.WagonCount is < 1 or > 100_000)
                    throw new PlanRequestException("cargo.wagons", cargo.WagonCount.ToString(), "from 1 to 100,000 wagons");
                break;
            default:
                if (!(cargo.Tonnes > 0) || cargo.Tonnes > 10_000_000)
                    throw new PlanRequestException("cargo.tonnes", cargo.Tonnes.ToString(), "a positive mass up to 10,000,000 t");
                break;
        }
        if (cargo.Tonnes < 0 || double.IsNaN(cargo.Tonnes))
            throw new PlanRequestException("cargo.tonnes", cargo.Tonnes.ToString(), "a mass ≥ 0 t");
        if (cargo.DangerousGoodsClass is { } dg && dg is < 1 or > 9)
            throw new PlanRequestException("cargo.dangerousGoodsClass", dg.ToString(), "a UN class from 1 to 9");
        foreach (var node in request.Constraints.AvoidNodes)
            if (!network.NodesById.ContainsKey(node))
                throw new PlanRequestException("constraints.avoidNodes", node, "node ids of the network");
    }
}
