using System.Net;
using System.Text.Json;

namespace Caravan.Server.Tests.Support;

/// <summary>Booking bodies on the tiny network, and the departures they use.</summary>
internal static class BookingBodies
{
    // XAN-DOS-BLOCK leaves Xi'an Mon and Thu 08:00 Asia/Shanghai (+08:00) = 00:00 UTC.
    public const string Block = "XAN-DOS-BLOCK";
    // DOS-AKT-DAILY: every 24 h from 2024-01-01 18:00 Asia/Almaty (+06:00 then) = 12:00 UTC, every day since.
    public const string Daily = "DOS-AKT-DAILY";

    /// <summary>One leg CNXAN → KZDOS on the block train leaving at <paramref name="departureUtc"/>.</summary>
    public static string OneLeg(string departureUtc, int forties = 2, int twenties = 0, string? reference = null) => $$"""
        {
          "cargo": { "containers20": {{twenties}}, "containers40": {{forties}} },
          "legs": [ { "service": "{{Block}}", "departure": "{{departureUtc}}", "from": "CNXAN", "to": "KZDOS" } ],
          "reference": {{(reference is null ? "null" : $"\"{reference}\"")}}
        }
        """;

    /// <summary>Block train Thu 2026-12-03, then the daily train Mon 2026-12-07 12:00 UTC on to Aktau.</summary>
    public static string TwoLegs(string blockDeparture = "2026-12-03T00:00:00Z", string dailyDeparture = "2026-12-07T12:00:00Z") => $$"""
        {
          "cargo": { "containers40": 2 },
          "legs": [
            { "service": "{{Block}}", "departure": "{{blockDeparture}}", "from": "CNXAN", "to": "KZDOS" },
            { "service": "{{Daily}}", "departure": "{{dailyDeparture}}", "from": "Dostyk", "to": "KZAKT" }
          ],
          "reference": "PO-2"
        }
        """;

    public static async Task<JsonElement> Create(Party shipper, string body)
    {
        var response = await shipper.Client.PostJson("/bookings", body);
        return await response.Json(HttpStatusCode.Created);
    }

    /// <summary>Capacity, held and remaining of one departure as GET /departures reports it.</summary>
    public static async Task<JsonElement> Departure(Party caller, string service, string utc)
    {
        var from = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        string to = from.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var list = await (await caller.Client.GetAsync($"/departures?service={service}&from={utc}&to={to}")).Json(HttpStatusCode.OK);
        return Assert.Single(list.GetProperty("departures").EnumerateArray());
    }

    public static double? Unit(JsonElement quantity, string unit) =>
        quantity.GetProperty(unit).ValueKind == JsonValueKind.Null ? null : quantity.GetProperty(unit).GetDouble();
}
