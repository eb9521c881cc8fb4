namespace Caravan.Network;

/// <summary>
/// Finds the link a service runs between two consecutive stops: the first link in file order with the service's
/// mode that joins them in that direction, or in the reverse direction when the link is bidirectional. File order
/// decides so that a file's author can always tell which of two parallel links a service uses.
/// </summary>
internal static class LegResolver
{
    public static LinkEntry? Find(IEnumerable<LinkEntry> links, TransportMode mode, string from, string to) =>
        links.FirstOrDefault(l => l.Mode == mode &&
            ((l.From == from && l.To == to) || (l.Bidirectional && l.From == to && l.To == from)));
}
