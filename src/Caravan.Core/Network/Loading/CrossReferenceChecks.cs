namespace Caravan.Network;

/// <summary>
/// Checks that every reference between sections resolves and makes physical sense: links join known nodes with a
/// gauge both ends have, services can run between their stops, tariffs and costs are in known currencies, and so on.
/// </summary>
internal static class CrossReferenceChecks
{
    public static void Run(ReadContext ctx, NetworkSections s)
    {
        var nodes = s.Nodes?.Where(n => n.Id is not null).GroupBy(n => n.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (s.Links is not null) CheckLinks(ctx, s.Links, nodes);
        if (s.Services is not null) CheckServices(ctx, s, nodes);
        if (s.Transshipments is not null) CheckTransshipments(ctx, s, nodes);
        if (s.Tariffs is not null) CheckTariffs(ctx, s);
    }

    private static void CheckLinks(ReadContext ctx, IReadOnlyList<LinkEntry> links, Dictionary<string, NodeEntry>? nodes)
    {
        if (nodes is null) return;
        foreach (var link in links)
        {
            string path = $"links[{link.Index}]";
            NodeEntry? from = KnownNode(ctx, nodes, link.From, path + ".from");
            NodeEntry? to = KnownNode(ctx, nodes, link.To, path + ".to");
            // Wagons cannot run onto track of another gauge: both ends must have the link's gauge.
            if (link.Mode == TransportMode.Rail && link.Gauge is { } gauge && from is { GaugesKnown: true } && to is { GaugesKnown: true } &&
                !(from.Gauges.Contains(gauge) && to.Gauges.Contains(gauge)))
                ctx.Error(path + ".gauge", gauge.ToString(),
                    $"a gauge present at both {from.Id} ({GaugeList(from)}) and {to.Id} ({GaugeList(to)})");
        }
    }

    private static void CheckServices(ReadContext ctx, NetworkSections s, Dictionary<string, NodeEntry>? nodes)
    {
        var tariffCarriers = s.Tariffs?.Where(t => t.Carrier is not null).Select(t => t.Carrier!).ToHashSet(StringComparer.Ordinal);
        foreach (var service in s.Services!)
        {
            string path = $"services[{service.Index}]";
            var plannedParts = new List<string>();
            var stops = new List<NodeEntry?>();
            for (int j = 0; j < service.Stops.Count; j++)
            {
                var stop = nodes is null ? null : KnownNode(ctx, nodes, service.Stops[j], $"{path}.stops[{j}]");
                stops.Add(stop);
                if (stop is { Planned: true }) plannedParts.Add($"planned node {stop.Id}");
            }
            if (s.Links is not null && service.Mode is { } mode)
                CheckLegs(ctx, s.Links, service, mode, stops, plannedParts);
            if (!service.Planned && plannedParts.Count > 0)
                ctx.Error(path + ".planned", "false", $"true, because the service uses {string.Join(", ", plannedParts.Distinct())}");

            if (service.VehicleClass is { } vc && s.Emissions.VehicleClassModes is { } classes)
            {
                if (!classes.TryGetValue(vc, out var classMode))
                    ctx.Error(path + ".vehicleClass", ReadContext.Quote(vc), "a vehicle class id from emissions.vehicleClasses");
                else if (classMode is { } cm && service.Mode is { } sm && cm != sm)
                    ctx.Error(path + ".vehicleClass", ReadContext.Quote(vc),
                        $"a {FormatNames.CamelCase(sm)} vehicle class ({vc} is {FormatNames.CamelCase(cm)})");
                else if (s.Emissions.Model?.VehicleClasses.GetValueOrDefault(vc)?.CargoKinds is { } carries
                         && service.Model?.CargoKinds?.Where(k => !carries.Contains(k)).ToList() is [var kind, ..])
                    ctx.Error(path + ".cargoKinds", ReadContext.Quote(FormatNames.CamelCase(kind)),
                        $"cargo its vehicle class {vc} carries: {string.Join(", ", carries.Select(FormatNames.CamelCase))}");
            }
            if (service.Carrier is { } carrier && tariffCarriers is not null && !tariffCarriers.Contains(carrier))
                ctx.Error(path + ".carrier", ReadContext.Quote(carrier), "a carrier with a tariff in tariffs");
        }
    }

    /// <summary>Every pair of consecutive stops needs a link of the service's mode in the running direction.</summary>
    private static void CheckLegs(
        ReadContext ctx, IReadOnlyList<LinkEntry> links, ServiceEntry service, TransportMode mode, List<NodeEntry?> stops, List<string> plannedParts)
    {
        LinkEntry? previous = null;
        for (int j = 1; j < stops.Count; j++)
        {
            if (stops[j - 1] is not { Id: { } from } || stops[j] is not { Id: { } to }) continue;
            var leg = LegResolver.Find(links, mode, from, to);
            // A vehicle cannot change gauge while cargo stays aboard: the change is a transshipment between two services.
            if (leg is { Gauge: { } gauge } && previous is { Gauge: { } before } && gauge != before)
                ctx.Error($"services[{service.Index}].stops[{j}]", ReadContext.Quote(to),
                    $"a stop on the same gauge: the service changes from {before} mm to {gauge} mm at {from}; end it there and start another service after a transshipment rule");
            previous = leg ?? previous;
            if (leg is null && !LinkWithUnreadableModeJoins(links, from, to))
                ctx.Error($"services[{service.Index}].stops[{j}]", ReadContext.Quote(to),
                    $"a stop reachable from {from}: no {FormatNames.CamelCase(mode)} link runs from {from} to {to}");
            else if (leg is { Planned: true })
                plannedParts.Add($"planned link {leg.Id}");
        }
    }

    /// <summary>A link between the stops whose mode could not be read may be the one: its own error says enough.</summary>
    private static bool LinkWithUnreadableModeJoins(IReadOnlyList<LinkEntry> links, string a, string b) =>
        links.Any(l => l.Mode is null && ((l.From == a && l.To == b) || (l.From == b && l.To == a)));

    private static void CheckTransshipments(ReadContext ctx, NetworkSections s, Dictionary<string, NodeEntry>? nodes)
    {
        foreach (var t in s.Transshipments!)
        {
            string path = $"transshipments[{t.Index}]";
            var node = nodes is null ? null : KnownNode(ctx, nodes, t.Node, path + ".node");
            if (node is { GaugesKnown: true })
            {
                foreach (var (gauge, name) in new[] { (t.FromGauge, "fromGauge"), (t.ToGauge, "toGauge") })
                    if (gauge is { } g && !node.Gauges.Contains(g))
                        ctx.Error($"{path}.{name}", g.ToString(), $"a gauge present at {node.Id} ({GaugeList(node)})");
            }
            KnownCurrency(ctx, s, t.Currency, path + ".cost.currency");
            if (t.HubOperation is { } hub && s.Emissions.HubOperations is { } hubs && !hubs.Contains(hub))
                ctx.Error(path + ".hubOperation", ReadContext.Quote(hub), "a hub operation id from emissions.hubOperations");
        }
    }

    private static void CheckTariffs(ReadContext ctx, NetworkSections s)
    {
        var carrierOf = s.Services?.Where(x => x.Id is not null).GroupBy(x => x.Id!)
            .ToDictionary(g => g.Key, g => g.First().Carrier, StringComparer.Ordinal);
        foreach (var t in s.Tariffs!)
        {
            KnownCurrency(ctx, s, t.Currency, $"tariffs[{t.Index}].currency");
            if (carrierOf is null) continue;
            foreach (var (serviceId, path) in t.RuleServices)
            {
                if (!carrierOf.TryGetValue(serviceId, out var carrier))
                    ctx.Error(path, ReadContext.Quote(serviceId), "a service id from services");
                else if (carrier is not null && t.Carrier is not null && carrier != t.Carrier)
                    ctx.Error(path, ReadContext.Quote(serviceId), $"a service of carrier {t.Carrier} ({serviceId} is carried by {carrier})");
            }
        }
    }

    private static NodeEntry? KnownNode(ReadContext ctx, Dictionary<string, NodeEntry> nodes, string? id, string path)
    {
        if (id is null) return null;
        if (nodes.TryGetValue(id, out var node)) return node;
        ctx.Error(path, ReadContext.Quote(id), "a node id from nodes");
        return null;
    }

    private static void KnownCurrency(ReadContext ctx, NetworkSections s, string? code, string path)
    {
        if (code is not null && s.Currencies.Codes is { } codes && !codes.Contains(code))
            ctx.Error(path, ReadContext.Quote(code), $"a currency in currencies.ratesToQuote ({string.Join(", ", codes)})");
    }

    private static string GaugeList(NodeEntry node) => node.Gauges.Count == 0 ? "no rail" : string.Join(", ", node.Gauges);
}
