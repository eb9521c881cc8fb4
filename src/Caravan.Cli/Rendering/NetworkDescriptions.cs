using Caravan.Network;

namespace Caravan.Cli.Rendering;

/// <summary>
/// Short descriptions of network parts for the `network show` table. The departure pattern, which the JSON carries
/// too, is <see cref="Caravan.Contracts.DocumentValues.DeparturePattern"/>.
/// </summary>
internal static class NetworkDescriptions
{
    /// <summary>"110 TEU, 55 wagons, 3,000 t" per departure; "unlimited" when nothing binds.</summary>
    public static string Capacity(DepartureCapacity c)
    {
        var parts = new List<string>();
        if (c.Teu is { } teu) parts.Add($"{Formats.Number(teu, "N0")} TEU");
        if (c.Wagons is { } wagons) parts.Add($"{Formats.Number(wagons, "N0")} wagons");
        if (c.Tonnes is { } tonnes) parts.Add($"{Formats.Number(tonnes, "N0")} t");
        return parts.Count == 0 ? "unlimited" : string.Join(", ", parts);
    }

    public static string Gauges(Node node) => node.Gauges.Count == 0 ? "-" : string.Join("/", node.Gauges);
}
