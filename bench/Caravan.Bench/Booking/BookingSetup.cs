using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caravan.Bench.Booking;

/// <summary>
/// What the load needs, made through the API as a real deployment would: a shipper with a key, an operator of KTZ
/// Express with a key, and the departures the load books with their capacity raised by that operator.
/// </summary>
/// <remarks>
/// The default corridor network (not a generated one): the server then validates and prices bookings against the real
/// corridor, and /plan and /quote run on it too. Its departures hold 110 TEU, far too little for tens of thousands of
/// bookings, so the operator publishes 1,000,000 TEU (the API's maximum) on each departure the load uses, with wagons
/// and tonnes not binding — the same PUT /departures/{id}/capacity an operator uses. The service is DOS-AKT-KTZ
/// (Dostyk → Aktau, daily 20:00 Almaty time), departures from 2030-01-01, far ahead of the real clock.
/// </remarks>
internal sealed record BookingSetup(
    string ShipperKey, string ShipperOrganisationId, string ShipperKeyId, string OperatorKey, IReadOnlyList<string> DepartureTimes)
{
    public const string Service = "DOS-AKT-KTZ";
    public const string From = "KZDOS";
    public const string To = "KZAKT";
    public const double PublishedTeu = 1_000_000;

    public static async Task<BookingSetup> CreateAsync(string baseUrl, string adminKey, int departures)
    {
        using var admin = Client(baseUrl, adminKey);
        var (shipperOrg, shipperKeyId, shipperKey) = await OrganisationAsync(admin, new { name = "Bench shipper", role = "shipper" });
        var (_, _, operatorKey) = await OrganisationAsync(admin, new { name = "Bench KTZ Express desk", role = "operator", carriers = new[] { "KTZ Express" } });

        using var operatorClient = Client(baseUrl, operatorKey);
        var times = new List<string>();
        var from = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        while (times.Count < departures)
        {
            // GET /departures allows at most 62 days per window.
            var to = from.AddDays(60);
            var list = await Json(await operatorClient.GetAsync($"/departures?service={Service}&from={Utc(from)}&to={Utc(to)}"), HttpStatusCode.OK);
            foreach (var d in list.GetProperty("departures").EnumerateArray())
                if (times.Count < departures) times.Add(d.GetProperty("departure").GetProperty("utc").GetString()!);
            from = to;
        }
        foreach (string utc in times)
        {
            var response = await operatorClient.PutAsJsonAsync($"/departures/{Service}@{utc}/capacity", new { teu = PublishedTeu, wagons = (double?)null, tonnes = (double?)null });
            await Json(response, HttpStatusCode.OK);
        }
        return new BookingSetup(shipperKey, shipperOrg, shipperKeyId, operatorKey, times);
    }

    /// <summary>One booking of 1 × 20 ft from Dostyk to Aktau on the given departure.</summary>
    public static string Body(string departureUtc, string reference, bool confirm = false) =>
        $$"""{"cargo":{"containers20":1},"legs":[{"service":"{{Service}}","departure":"{{departureUtc}}","from":"{{From}}","to":"{{To}}"}],"reference":"{{reference}}"{{(confirm ? ",\"confirm\":true" : "")}}}""";

    public static HttpClient Client(string baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        string text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(string OrganisationId, string KeyId, string Secret)> OrganisationAsync(HttpClient admin, object body)
    {
        var org = await Json(await admin.PostAsJsonAsync("/organisations", body), HttpStatusCode.Created);
        string id = org.GetProperty("id").GetString()!;
        var key = await Json(await admin.PostAsync($"/organisations/{id}/api-keys", null), HttpStatusCode.Created);
        return (id, key.GetProperty("id").GetString()!, key.GetProperty("secret").GetString()!);
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
