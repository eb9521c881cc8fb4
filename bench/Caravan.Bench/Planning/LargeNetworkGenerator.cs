using Caravan.Network;
using NodaTime;

namespace Caravan.Bench.Planning;

/// <summary>A generated network and the figures the benchmark prints about it.</summary>
/// <param name="DeparturesPerYear">Scheduled departures in <paramref name="Year"/>, counted from the timetable and interval patterns (sail-when-full ferries have none).</param>
/// <param name="SailWhenFullPorts">Ports where a sail-when-full ferry starts: its departure depends on when the cargo arrives, not on a timetable.</param>
public sealed record LargeNetwork(NetworkModel Model, long DeparturesPerYear, int Year, IReadOnlySet<string> SailWhenFullPorts)
{
    public string Describe()
    {
        var m = Model;
        string Count<T>(IEnumerable<T> items, Func<T, string> key) =>
            string.Join(", ", items.GroupBy(key).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"));
        return $"{m.Nodes.Count:N0} nodes ({Count(m.Nodes, n => n.Kind.ToString())}), "
            + $"{m.Nodes.Select(n => n.TimeZoneId).Distinct().Count()} time zones; "
            + $"{m.Links.Count:N0} links ({Count(m.Links, l => l.Mode == TransportMode.Rail ? $"Rail{l.Gauge}" : l.Mode.ToString())}); "
            + $"{m.Services.Count:N0} services ({Count(m.Services, s => s.Departures is SailWhenFullPattern ? "SailWhenFull" : s.Mode.ToString())}); "
            + $"{m.Transshipments.Count:N0} transshipment rules; {m.Tariffs.Count} carriers in {m.Currencies.RatesToQuote.Count} currencies; "
            + $"{DeparturesPerYear:N0} scheduled departures in {Year}";
    }
}

/// <summary>
/// A seeded, corridor-like network far larger than the real one, built in code: six regions (China, Kazakhstan,
/// Russia/Belarus, the Caucasus, Turkey, Europe) of jittered rail grids in two gauges and nine time zones, joined by
/// border crossings with gauge-change rules, Caspian ports with sail-when-full and timetabled ferries and box ships,
/// and a road network between inland hubs. Services run along rows (all-stops expresses across a region and shorter
/// segments), columns and roads; a few same-gauge through trains cross borders. The same seed gives the same network.
/// </summary>
public static class LargeNetworkGenerator
{
    public const int DefaultSeed = 20260302;
    /// <summary>The year whose departures are counted; the benchmark's queries fall in it.</summary>
    public const int CalendarYear = 2026;

    public static LargeNetwork Generate(int seed = DefaultSeed) => new LargeNetworkBuilder(seed).Build();

    /// <summary>Departures a pattern makes in a year: weekdays × times for a timetable, the year over the interval otherwise.</summary>
    public static long DeparturesInYear(DeparturePattern pattern, int year)
    {
        switch (pattern)
        {
            case TimetablePattern t:
                long days = 0;
                for (var d = new LocalDate(year, 1, 1); d.Year == year; d = d.PlusDays(1))
                    if (t.Days.Contains(d.DayOfWeek)) days++;
                return days * t.Times.Count;
            case IntervalPattern p:
                double hours = (new DateTime(year + 1, 1, 1) - new DateTime(year, 1, 1)).TotalHours;
                return (long)Math.Floor(hours / p.EveryHours);
            default:
                return 0;
        }
    }
}
