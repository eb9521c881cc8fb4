using NodaTime;
using NodaTime.Text;

namespace Caravan.Network;

/// <summary>
/// Reads a service's <c>departures</c>: a weekly timetable, a fixed interval, or a vessel that sails when full.
/// Times are local to the service's first stop.
/// </summary>
internal static class DeparturesReader
{
    private const string Types = "one of: timetable, interval, sailWhenFull";
    private const string DayExpected = "a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun";
    private const string TimeExpected = "a local time \"HH:mm\", e.g. \"08:00\"";
    private const string DateTimeExpected = "an ISO local date-time, e.g. \"2024-01-01T18:00\"";

    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDateTimePattern MinutesPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static DeparturePattern? Read(ObjectReader service)
    {
        var d = service.Object("departures", true, "a departure pattern, e.g. {\"type\": \"timetable\", \"days\": [\"Mon\"], \"times\": [\"08:00\"]}");
        if (d is null) return null;
        string? type = d.String("type", expected: Types);
        switch (type)
        {
            case null: return null;
            case "timetable": return Timetable(d);
            case "interval": return Interval(d);
            case "sailWhenFull": return SailWhenFull(d);
            default:
                d.TryGet("type", true, Types, out var found);
                d.Context.Error(d.PathOf("type"), found, Types);
                return null;
        }
    }

    private static DeparturePattern? Timetable(ObjectReader d)
    {
        d.AllowOnly("type", "days", "times");
        int errorsBefore = d.Context.ErrorCount;
        var days = new HashSet<IsoDayOfWeek>();
        foreach (var (value, path) in d.Array("days", true, "a non-empty list of days, e.g. [\"Mon\", \"Thu\"]", allowEmpty: false) ?? [])
        {
            if (d.ReadString(value, path, DayExpected) is not { } text) continue;
            if (FormatNames.Days.TryGetValue(text, out var day)) days.Add(day);
            else d.Context.Error(path, value, DayExpected);
        }
        var times = new SortedSet<LocalTime>();
        foreach (var (value, path) in d.Array("times", true, "a non-empty list of local times, e.g. [\"08:00\"]", allowEmpty: false) ?? [])
        {
            if (d.ReadString(value, path, TimeExpected) is not { } text) continue;
            var parsed = TimePattern.Parse(text);
            if (parsed.Success) times.Add(parsed.Value);
            else d.Context.Error(path, value, TimeExpected);
        }
        return d.Context.ErrorCount > errorsBefore ? null : new TimetablePattern(days, times.ToList());
    }

    private static DeparturePattern? Interval(ObjectReader d)
    {
        d.AllowOnly("type", "everyHours", "firstDeparture");
        double? every = d.Number("everyHours", "hours between departures > 0", v => v > 0);
        LocalDateTime? first = null;
        if (d.String("firstDeparture", expected: DateTimeExpected) is { } text)
        {
            var parsed = MinutesPattern.Parse(text);
            if (!parsed.Success) parsed = LocalDateTimePattern.ExtendedIso.Parse(text);
            if (parsed.Success) first = parsed.Value;
            else d.Context.Error(d.PathOf("firstDeparture"), ReadContext.Quote(text), DateTimeExpected);
        }
        return every is { } e && first is { } f ? new IntervalPattern(e, f) : null;
    }

    /// <summary>
    /// A vessel that waits for cargo: it sails once other traffic has filled it (fillHours) or after maxWaitHours,
    /// whichever comes first.
    /// </summary>
    private static DeparturePattern? SailWhenFull(ObjectReader d)
    {
        d.AllowOnly("type", "maxWaitHours", "fillHours");
        double? maxWait = d.Number("maxWaitHours", "the longest wait in hours > 0", v => v > 0);
        var fill = d.Distribution("fillHours");
        return maxWait is { } m && fill is not null ? new SailWhenFullPattern(m, fill) : null;
    }
}
