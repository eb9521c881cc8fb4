namespace Caravan.Network;

/// <summary>Builds the immutable <see cref="NetworkModel"/> from sections that have passed every check.</summary>
internal static class NetworkAssembler
{
    public static NetworkModel Build(NetworkSections s, string origin, string fingerprint)
    {
        var links = s.Links!;
        var services = s.Services!.Select(e => e.Model! with { Legs = ResolveLegs(e.Model!, links) }).ToList();
        return new NetworkModel
        {
            Name = s.Name!,
            Version = s.Version!,
            Description = s.Description,
            Origin = origin,
            Fingerprint = fingerprint,
            Nodes = s.Nodes!.Select(n => n.Model!).ToList(),
            Links = links.Select(l => l.Model!).ToList(),
            Services = services,
            Transshipments = s.Transshipments!.Select(t => t.Model!).ToList(),
            Tariffs = s.Tariffs!.ToDictionary(t => t.Carrier!, t => t.Model!, StringComparer.Ordinal),
            Currencies = s.Currencies.Model!,
            Emissions = s.Emissions.Model!,
        };
    }

    private static List<LinkTraversal> ResolveLegs(Service service, IReadOnlyList<LinkEntry> links)
    {
        var legs = new List<LinkTraversal>(service.Stops.Count - 1);
        for (int j = 1; j < service.Stops.Count; j++)
        {
            string from = service.Stops[j - 1], to = service.Stops[j];
            var link = LegResolver.Find(links, service.Mode, from, to)
                ?? throw new InvalidOperationException($"No link for {service.Id} {from}→{to} after validation passed.");
            legs.Add(new LinkTraversal(link.Model!, from, to));
        }
        return legs;
    }
}
