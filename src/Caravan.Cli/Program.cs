using System.CommandLine;
using Caravan.Cli.Commands;

namespace Caravan.Cli;

/// <summary>The `caravan` command: builds the command tree and hands it to <see cref="CliHost"/>.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, CliContext.FromSystem());

    /// <summary>The whole program with its console and clock injected: tests run the CLI in-process through this.</summary>
    public static int Run(string[] args, CliContext context) => CliHost.Invoke(BuildRootCommand(context), args, context);

    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Caravan: plan, price and check freight on the Trans-Caspian (Middle) Corridor.");
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(QuoteCommand.Create(context));
        root.Subcommands.Add(NetworkCommands.Create(context));
        root.Subcommands.Add(Simulation.SimulateCommand.Create(context));
        root.Subcommands.Add(Calibration.CalibrateCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(Completion.CompletionCommand.Create(context));
        root.Subcommands.Add(HelpCommand());
        // "-v" as well as "--version", as most command-line tools accept.
        root.Options.OfType<VersionOption>().Single().Aliases.Add("-v");
        // Further command groups register here, one line each, built in Commands/.
        return root;
    }

    /// <summary>
    /// Listed so that "caravan --help" shows it; <see cref="CliHost"/> turns "caravan help [COMMAND…]" into
    /// "caravan [COMMAND…] --help" before parsing, so this action only runs if that rewrite is bypassed.
    /// </summary>
    private static Command HelpCommand()
    {
        var words = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore, Description = "The command to explain, e.g. 'plan' or 'simulate compare'." };
        var help = new Command("help", "Show help for Caravan or for one of its commands.") { words };
        help.SetAction(_ => ExitCodes.Usage);
        return help;
    }
}
