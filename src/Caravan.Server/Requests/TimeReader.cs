using Caravan.Planning;
using Caravan.Server.Problems;
using NodaTime;

namespace Caravan.Server.Requests;

/// <summary>Reads request times as the CLI reads --ready and --deadline (see <see cref="ShipperTime"/>).</summary>
internal static class TimeReader
{
    public const string Expected = ShipperTime.Expected;

    /// <summary>The instant <paramref name="text"/> names; throws a problem naming <paramref name="field"/> otherwise.</summary>
    public static Instant Read(string text, DateTimeZone zone, string field, bool dateMeansEndOfDay = false) =>
        ShipperTime.TryParse(text, zone, dateMeansEndOfDay) ?? throw RequestProblemException.Field(field, text, Expected);
}
