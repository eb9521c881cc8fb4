using Caravan.Planning;
using NodaTime;

namespace Caravan.Cli.Options;

/// <summary>Reads --ready and --deadline (see <see cref="ShipperTime"/>): the origin's or destination's local time.</summary>
internal static class TimeParsing
{
    public const string Expected = ShipperTime.Expected;

    /// <summary>The instant the option names; a usage error naming the option otherwise.</summary>
    public static Instant Parse(string text, DateTimeZone zone, string field, bool dateMeansEndOfDay = false) =>
        ShipperTime.TryParse(text, zone, dateMeansEndOfDay) ?? throw new CliUsageException(field, text, Expected);
}
