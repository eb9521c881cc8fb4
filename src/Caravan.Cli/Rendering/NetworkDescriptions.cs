using Caravan.Network;
using NodaTime;

namespace Caravan.Cli.Rendering;

/// <summary>Short descriptions of network parts, shared by the `network show` table and its JSON.</summary>
internal static class NetworkDescriptions
{
    /// <summary>"Mon,Thu 08:00", "every 24 h from 2024-01-01 18:00", "when full, within 168 h".</summary>
    public static string Pattern(DeparturePattern pattern) => pattern switch
    {
        TimetablePattern t =>
            $"{string.Join(",", t.Days.Order().Select(Day))} {string.Join(",", t.Times.Order().Select(x => x.ToString("HH:mm", null)))}",
        IntervalPattern i =>
            $"every {Formats.Number(i.EveryHours, "0.#")} h from {i.FirstDeparture.ToString("uuuu-MM-dd HH:mm", null)}",
        SailWhenFullPattern s => $"when full, within {Formats.Number(s.MaxWaitHours, "0.#")} h",
        _ => pattern.GetType().Name,
    };

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

    private static string Day(IsoDayOfWeek day) => day.ToString()[..3];
}
