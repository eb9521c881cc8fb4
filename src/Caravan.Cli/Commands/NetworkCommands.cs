using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Json;
using Caravan.Files;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Network;
using Caravan.Contracts;

namespace Caravan.Cli.Commands;

/// <summary>`caravan network show` and `caravan network check FILE`.</summary>
internal static class NetworkCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("network", "Inspect and validate corridor network files.");
        group.Subcommands.Add(CreateShow(context));
        group.Subcommands.Add(CreateCheck(context));
        return group;
    }

    private static Command CreateShow(CliContext context)
    {
        var network = NetworkOption.Create();
        var output = new OutputOptions("one row per node");
        var command = new Command("show", "Summarize a network: counts, nodes and services (the embedded default unless --network is given).");
        command.Options.Add(network);
        output.AddTo(command);
        command.SetAction(parse =>
        {
            var format = output.Read(parse, context);
            var model = NetworkOption.Load(parse.GetValue(network));
            if (format == OutputFormat.Json) JsonOutput.Write(context.Out, NetworkJson.Of(model));
            else if (format == OutputFormat.Tsv) NetworkRendering.WriteTsv(context.Out, model);
            else NetworkRendering.Write(new Page(context, format), model);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateCheck(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The network file (JSON) to load and validate." };
        var command = new Command("check", "Load and validate a network file; list every error with where it is, what was found and what was expected.");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            InputFile.RequireReadable("network check", path);
            NetworkLoadResult result;
            try
            {
                result = NetworkFiles.TryLoad(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailureException($"network check: cannot read '{path}': {e.Message}");
            }

            if (result.Network is { } n && result.Errors.Count == 0)
            {
                context.Out.WriteLine($"OK: {path}: {n.Name} {n.Version}, {n.Nodes.Count} nodes, {n.Links.Count} links, {n.Services.Count} services, " +
                                      $"{n.Transshipments.Count} transshipments, {n.Tariffs.Count} tariffs.");
                return ExitCodes.Ok;
            }

            // The findings are the command's output, one per line on standard output (greppable); the verdict is
            // the usual one error line on standard error.
            foreach (var error in result.Errors) context.Out.WriteLine(error.ToString());
            int count = Math.Max(1, result.Errors.Count);
            context.Error.WriteLine($"error: {path}: {count} error{(count == 1 ? "" : "s")}; the network was not loaded.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
