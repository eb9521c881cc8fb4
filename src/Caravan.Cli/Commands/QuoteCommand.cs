using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Contracts;
using Caravan.Cli.Rendering.Sheets;

namespace Caravan.Cli.Commands;

/// <summary>`caravan quote`: the through price of one itinerary with its breakdown per leg, carrier and category.</summary>
internal static class QuoteCommand
{
    public static Command Create(CliContext context)
    {
        var shipment = new ShipmentOptions();
        var option = new Option<string?>("--option")
        {
            Description = "Which itinerary to price, numbered as `caravan plan` lists them. Default: the cheapest.",
            HelpName = "N",
        };
        var output = new OutputOptions("one row per charge line");

        var command = new Command("quote", "Price one itinerary: a through price in the quote currency, with every charge and its original currency.");
        shipment.AddTo(command);
        command.Options.Add(option);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            // Read before planning so that a bad number fails fast.
            var format = output.Read(parse, context);
            int? chosen = parse.GetValue(option) is { } text ? Numbers.PositiveInt("--option", text) : null;
            var (network, result) = PlanExecution.Run(shipment, parse, context);
            if (result.Itineraries.Count == 0)
            {
                context.Error.WriteLine($"error: {PlanExecution.NoItinerary(result, network)}");
                return ExitCodes.Failure;
            }

            var quote = QuoteChoice.For(result, chosen);
            if (format == OutputFormat.Json)
                JsonOutput.Write(context.Out, QuoteJson.Of(quote, result, network));
            else if (format == OutputFormat.Tsv)
                QuoteRendering.WriteTsv(context.Out, quote, result);
            else
                QuoteRendering.Write(new Page(context, format), quote, result, network);
            return ExitCodes.Ok;
        });
        return command;
    }
}
