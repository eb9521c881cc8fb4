using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Caravan.Planning;

namespace Caravan.Cli;

/// <summary>
/// Runs a parsed command line and turns every way it can go wrong into one line on standard error and an exit
/// code (<see cref="ExitCodes"/>). This is the only place that catches: commands throw, nothing prints a stack trace.
/// </summary>
internal static class CliHost
{
    public static int Invoke(RootCommand root, string[] args, CliContext context)
    {
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Exceptions come to the catch below rather than to System.CommandLine's handler, which prints the stack.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            var parse = root.Parse(HelpAsOption(args));
            if (parse.Action is ParseErrorAction) return ReportParseErrors(root, parse, invocation, context);
            return parse.Invoke(invocation);
        }
        catch (CliUsageException e) { return Fail(context, e.Message, ExitCodes.Usage); }
        catch (PlanRequestException e)
        {
            string field = OptionForField.GetValueOrDefault(e.Field, e.Field);
            string value = e.Value is null ? "nothing" : $"'{e.Value}'";
            return Fail(context, $"{field}: found {value}, expected {e.Expected}", ExitCodes.Usage);
        }
        catch (CliFailureException e) { return Fail(context, e.Message, ExitCodes.Failure); }
        catch (IOException e)
        {
            // The machine, not Caravan: a full disk, a closed pipe, a file another program holds.
            return Fail(context, $"cannot write the output: {FirstLine(e.Message)} (is the disk full, or the output closed?)", ExitCodes.Failure);
        }
        catch (Exception e)
        {
            // A bug, not a user error: say what happened in one line; the stack trace helps nobody at a shipper's desk.
            return Fail(context, $"{FirstLine(e.Message)} ({e.GetType().Name}; this is a bug in Caravan, please report it)", ExitCodes.Failure);
        }
    }

    /// <summary>
    /// System.CommandLine's own errors ("Option '--from' is required.") on one line, instead of its default of the
    /// errors followed by the whole help text. A command group typed alone ("caravan network") shows its help.
    /// </summary>
    private static int ReportParseErrors(RootCommand root, ParseResult parse, InvocationConfiguration invocation, CliContext context)
    {
        var command = parse.CommandResult.Command;
        string path = CommandPath(parse.CommandResult);
        bool groupWithoutSubcommand = command.Action is null && command.Subcommands.Count > 0 && parse.Tokens.Count == path.Split(' ').Length - 1;
        if (groupWithoutSubcommand)
        {
            root.Parse([.. path.Split(' ').Skip(1), "--help"]).Invoke(invocation);
            return ExitCodes.Usage;
        }
        // An unknown word is usually the cause of everything else (every word after it is unknown too, and the
        // command it misspells is "not provided"), so it comes first; then the first of the remaining errors.
        string first = parse.UnmatchedTokens.Count > 0
            ? $"unknown command or option '{parse.UnmatchedTokens[0]}'.{DidYouMean(parse.UnmatchedTokens[0], command)}"
            : FirstLine(parse.Errors[0].Message);
        string more = parse.Errors.Count > 1 ? $" (and {parse.Errors.Count - 1} more)" : "";
        return Fail(context, $"{first}{more} See '{path} --help'.", ExitCodes.Usage);
    }

    /// <summary>
    /// "caravan help" and "caravan help plan" as other command-line tools have them (git, dotnet): the same as
    /// "caravan --help" and "caravan plan --help".
    /// </summary>
    private static string[] HelpAsOption(string[] args) =>
        args is ["help", .. var words] ? [.. words, "--help"] : args;

    /// <summary>" Did you mean 'plan'?" for a mistyped subcommand or option of the command being parsed, or nothing.</summary>
    private static string DidYouMean(string token, Command command)
    {
        var names = token.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        var closest = Spelling.EditDistance.Closest(token, names);
        return closest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", closest.Select(n => $"'{n}'"))}?";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "caravan" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>
    /// The command-line option behind each field the planner names in a <see cref="PlanRequestException"/>, so that
    /// the user reads "--to", which they typed, rather than "to" of the request.
    /// </summary>
    private static readonly Dictionary<string, string> OptionForField = new(StringComparer.Ordinal)
    {
        ["from"] = "--from",
        ["to"] = "--to",
        ["deadline"] = "--deadline",
        ["samples"] = "--samples",
        ["cargo.containers"] = "--containers",
        ["cargo.wagons"] = "--wagons",
        ["cargo.tonnes"] = "--tonnes/--weight",
        ["cargo.dangerousGoodsClass"] = "--dg",
        ["constraints.avoidNodes"] = "--avoid-node",
        ["constraints.avoidCountries"] = "--avoid-country",
        ["constraints.avoidModes"] = "--avoid-mode",
    };

    private static int Fail(CliContext context, string message, int exitCode)
    {
        context.Error.WriteLine($"error: {message}");
        return exitCode;
    }

    private static string FirstLine(string message) =>
        message.Split('\n', 2)[0].TrimEnd('\r');
}
