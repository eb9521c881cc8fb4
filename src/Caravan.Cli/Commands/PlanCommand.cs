using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Contracts;

namespace Caravan.Cli.Commands;

/// <summary>`caravan plan`: the Pareto set of itineraries over time, cost, CO2e (and on-time chance with a deadline).</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var shipment = new ShipmentOptions();
        var details = new Option<bool>("--details") { Description = "Also list each itinerary's legs." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (docs/cli-json.md) instead of tables." };

        var command = new Command("plan", "Find the best itineraries from one node to another: fastest, cheapest, lowest CO2e and the trade-offs between.");
        shipment.AddTo(command);
        command.Options.Add(details);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var (network, result) = PlanExecution.Run(shipment, parse, context);
            if (parse.GetValue(json))
                JsonOutput.Write(context.Out, PlanJson.Of(result, network));
            else if (result.Itineraries.Count > 0)
                PlanRendering.Write(context, result, network, parse.GetValue(details));

            if (result.Itineraries.Count > 0) return ExitCodes.Ok;
            context.Error.WriteLine($"error: {PlanExecution.NoItinerary(result, network)}");
            return ExitCodes.Failure;
        });
        return command;
    }
}
