using System.CommandLine;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Requests;

namespace Caravan.Cli.Options;

/// <summary>--avoid-country, --avoid-node, --avoid-mode and --include-planned: what the shipper will not (or will) use.</summary>
internal sealed class ConstraintOptions
{
    public Option<string[]> AvoidCountries { get; } = new("--avoid-country")
    {
        Description = "Countries no node of the route may be in: ISO codes, comma-separated (e.g. RU,IR).",
        HelpName = "CC,…",
    };
    public Option<string[]> AvoidNodes { get; } = new("--avoid-node")
    {
        Description = "Nodes the route may not pass: ids or names, comma-separated.",
        HelpName = "ID,…",
    };
    public Option<string[]> AvoidModes { get; } = new("--avoid-mode")
    {
        Description = "Modes the route may not use: rail, road, ferry, sea, pipeline; comma-separated.",
        HelpName = "MODE,…",
    };
    public Option<bool> IncludePlanned { get; } = new("--include-planned")
    {
        Description = "Use planned routes (e.g. Zangezur/TRIPP) as if they were open.",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { AvoidCountries, AvoidNodes, AvoidModes, IncludePlanned })
            command.Options.Add(option);
    }

    public PlanConstraints Read(ParseResult parse, NodeLookup lookup) => new()
    {
        AvoidCountries = List(parse.GetValue(AvoidCountries)).Select(ParseCountry).ToHashSet(StringComparer.Ordinal),
        AvoidNodes = List(parse.GetValue(AvoidNodes)).Select(n => lookup.Resolve(n, "--avoid-node").Id).ToHashSet(StringComparer.Ordinal),
        AvoidModes = List(parse.GetValue(AvoidModes)).Select(ParseMode).ToHashSet(),
        IncludePlanned = parse.GetValue(IncludePlanned),
    };

    /// <summary>Every comma-separated item of every occurrence of the option.</summary>
    private static IEnumerable<string> List(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An officially assigned ISO 3166-1 alpha-2 code: "XX" is refused, not silently avoided.</summary>
    private static string ParseCountry(string code) =>
        code.Length == 2 && code.All(char.IsAsciiLetter) && CountryCodes.IsAssigned(code.ToUpperInvariant())
            ? code.ToUpperInvariant()
            : throw new CliUsageException("--avoid-country", code, "assigned ISO 3166-1 alpha-2 country codes such as RU or IR");

    public static TransportMode ParseMode(string text) => text.ToLowerInvariant() switch
    {
        "rail" => TransportMode.Rail,
        "road" => TransportMode.Road,
        "ferry" => TransportMode.Ferry,
        "sea" => TransportMode.Sea,
        "pipeline" => TransportMode.Pipeline,
        _ => throw new CliUsageException("--avoid-mode", text, "rail, road, ferry, sea or pipeline"),
    };
}
