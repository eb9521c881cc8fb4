using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Caravan.TestSupport.Soak;

/// <summary>
/// One client of the mixed load, looping until stopped: about a third reads and prices (plan, quote, list bookings,
/// departures, the ferry's voyages as ASCO, a booking's history), the rest books — 1–3 × 20 ft on a KTZ train departure
/// or 1–3 × 40 ft on the Ro-Ro — and then confirms, confirms and cancels, cancels, or leaves the booking held.
/// Requests alternate between the servers. Every acknowledged booking goes into the ledger with its status.
/// </summary>
internal sealed class SoakClient(int index, int seed, SoakSetup setup, SoakTransport transport, SoakLedger ledger, bool careless)
{
    private readonly Random random = new(seed + index * 7919);
    private readonly string key = setup.ShipperKeys[index % setup.ShipperKeys.Count];
    private readonly List<string> mine = [];
    private readonly int client = index;
    private int turn = index;

    public async Task RunAsync(CancellationToken stop)
    {
        for (int n = 0; !stop.IsCancellationRequested; n++)
        {
            double r = random.NextDouble();
            if (r < 0.08) await ReadAsync("plan", key, () => Post("/plan", PlanBody()));
            else if (r < 0.16) await ReadAsync("quote", key, () => Post("/quote", PlanBody()));
            else if (r < 0.22) await ReadAsync("list", key, () => Get($"/bookings?limit=50&status={Pick("held", "confirmed", "cancelled")}"));
            else if (r < 0.26) await ReadAsync("departures", key, () => Get($"/departures?service={SoakSetup.Train}&from=2030-01-01T00:00:00Z&to=2030-01-20T00:00:00Z"));
            else if (r < 0.29) await ReadAsync("voyages", setup.AscoKey, () => Get($"/voyages?service={SoakSetup.Ferry}&from=2030-02-01T00:00:00Z&to=2030-02-12T00:00:00Z"));
            else if (r < 0.31) await ReadAsync("operator list", setup.KtzKey, () => Get($"/bookings?limit=20&service={SoakSetup.Train}"));
            else if (r < 0.34 && mine.Count > 0) await ReadAsync("history", key, () => Get($"/bookings/{mine[random.Next(mine.Count)]}/history"));
            else await BookAsync($"soak-{client}-{n}");
        }
    }

    private async Task BookAsync(string reference)
    {
        string body = random.NextDouble() < 0.65 ? TrainBody(reference) : FerryBody(reference);
        string idempotencyKey = Guid.NewGuid().ToString();
        var answer = await transport.SendAsync("create", key, () =>
        {
            var request = Post("/bookings", body);
            // The same key on every attempt: the client cannot know whether a lost attempt booked. (Unless careless.)
            request.Headers.Add("Idempotency-Key", careless ? Guid.NewGuid().ToString() : idempotencyKey);
            return request;
        }, Next());
        if (answer is null) return;
        ledger.Count("create", Code(answer.Status));
        if (answer.Status == HttpStatusCode.Conflict) return; // the departure or voyage is full
        if (answer.Status != HttpStatusCode.Created) { Unexpected("create", answer); return; }
        string id = Id(answer.Body);
        ledger.Acknowledge(id, "held");
        mine.Add(id);

        double r = random.NextDouble();
        if (r < 0.55)
        {
            if (await TransitionAsync(id, "confirm", "confirmed") && random.NextDouble() < 0.2)
                await TransitionAsync(id, "cancel", "cancelled");
        }
        else if (r < 0.70) await TransitionAsync(id, "cancel", "cancelled");
    }

    private async Task<bool> TransitionAsync(string id, string action, string status)
    {
        var answer = await transport.SendAsync(action, key, () => Post($"/bookings/{id}/{action}", null), Next());
        if (answer is null) return false;
        ledger.Count(action, Code(answer.Status));
        if (answer.Status == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(answer.Body);
            ledger.Acknowledge(id, json.RootElement.GetProperty("status").GetString() ?? status);
            return true;
        }
        // A retry after a lost answer finds the first attempt done: 409 is then the expected answer, not a fault.
        if (!(answer.Status == HttpStatusCode.Conflict && answer.Retried)) Unexpected(action, answer);
        return false;
    }

    private async Task ReadAsync(string operation, string caller, Func<HttpRequestMessage> make)
    {
        var answer = await transport.SendAsync(operation, caller, make, Next());
        if (answer is null) return;
        ledger.Count(operation, Code(answer.Status));
        if (answer.Status != HttpStatusCode.OK) Unexpected(operation, answer);
    }

    private void Unexpected(string operation, SoakAnswer answer)
    {
        ledger.Count(operation, "unexpected");
        ledger.Sample($"{operation} answered {(int)answer.Status}: {(answer.Body.Length > 300 ? answer.Body[..300] : answer.Body)}");
    }

    private int Next() => turn++;

    private string Pick(params string[] values) => values[random.Next(values.Length)];

    private string PlanBody() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"from":"Dostyk","to":"Alat","cargo":{"containers40":{{1 + random.Next(3)}}},"readyTime":"2030-01-{{1 + random.Next(20):00}}T08:00","samples":32}""");

    private string TrainBody(string reference) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"cargo":{"containers20":{{1 + random.Next(3)}}},"legs":[{"service":"{{SoakSetup.Train}}","departure":"{{setup.TrainDepartures[random.Next(setup.TrainDepartures.Count)]}}","from":"KZDOS","to":"KZAKT"}],"reference":"{{reference}}"}""");

    /// <summary>Ready at the port at a random minute of ten days in February 2030: the server picks or opens the voyage.</summary>
    private string FerryBody(string reference)
    {
        var ready = new DateTime(2030, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(10 * 24 * 60));
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"cargo":{"containers40":{{1 + random.Next(3)}}},"legs":[{"service":"{{SoakSetup.Ferry}}","departure":"{{ready:yyyy-MM-dd'T'HH:mm:ss'Z'}}","from":"KZAKT","to":"AZALT"}],"reference":"{{reference}}"}""");
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string? json) => new(HttpMethod.Post, path)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };

    private static string Id(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static string Code(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);
}
