using Caravan.Planning;
using Caravan.Server.Problems;
using NodaTime;

namespace Caravan.Server.Requests;

/// <summary>Reads request times as the CLI reads --ready and --deadline (see <see cref="ShipperTime"/>).</summary>
internal static class TimeReader
{
    public const string Expected = ShipperTime.Expected;

    /// <summary>
    /// Times the service takes: far enough either side of today for any real shipment or timetable, and far from
    /// the ends of the calendar, where adding a transit time or a search window would overflow (year 9999 did).
    /// </summary>
    public static readonly Instant Earliest = Instant.FromUtc(2000, 1, 1, 0, 0), Latest = Instant.FromUtc(2100, 1, 1, 0, 0);

    /// <summary>The instant <paramref name="text"/> names; throws a problem naming <paramref name="field"/> otherwise.</summary>
    public static Instant Read(string text, DateTimeZone zone, string field, bool dateMeansEndOfDay = false)
    {
        var instant = ShipperTime.TryParse(text, zone, dateMeansEndOfDay) ?? throw RequestProblemException.Field(field, text, Expected);
        if (instant < Earliest || instant >= Latest)
            throw RequestProblemException.Field(field, text, "a time from the year 2000 to 2099");
        return instant;
    }
}
