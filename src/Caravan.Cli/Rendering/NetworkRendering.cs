using Caravan.Cli.Rendering.Sheets;
using Caravan.Network;
using Caravan.Contracts;

namespace Caravan.Cli.Rendering;

/// <summary>`caravan network show` for people: a summary line, the nodes and the services.</summary>
internal static class NetworkRendering
{
    public static void Write(Page page, NetworkModel n)
    {
        page.Line($"{n.Name} {n.Version} (from {n.Origin})");
        if (n.Description is { Length: > 0 } description)
            foreach (string line in Formats.Wrap(description)) page.Line(line);
        int countries = n.Nodes.Select(x => x.Country).Distinct().Count();
        page.Line($"{n.Nodes.Count} nodes in {countries} countries, {n.Links.Count} links, {n.Services.Count} services, " +
                  $"{n.Transshipments.Count} transshipments, {n.Tariffs.Count} tariffs.");
        page.Line($"Prices in {n.Currencies.QuoteCurrency} at the exchange rates of {n.Currencies.Date:yyyy-MM-dd}; emissions: {n.Emissions.Version}.");
        page.Table(Nodes(n));
        page.Table(Services(n));
    }

    /// <summary>`network show --format tsv`: one row per node (the services, whose stops are lists, are in --json).</summary>
    public static void WriteTsv(TextWriter output, NetworkModel n) => SheetWriter.Tsv(output, Nodes(n));

    internal static Sheet Nodes(NetworkModel n)
    {
        var nodes = new Sheet(
            Column.Fixed("Id", "id"),
            Column.Text("Name", "name", "planned").AsMain(),
            Column.Fixed("Country", "country"),
            Column.Text("Kind", "kind").Droppable(2),
            Column.Text("Time zone", "time_zone").Droppable(1),
            Column.Fixed("Gauges", "gauges_mm").Droppable(3));
        foreach (var x in n.Nodes)
            nodes.Row(x.Id, Cell.Of(x.Name + (x.Planned ? " (planned)" : ""), x.Name, x.Planned ? "true" : "false"), x.Country,
                Formats.Words(x.Kind), x.TimeZoneId, Cell.Of(NetworkDescriptions.Gauges(x), string.Join("/", x.Gauges)));
        return nodes;
    }

    internal static Sheet Services(NetworkModel n)
    {
        var services = new Sheet(
            Column.Fixed("Id"),
            Column.Text("Operator").Droppable(2),
            Column.Fixed("Mode").Droppable(4),
            Column.Text("Stops").AsMain(),
            Column.Text("Departures").Droppable(3),
            Column.Text("Capacity per departure").Droppable(1),
            Column.Fixed("Planned").Droppable(5));
        foreach (var s in n.Services)
            services.Row(s.Id, s.Operator, Formats.Mode(s.Mode), string.Join(" → ", s.Stops), DocumentValues.DeparturePattern(s.Departures),
                NetworkDescriptions.Capacity(s.CapacityPerDeparture), s.Planned ? "yes" : "");
        return services;
    }
}
