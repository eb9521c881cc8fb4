using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Network;
using Caravan.Planning;

namespace Caravan.Cli.Commands;

/// <summary>What `plan` and `quote` both do: read the request, load the network, run the planner.</summary>
internal static class PlanExecution
{
    public static (NetworkModel Network, PlanResult Result) Run(ShipmentOptions options, ParseResult parse, CliContext context)
    {
        var (network, request) = options.Read(parse, context.Clock);
        return (network, new Planner(network).Plan(request));
    }

    /// <summary>The one line `plan` and `quote` print when nothing can carry the cargo.</summary>
    public static string NoItinerary(PlanResult result, NetworkModel network)
    {
        var r = result.Request;
        bool constrained = r.Constraints.AvoidCountries.Count + r.Constraints.AvoidNodes.Count + r.Constraints.AvoidModes.Count > 0;
        return $"no itinerary carries {r.Cargo} from {network.GetNode(r.From).Name} ({r.From}) to {network.GetNode(r.To).Name} ({r.To})" +
               (constrained ? " with these --avoid-… options" : "") +
               (r.Constraints.IncludePlanned ? "" : "; --include-planned also tries planned routes");
    }
}
