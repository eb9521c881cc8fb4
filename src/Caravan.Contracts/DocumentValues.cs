using System.Globalization;
using Caravan.Network;
using Caravan.Planning;

namespace Caravan.Contracts;

/// <summary>
/// Values the JSON documents carry that the CLI's tables show too; kept beside the documents so that a table and
/// the JSON of the same command cannot describe one route or timetable in two ways.
/// </summary>
public static class DocumentValues
{
    /// <summary>The nodes where the cargo boards, changes vehicle and arrives.</summary>
    public static IReadOnlyList<Node> RouteNodes(Itinerary itinerary) =>
        itinerary.Legs.Count == 0 ? [] : [.. itinerary.Legs.Select(l => l.From), itinerary.Legs[^1].To];

    /// <summary>"Mon,Thu 08:00", "every 24 h from 2024-01-01 18:00", "when full, within 168 h".</summary>
    public static string DeparturePattern(DeparturePattern pattern) => pattern switch
    {
        TimetablePattern t =>
            $"{string.Join(",", t.Days.Order().Select(d => d.ToString()[..3]))} {string.Join(",", t.Times.Order().Select(x => x.ToString("HH:mm", null)))}",
        IntervalPattern i =>
            $"every {i.EveryHours.ToString("0.#", CultureInfo.InvariantCulture)} h from {i.FirstDeparture.ToString("uuuu-MM-dd HH:mm", null)}",
        SailWhenFullPattern s => $"when full, within {s.MaxWaitHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => pattern.GetType().Name,
    };
}
