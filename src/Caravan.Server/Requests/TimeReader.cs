using Caravan.Server.Problems;
using NodaTime;
using NodaTime.Text;

namespace Caravan.Server.Requests;

/// <summary>
/// Reads times as the CLI reads --ready and --deadline: ISO 8601 with an offset (or Z), or without one and then in
/// the local time of a node, as shippers and timetables state times.
/// </summary>
internal static class TimeReader
{
    public const string Expected =
        "an ISO 8601 date or date-time, e.g. 2026-12-01, 2026-12-01T08:00 (local time at the node) or 2026-12-01T08:00+03:00";

    private static readonly OffsetDateTimePattern[] WithOffset =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] Local =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <summary>
    /// The instant <paramref name="text"/> names; a bare date is the start of that day in <paramref name="zone"/>, or
    /// with <paramref name="dateMeansEndOfDay"/> (a deadline) its end. Throws a problem naming <paramref name="field"/>.
    /// </summary>
    public static Instant Read(string text, DateTimeZone zone, string field, bool dateMeansEndOfDay = false)
    {
        string trimmed = text.Trim();
        foreach (var pattern in WithOffset)
            if (pattern.Parse(trimmed) is { Success: true } offset) return offset.Value.ToInstant();
        foreach (var pattern in Local)
            if (pattern.Parse(trimmed) is { Success: true } local) return local.Value.InZoneLeniently(zone).ToInstant();
        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } date)
            return (dateMeansEndOfDay ? zone.AtStartOfDay(date.Value.PlusDays(1)) : zone.AtStartOfDay(date.Value)).ToInstant();
        throw RequestProblemException.Field(field, text, Expected);
    }
}
