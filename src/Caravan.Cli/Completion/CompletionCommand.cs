using System.CommandLine;

namespace Caravan.Cli.Completion;

/// <summary>
/// `caravan completion bash|zsh|powershell`: prints a script that asks caravan itself for completions (through the
/// [suggest] directive), so commands, options, node ids and scenario names complete with Tab. Install, e.g. for
/// bash: `caravan completion bash >> ~/.bashrc`.
/// </summary>
internal static class CompletionCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            _caravan_complete() {
              local IFS=$'\n' cur="${COMP_WORDS[COMP_CWORD]}"
              COMPREPLY=( $(compgen -W "$(caravan "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "$cur") )
            }
            complete -o default -F _caravan_complete caravan
            """,
        ["zsh"] = """
            _caravan_complete() {
              local -a words
              words=( ${(f)"$(caravan "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)"} )
              compadd -- $words
            }
            compdef _caravan_complete caravan
            """,
        ["powershell"] = """
            Register-ArgumentCompleter -Native -CommandName caravan -ScriptBlock {
              param($wordToComplete, $commandAst, $cursorPosition)
              caravan "[suggest:$cursorPosition]" "$commandAst" 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
              }
            }
            """,
    };

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or powershell." };
        shell.CompletionSources.Add([.. Scripts.Keys]);
        var command = new Command("completion", "Print a shell script that completes caravan's commands, options, nodes and scenarios with Tab.") { shell };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(shell)!;
            if (!Scripts.TryGetValue(name, out var script))
                throw new CliUsageException("SHELL", name, "bash, zsh or powershell");
            context.Out.WriteLine(script);
            return ExitCodes.Ok;
        });
        return command;
    }
}
