using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caravan.TestSupport.Soak;

/// <summary>
/// What the soak's clients need, made through the API as an operator of the service would: two shippers with keys,
/// the KTZ Express desk and ASCO as operators with keys, and the KTZ train departures the load books, each with a small
/// capacity published by the KTZ desk so that some fill up and refuse bookings.
/// </summary>
/// <remarks>
/// The default corridor network: the KTZ train Dostyk → Aktau (DOS-AKT-KTZ, daily 20:00 Almaty) and the ASCO Ro-Ro
/// Aktau → Alat (AKT-ALT-RORO, sail-when-full, 100 TEU per voyage), both in 2030, far ahead of the real clock.
/// </remarks>
public sealed record SoakSetup(IReadOnlyList<string> ShipperKeys, string KtzKey, string AscoKey, IReadOnlyList<string> TrainDepartures)
{
    public const string Train = "DOS-AKT-KTZ";
    public const string Ferry = "AKT-ALT-RORO";

    public static async Task<SoakSetup> CreateAsync(Uri baseUrl, string adminKey, SoakOptions options)
    {
        using var admin = Client(baseUrl, adminKey);
        string shipperA = await KeyAsync(admin, new { name = "Soak shipper A", role = "shipper" });
        string shipperB = await KeyAsync(admin, new { name = "Soak shipper B", role = "shipper" });
        string ktz = await KeyAsync(admin, new { name = "Soak KTZ Express desk", role = "operator", carriers = new[] { "KTZ Express" } });
        string asco = await KeyAsync(admin, new { name = "Soak ASCO desk", role = "operator", carriers = new[] { "ASCO" } });

        using var operatorClient = Client(baseUrl, ktz);
        var list = await JsonAsync(await operatorClient.GetAsync($"/departures?service={Train}&from=2030-01-01T00:00:00Z&to=2030-03-01T00:00:00Z"), HttpStatusCode.OK);
        var times = list.GetProperty("departures").EnumerateArray()
            .Select(d => d.GetProperty("departure").GetProperty("utc").GetString()!)
            .Take(options.TrainDepartures).ToList();
        if (times.Count < options.TrainDepartures) throw new InvalidOperationException($"only {times.Count} departures of {Train} in the window");
        foreach (string utc in times)
        {
            var put = await operatorClient.PutAsJsonAsync($"/departures/{Train}@{utc}/capacity", new { teu = options.TrainCapacityTeu, wagons = (double?)null, tonnes = (double?)null });
            await JsonAsync(put, HttpStatusCode.OK);
        }
        return new SoakSetup([shipperA, shipperB], ktz, asco, times);
    }

    public static HttpClient Client(Uri baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> KeyAsync(HttpClient admin, object organisation)
    {
        var org = await JsonAsync(await admin.PostAsJsonAsync("/organisations", organisation), HttpStatusCode.Created);
        string id = org.GetProperty("id").GetString()!;
        var key = await JsonAsync(await admin.PostAsync($"/organisations/{id}/api-keys", null), HttpStatusCode.Created);
        return key.GetProperty("secret").GetString()!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}"));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
