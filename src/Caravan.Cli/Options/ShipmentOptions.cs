using System.CommandLine;
using Caravan.Network;
using Caravan.Planning;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Cli.Options;

/// <summary>
/// Everything `plan` and `quote` share: the network, where from and to, the cargo, the times, the constraints and
/// the Monte Carlo settings. <see cref="Read"/> turns them into a <see cref="PlanRequest"/>.
/// </summary>
internal sealed class ShipmentOptions
{
    public Option<string> From { get; } = new("--from")
    {
        Description = "Origin: a node id or name (e.g. CNXAN or \"Xi'an\").",
        HelpName = "NODE",
        Required = true,
    };
    public Option<string> To { get; } = new("--to")
    {
        Description = "Destination: a node id or name.",
        HelpName = "NODE",
        Required = true,
    };
    public CargoOptions Cargo { get; } = new();
    public Option<string?> Ready { get; } = new("--ready")
    {
        Description = "When the cargo is ready: ISO date or date-time; without an offset, local time at the origin. Default: now.",
        HelpName = "TIME",
    };
    public Option<string?> Deadline { get; } = new("--deadline")
    {
        Description = "Arrive by: ISO date (end of that day) or date-time; without an offset, local time at the destination.",
        HelpName = "TIME",
    };
    public ConstraintOptions Constraints { get; } = new();
    public Option<string?> Samples { get; } = new("--samples")
    {
        Description = "Monte Carlo draws behind each arrival distribution (default 256).",
        HelpName = "N",
    };
    public Option<string?> Seed { get; } = new("--seed")
    {
        Description = "Random seed; the same seed gives the same answer.",
        HelpName = "S",
    };
    public Option<string?> Network { get; } = NetworkOption.Create();

    public void AddTo(Command command)
    {
        Completion.Completions.AddNodes(From);
        Completion.Completions.AddNodes(To);
        command.Options.Add(From);
        command.Options.Add(To);
        Cargo.AddTo(command);
        command.Options.Add(Ready);
        command.Options.Add(Deadline);
        Constraints.AddTo(command);
        command.Options.Add(Samples);
        command.Options.Add(Seed);
        command.Options.Add(Network);
    }

    /// <summary>The request the options describe, on the network they name, with names resolved to node ids.</summary>
    public (NetworkModel Network, PlanRequest Request) Read(ParseResult parse, IClock clock)
    {
        // The cargo is checked before the network loads so that a typo costs no load time.
        var cargo = Cargo.Read(parse);
        // One range for every bad value (0, 1 or 10,000 alike): the planner's own.
        int? samples = parse.GetValue(Samples) is { } s
            ? int.TryParse(s.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= 16 and <= 4096
                ? n : throw new CliUsageException("--samples", s, "a number of draws from 16 to 4096")
            : null;
        ulong? seed = parse.GetValue(Seed) is { } text ? Numbers.Seed("--seed", text) : null;

        var network = NetworkOption.Load(parse.GetValue(Network));
        var lookup = new NodeLookup(network);
        var from = lookup.Resolve(parse.GetValue(From)!, "--from");
        var to = lookup.Resolve(parse.GetValue(To)!, "--to");

        var defaults = new PlanRequest { From = "", To = "", ReadyTime = default, Cargo = cargo };
        var request = new PlanRequest
        {
            From = from.Id,
            To = to.Id,
            Cargo = cargo,
            ReadyTime = parse.GetValue(Ready) is { } ready ? TimeParsing.Parse(ready, from.TimeZone, "--ready") : clock.GetCurrentInstant(),
            Deadline = parse.GetValue(Deadline) is { } deadline ? TimeParsing.Parse(deadline, to.TimeZone, "--deadline", dateMeansEndOfDay: true) : null,
            Constraints = Constraints.Read(parse, lookup),
            Samples = samples ?? defaults.Samples,
            Seed = seed ?? defaults.Seed,
        };
        if (request.Deadline is { } d && d <= request.ReadyTime)
            throw new CliUsageException("--deadline", parse.GetValue(Deadline), "a time after the ready time");
        return (network, request);
    }
}
