using Caravan.Network;
using Caravan.Contracts;
using Spectre.Console;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan network show` for people: a summary line, the nodes and the services.</summary>
internal static class NetworkRendering
{
    public static void Write(CliContext context, NetworkModel n)
    {
        context.Out.WriteLine($"{n.Name} {n.Version} (from {n.Origin})");
        if (n.Description is { Length: > 0 } description)
            foreach (string line in Formats.Wrap(description)) context.Out.WriteLine(line);
        int countries = n.Nodes.Select(x => x.Country).Distinct().Count();
        context.Out.WriteLine($"{n.Nodes.Count} nodes in {countries} countries, {n.Links.Count} links, {n.Services.Count} services, " +
                          $"{n.Transshipments.Count} transshipments, {n.Tariffs.Count} tariffs.");
        context.Out.WriteLine($"Prices in {n.Currencies.QuoteCurrency} at the exchange rates of {n.Currencies.Date:yyyy-MM-dd}; emissions: {n.Emissions.Version}.");

        var nodes = Tables.Create("Id!", "Name", "Country!", "Kind", "Time zone", "Gauges!");
        foreach (var x in n.Nodes)
            nodes.Row(x.Id, x.Name + (x.Planned ? " (planned)" : ""), x.Country, Formats.Words(x.Kind), x.TimeZoneId, NetworkDescriptions.Gauges(x));
        context.Console.Write(nodes);

        var services = Tables.Create("Id!", "Operator", "Mode!", "Stops", "Departures", "Capacity per departure", "Planned!");
        foreach (var s in n.Services)
            services.Row(s.Id, s.Operator, Formats.Mode(s.Mode), string.Join(" → ", s.Stops), DocumentValues.DeparturePattern(s.Departures),
                NetworkDescriptions.Capacity(s.CapacityPerDeparture), s.Planned ? "yes" : "");
        context.Console.Write(services);
    }
}
