using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Contracts;
using Caravan.Cli.Rendering.Sheets;

namespace Caravan.Cli.Commands;

/// <summary>`caravan plan`: the Pareto set of itineraries over time, cost, CO2e (and on-time chance with a deadline).</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var shipment = new ShipmentOptions();
        var details = new Option<bool>("--details") { Description = "Also list each itinerary's legs." };
        var output = new OutputOptions("one row per itinerary, or with --details per leg");

        var command = new Command("plan", "Find the best itineraries from one node to another: fastest, cheapest, lowest CO2e and the trade-offs between.");
        shipment.AddTo(command);
        command.Options.Add(details);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var format = output.Read(parse, context);
            var (network, result) = PlanExecution.Run(shipment, parse, context);
            bool found = result.Itineraries.Count > 0;
            // JSON answers even when nothing was found (an empty list); the other formats have nothing to show then.
            if (format == OutputFormat.Json)
                JsonOutput.Write(context.Out, PlanJson.Of(result, network));
            else if (found && format == OutputFormat.Tsv)
                PlanRendering.WriteTsv(context.Out, result, network, parse.GetValue(details));
            else if (found)
                PlanRendering.Write(new Page(context, format), result, network, parse.GetValue(details));

            if (result.Itineraries.Count > 0) return ExitCodes.Ok;
            context.Error.WriteLine($"error: {PlanExecution.NoItinerary(result, network)}");
            return ExitCodes.Failure;
        });
        return command;
    }
}
