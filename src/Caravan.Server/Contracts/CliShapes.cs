using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Caravan.Network;
using Caravan.Planning;
using NodaTime;

namespace Caravan.Server.Contracts;

/// <summary>
/// The few helpers of the CLI's renderers that its JSON shapes use (Formats.RouteNodes, NetworkDescriptions.Pattern),
/// copied with them so that the API writes the same values.
/// </summary>
internal static class CliShapes
{
    /// <summary>The nodes where the cargo boards, changes vehicle and arrives.</summary>
    public static IReadOnlyList<Node> RouteNodes(Itinerary itinerary) =>
        itinerary.Legs.Count == 0 ? [] : [.. itinerary.Legs.Select(l => l.From), itinerary.Legs[^1].To];

    /// <summary>"Mon,Thu 08:00", "every 24 h from 2024-01-01 18:00", "when full, within 168 h".</summary>
    public static string Pattern(DeparturePattern pattern) => pattern switch
    {
        TimetablePattern t =>
            $"{string.Join(",", t.Days.Order().Select(d => d.ToString()[..3]))} {string.Join(",", t.Times.Order().Select(x => x.ToString("HH:mm", null)))}",
        IntervalPattern i =>
            $"every {i.EveryHours.ToString("0.#", CultureInfo.InvariantCulture)} h from {i.FirstDeparture.ToString("uuuu-MM-dd HH:mm", null)}",
        SailWhenFullPattern s => $"when full, within {s.MaxWaitHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => pattern.GetType().Name,
    };
}

/// <summary>Money as a JSON number with exactly two decimals (12.50, not 12.5), rounded half away from zero.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
}
