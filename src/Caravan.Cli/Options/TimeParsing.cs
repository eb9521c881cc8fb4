using NodaTime;
using NodaTime.Text;

namespace Caravan.Cli.Options;

/// <summary>
/// Reads --ready and --deadline: an ISO 8601 date or date-time, with an offset (or Z), or without one and then
/// in the local time of a node (the origin for --ready, the destination for --deadline), as shippers and
/// timetables state times.
/// </summary>
internal static class TimeParsing
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

    private static readonly LocalDatePattern DateOnly = LocalDatePattern.Iso;

    /// <summary>
    /// The instant <paramref name="text"/> names. A bare date means the start of that day in <paramref name="zone"/>,
    /// or, with <paramref name="dateMeansEndOfDay"/> (a deadline), the end of it: "by 2026-12-20" includes the 20th.
    /// Local times that a clock change skips or repeats resolve leniently (the later of a repeated hour).
    /// </summary>
    public static Instant Parse(string text, DateTimeZone zone, string field, bool dateMeansEndOfDay = false)
    {
        string trimmed = text.Trim();
        foreach (var pattern in WithOffset)
            if (pattern.Parse(trimmed) is { Success: true } offset) return offset.Value.ToInstant();
        foreach (var pattern in Local)
            if (pattern.Parse(trimmed) is { Success: true } local) return local.Value.InZoneLeniently(zone).ToInstant();
        if (DateOnly.Parse(trimmed) is { Success: true } date)
            return (dateMeansEndOfDay ? zone.AtStartOfDay(date.Value.PlusDays(1)) : zone.AtStartOfDay(date.Value)).ToInstant();
        throw new CliUsageException(field, text, Expected);
    }
}
