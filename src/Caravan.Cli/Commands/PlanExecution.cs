using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Planning.Requests;

namespace Caravan.Cli.Commands;

/// <summary>What `plan` and `quote` both do: read the request, load the network, run the planner.</summary>
internal static class PlanExecution
{
    public static (NetworkModel Network, PlanResult Result) Run(ShipmentOptions options, ParseResult parse, CliContext context)
    {
        var (network, request) = options.Read(parse, context.Clock);
        foreach (string warning in Warnings(request, context.Clock.GetCurrentInstant(), network.GetNode(request.From).TimeZone))
            context.Error.WriteLine($"warning: {warning}");
        return (network, new Planner(network).Plan(request));
    }

    /// <summary>A shipment above this many TEU (or its tonnage) is more than a few weeks of the corridor's 2024 volume.</summary>
    private const double LargeTeu = 5_000, LargeTonnes = 500_000;

    /// <summary>
    /// Requests the planner answers but a user most likely did not mean: a ready time in the past (the timetables
    /// repeat, so the answer is what it would have been then) or a shipment larger than weeks of corridor traffic.
    /// </summary>
    internal static IEnumerable<string> Warnings(PlanRequest request, NodaTime.Instant now, NodaTime.DateTimeZone originZone)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (request.ReadyTime < now - NodaTime.Duration.FromDays(1))
            yield return $"--ready {request.ReadyTime.InZone(originZone).ToString("yyyy-MM-dd HH:mm", inv)} is in the past; the plan uses today's network and timetables as if it were then.";
        var cargo = request.Cargo;
        if (cargo.Teu > LargeTeu)
            yield return string.Format(inv, "{0:N0} TEU is more than the corridor carried in a month of 2024 (≈ 4,700 TEU); the plan books them on as many departures as needed, one after another.", cargo.Teu);
        else if (cargo.GrossTonnes > LargeTonnes)
            yield return string.Format(inv, "{0:N0} t is more than the corridor carried in a month of 2024 (≈ 375,000 t); the plan books them on as many departures as needed, one after another.", cargo.GrossTonnes);
    }

    /// <summary>The one line `plan` and `quote` print when nothing can carry the cargo.</summary>
    public static string NoItinerary(PlanResult result, NetworkModel network)
    {
        var r = result.Request;
        bool constrained = r.Constraints.AvoidCountries.Count + r.Constraints.AvoidNodes.Count + r.Constraints.AvoidModes.Count > 0;
        return $"no itinerary carries {r.Cargo} from {network.GetNode(r.From).Name} ({r.From}) to {network.GetNode(r.To).Name} ({r.To})" +
               (constrained ? " with these --avoid-… options" : "") +
               (r.Constraints.IncludePlanned ? "" : "; --include-planned also tries planned routes");
    }
}
