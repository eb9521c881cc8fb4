using Caravan.Network;
using NodaTime;

namespace Caravan.Server.Schedules;

/// <summary>
/// When each service departs and reaches each stop, by the planner's conventions (Planning/Compiled in Core): a
/// departure is identified by its UTC time at the first stop; the cargo boards at a later stop that time plus the
/// medians of the running times before it, rounded to whole seconds. Sail-when-full services have no calendar.
/// </summary>
internal sealed class ServiceTimetable(NetworkModel network)
{
    private readonly Dictionary<string, Service> _services = network.Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _offsets = network.Services.ToDictionary(s => s.Id, Offsets, StringComparer.Ordinal);

    public Service? Find(string id) => _services.GetValueOrDefault(id);

    public static bool HasCalendar(Service service) => service.Departures is not SailWhenFullPattern;

    /// <summary>Seconds from the departure at the first stop to the departure (or arrival) at stop <paramref name="stop"/>.</summary>
    public Duration Offset(Service service, int stop) => Duration.FromSeconds(_offsets[service.Id][stop]);

    /// <summary>First-stop departures of a scheduled service in [from, to), in time order; none for a sail-when-full one.</summary>
    public IEnumerable<Instant> Departures(Service service, Instant from, Instant to)
    {
        var zone = network.GetNode(service.Stops[0]).TimeZone;
        switch (service.Departures)
        {
            case TimetablePattern t:
                // Local dates a day either side of the window, as the planner's calendar walks them.
                var first = from.InZone(zone).Date.PlusDays(-1);
                var last = to.InZone(zone).Date.PlusDays(1);
                var found = new List<Instant>();
                for (var date = first; date <= last; date = date.PlusDays(1))
                {
                    if (!t.Days.Contains(date.DayOfWeek)) continue;
                    foreach (var time in t.Times)
                    {
                        var at = zone.AtLeniently(date + time).ToInstant();
                        if (at >= from && at < to) found.Add(at);
                    }
                }
                found.Sort();
                return found;
            case IntervalPattern p:
                long origin = zone.AtLeniently(p.FirstDeparture).ToInstant().ToUnixTimeSeconds();
                long step = Math.Max(60, (long)Math.Round(p.EveryHours * 3600));
                long start = from.ToUnixTimeSeconds(), end = to.ToUnixTimeSeconds();
                long k = (long)Math.Ceiling((start - origin) / (double)step);
                var list = new List<Instant>();
                for (long s = origin + k * step; s < end; s += step)
                    if (s >= start) list.Add(Instant.FromUnixTimeSeconds(s));
                return list;
            default:
                return [];
        }
    }

    /// <summary>Whether a scheduled service departs its first stop at exactly <paramref name="time"/> (to the second).</summary>
    public bool IsDeparture(Service service, Instant time) =>
        Departures(service, time, time + Duration.FromSeconds(1)).Any();

    private static long[] Offsets(Service service)
    {
        var offsets = new long[service.Stops.Count];
        for (int k = 1; k < offsets.Length; k++)
            offsets[k] = offsets[k - 1] + (long)Math.Round(service.Legs[k - 1].Link.RunningTime.Median * 3600.0, MidpointRounding.AwayFromZero);
        return offsets;
    }
}
