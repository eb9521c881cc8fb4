using Caravan.Network;
using Caravan.Planning;
using Spectre.Console;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan plan` for people: the Pareto set as a table and, with --details, each itinerary's legs.</summary>
internal static class PlanRendering
{
    /// <summary>Below this many columns the plan table leaves out the departure and arrival times.</summary>
    public const int NarrowWidth = 110;

    public static void Write(CliContext context, PlanResult result, NetworkModel network, bool details)
    {
        var request = result.Request;
        var from = network.GetNode(request.From);
        var to = network.GetNode(request.To);
        context.Out.WriteLine($"{Formats.NodeName(from)} → {Formats.NodeName(to)}: {request.Cargo}, ready {Formats.Local(request.ReadyTime, from)}" +
                          (request.Deadline is { } d ? $", deadline {Formats.Local(d, to)}" : ""));
        context.Out.WriteLine($"Network {network.Name} {network.Version}. {Count(result.Itineraries.Count, "itinerary", "itineraries")} on the Pareto front (time, cost, CO2e{(request.Deadline is null ? "" : ", on-time chance")}), fastest first.");

        // On a narrow terminal the times go (they are in --details) before the route is squeezed to a word a line.
        bool narrow = context.Console.Profile.Width < NarrowWidth;
        var headers = new List<string> { "#>", "Route" };
        if (!narrow) headers.Add("Departs / arrives (local)!");
        headers.AddRange(["Days p10/p50/p90>", $"Cost {result.QuoteCurrency}>", "CO2e t>"]);
        if (request.Deadline is not null) headers.Add("On time>");
        var table = Tables.Create([.. headers]);
        foreach (var (it, i) in result.Itineraries.Select((it, i) => (it, i)))
        {
            var cells = new List<string> { (i + 1).ToString(), Formats.Route(it) };
            if (!narrow) cells.Add($"{Formats.Local(it.Departure, from)}\n{Formats.Local(it.Arrival, to)}");
            cells.AddRange([DaysSpread(it), Formats.WholeMoney(it.TotalCost), Formats.Tonnes(it.Emissions.Co2eWTW)]);
            if (request.Deadline is not null) cells.Add(it.OnTimeProbability is { } p ? Formats.Percent(p) : "-");
            table.Row([.. cells]);
        }
        context.Console.Write(table);
        if (narrow) context.Out.WriteLine("Departure and arrival times: add --details, or widen the terminal.");
        context.Out.WriteLine($"Departs (first vehicle) and arrives: nominal, local time with UTC offset. Days: ready to arrival,");
        context.Out.WriteLine($"10th/50th/90th percentile of {request.Samples} draws. Cost at the exchange rates of {network.Currencies.Date:yyyy-MM-dd}.");
        context.Out.WriteLine($"CO2e: well-to-wheel, ISO 14083 / GLEC ({network.Emissions.Version}).");
        context.Out.WriteLine(network.Waits is { } w
            ? $"Ferry waits: as the simulation of {w.Scenario} measured them ({w.Replications} replications)."
            : "Ferry waits: the network file's fill times (no simulated wait set for this network).");

        if (details)
            foreach (var (it, i) in result.Itineraries.Select((it, i) => (it, i)))
                WriteLegs(context, i + 1, it, result.QuoteCurrency);
        else
            context.Out.WriteLine("Legs of each option: add --details. Price breakdown: caravan quote … --option N.");
    }

    /// <summary>"21.3 / 23.0 / 27.9": days from ready at the origin to arrival, door to door as a shipper counts.</summary>
    private static string DaysSpread(Itinerary it)
    {
        var d = it.ArrivalDistribution;
        return $"{Formats.Days(d.P10 - it.ReadyTime)} / {Formats.Days(d.P50 - it.ReadyTime)} / {Formats.Days(d.P90 - it.ReadyTime)}";
    }

    private static void WriteLegs(CliContext context, int option, Itinerary it, string currency)
    {
        context.Out.WriteLine();
        context.Out.WriteLine($"Option {option}: {Formats.Route(it)}; {Formats.Days(it.Duration)} days, {Formats.Money(it.TotalCost, currency)}, {Formats.Tonnes(it.Emissions.Co2eWTW)} t CO2e");
        var table = Tables.Create("#>", "Mode", "Carrier / service", "Board → alight", "Before departure", "Departs / arrives (local)!", "km>", $"Cost {currency}>", "CO2e t>");
        foreach (var (leg, i) in it.Legs.Select((leg, i) => (leg, i)))
        {
            var before = new List<string> { $"dwell {Formats.Hours(leg.Dwell)}" };
            if (leg.Transshipment is { } t) before.Add($"{t.Id} {Formats.Hours(leg.TransshipmentTime)}");
            before.Add($"wait {Formats.Hours(leg.Wait)}");
            string service = $"{leg.Service.Operator}\n{leg.Service.Id}" + (leg.DeparturesUsed > 1 ? $"\n({leg.DeparturesUsed} departures)" : "");
            table.Row(
                (i + 1).ToString(),
                Formats.Mode(leg.Service.Mode),
                service,
                $"{leg.From.Name}\n→ {leg.To.Name}",
                string.Join("\n", before),
                $"{Formats.Local(leg.Departure, leg.From)}\n{Formats.Local(leg.Arrival, leg.To)}",
                Formats.Km(leg.DistanceKm),
                Formats.Amount(leg.Charges.Sum(c => c.AmountInQuote)),
                Formats.Tonnes(leg.Emissions.Co2eWTW + leg.TransshipmentEmissions.Co2eWTW));
        }
        context.Console.Write(table);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
