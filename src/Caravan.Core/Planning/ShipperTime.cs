using NodaTime;
using NodaTime.Text;

namespace Caravan.Planning;

/// <summary>
/// Times as shippers and timetables state them: an ISO 8601 date or date-time, with an offset (or Z), or without one
/// and then in the local time of a node. One reading for the command line and the HTTP API.
/// </summary>
public static class ShipperTime
{
    public const string Expected =
        "an ISO 8601 date or date-time, e.g. 2026-12-01, 2026-12-01T08:00 (local time at the node) or 2026-12-01T08:00+03:00";

    private static readonly OffsetDateTimePattern[] WithOffset =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] Local =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm"),
    ];

    /// <summary>
    /// The instant <paramref name="text"/> names, or null when it is not one of the accepted forms. A bare date means
    /// the start of that day in <paramref name="zone"/>, or, with <paramref name="dateMeansEndOfDay"/> (a deadline),
    /// the end of it: "by 2026-12-20" includes the 20th. Local times that a clock change skips or repeats resolve
    /// leniently (the later of a repeated hour).
    /// </summary>
    public static Instant? TryParse(string text, DateTimeZone zone, bool dateMeansEndOfDay = false)
    {
        string trimmed = text.Trim();
        foreach (var pattern in WithOffset)
            if (pattern.Parse(trimmed) is { Success: true } offset) return offset.Value.ToInstant();
        foreach (var pattern in Local)
            if (pattern.Parse(trimmed) is { Success: true } local) return local.Value.InZoneLeniently(zone).ToInstant();
        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } date)
            return (dateMeansEndOfDay ? zone.AtStartOfDay(date.Value.PlusDays(1)) : zone.AtStartOfDay(date.Value)).ToInstant();
        return null;
    }
}
