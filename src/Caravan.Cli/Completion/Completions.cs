using System.CommandLine;
using System.CommandLine.Completions;
using Caravan.Network;

namespace Caravan.Cli.Completion;

/// <summary>
/// What the shell offers after an option or argument (System.CommandLine's [suggest] directive answers the shell
/// script of `caravan completion`): node ids and one-word names of the default network, scenario names.
/// </summary>
internal static class Completions
{
    public static void AddNodes(Option option) => option.CompletionSources.Add(context => Matching(NodeWords(), context));

    public static void AddScenarios(Argument argument) =>
        argument.CompletionSources.Add(context => Matching(Caravan.Simulation.Corridor.ScenarioLoader.BuiltInNames, context));

    private static IEnumerable<string> NodeWords()
    {
        var nodes = NetworkLoader.LoadDefault().Nodes;
        return nodes.Select(n => n.Id).Concat(nodes.Select(n => n.Name).Where(name => !name.Contains(' ') && !name.Contains('\'')));
    }

    private static IEnumerable<CompletionItem> Matching(IEnumerable<string> words, CompletionContext context) =>
        words.Where(w => w.StartsWith(context.WordToComplete, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(w => new CompletionItem(w));
}
