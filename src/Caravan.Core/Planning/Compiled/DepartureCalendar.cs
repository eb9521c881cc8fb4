using System.Collections.Concurrent;
using Caravan.Network;
using NodaTime;

namespace Caravan.Planning.Compiled;

/// <summary>
/// The departures of a scheduled service from its first stop, in UTC seconds since the Unix epoch, expanded from
/// the local-time pattern one calendar year at a time and cached, so daylight-saving and zone changes are exact and
/// a lookup is a binary search.
/// </summary>
internal sealed class DepartureCalendar
{
    private readonly DeparturePattern _pattern;
    private readonly DateTimeZone _zone;
    private readonly ConcurrentDictionary<int, long[]> _years = new();
    /// <summary>The year most recently looked up, so consecutive draws skip the dictionary (a benign race: both fields are set together via one object).</summary>
    private YearDepartures? _last;

    private sealed record YearDepartures(int Year, long[] Times);

    public DepartureCalendar(DeparturePattern pattern, DateTimeZone zone)
    {
        _pattern = pattern;
        _zone = zone;
    }

    /// <summary>
    /// The departure time of the <paramref name="nth"/> (1-based) departure at or after <paramref name="earliest"/>;
    /// long.MaxValue when the pattern never departs within ten years of it.
    /// </summary>
    public long Next(long earliest, int nth = 1)
    {
        int year = YearOf(earliest);
        var last = _last;
        long[] times;
        if (last is not null && last.Year == year) times = last.Times;
        else
        {
            times = Year(year);
            _last = new YearDepartures(year, times);
        }
        int i = LowerBound(times, earliest);
        int remaining = nth;
        for (int guard = 0; guard < 10; guard++)
        {
            if (i + remaining - 1 < times.Length) return times[i + remaining - 1];
            remaining -= times.Length - i;
            year++;
            times = Year(year);
            i = 0;
        }
        return long.MaxValue;
    }

    /// <summary>All departures of a year (for the time-expanded baseline and the simulation).</summary>
    public long[] Year(int year) => _years.GetOrAdd(year, Expand);

    /// <summary>UTC year of an instant: a hot path (every draw of every boarding), so a table lookup, not a calendar.</summary>
    private static int YearOf(long seconds)
    {
        int guess = 1970 + (int)(seconds / 31_556_952);
        if (guess < FirstTableYear + 1 || guess >= FirstTableYear + YearStarts.Length - 1)
            return Instant.FromUnixTimeSeconds(seconds).InUtc().Year;
        int i = guess - FirstTableYear;
        while (seconds < YearStarts[i]) i--;
        while (seconds >= YearStarts[i + 1]) i++;
        return FirstTableYear + i;
    }

    private const int FirstTableYear = 1970;
    private static readonly long[] YearStarts = Enumerable.Range(FirstTableYear, 231)
        .Select(y => Instant.FromUtc(y, 1, 1, 0, 0).ToUnixTimeSeconds()).ToArray();

    private static int LowerBound(long[] a, long value)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private long[] Expand(int year)
    {
        long start = Instant.FromUtc(year, 1, 1, 0, 0).ToUnixTimeSeconds();
        long end = Instant.FromUtc(year + 1, 1, 1, 0, 0).ToUnixTimeSeconds();
        var list = new List<long>();
        switch (_pattern)
        {
            case TimetablePattern t:
                // Walk local dates a day either side of the UTC year so every departure falling in it is found.
                for (var date = new LocalDate(year, 1, 1).PlusDays(-1); date <= new LocalDate(year, 12, 31).PlusDays(1); date = date.PlusDays(1))
                {
                    if (!t.Days.Contains(date.DayOfWeek)) continue;
                    foreach (var time in t.Times)
                    {
                        long s = _zone.AtLeniently(date + time).ToInstant().ToUnixTimeSeconds();
                        if (s >= start && s < end) list.Add(s);
                    }
                }
                break;
            case IntervalPattern p:
                long first = _zone.AtLeniently(p.FirstDeparture).ToInstant().ToUnixTimeSeconds();
                long step = Math.Max(60, (long)Math.Round(p.EveryHours * 3600));
                // The pattern repeats in both directions from its first departure.
                long k = (long)Math.Ceiling((start - first) / (double)step);
                for (long s = first + k * step; s < end; s += step)
                    if (s >= start) list.Add(s);
                break;
            default:
                throw new InvalidOperationException($"{_pattern.GetType().Name} has no calendar.");
        }
        list.Sort();
        return list.ToArray();
    }
}
