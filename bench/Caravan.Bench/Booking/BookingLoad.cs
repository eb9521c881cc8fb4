using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Caravan.Bench.Planning;

namespace Caravan.Bench.Booking;

/// <summary>What the HTTP load measured, and every booking id it was answered, for the invariant check.</summary>
internal sealed record BookingLoadResult(
    double Seconds,
    long ConfirmedInWindow,
    long CreatedInWindow,
    Latency Create,
    Latency Confirm,
    Latency CreateAndConfirm,
    IReadOnlyDictionary<string, long> ErrorsInWindow,
    IReadOnlyDictionary<string, long> ErrorsTotal,
    IReadOnlyList<string> CreatedIds,
    IReadOnlyList<string> ConfirmedIds)
{
    public double ConfirmedPerSecond => ConfirmedInWindow / Seconds;
}

/// <summary>
/// N concurrent clients over one <see cref="HttpClient"/> (one <see cref="SocketsHttpHandler"/> with a connection per
/// client): each books 1 × 20 ft with an Idempotency-Key and confirms it, again and again: in one request
/// (<c>"confirm": true</c>) unless <c>twoRequests</c>. The first
/// <c>warmup</c> seconds are not counted (JIT, connection pools); then for <c>seconds</c> a confirmation counts when
/// its 200 arrives inside the window, and a request's latency and status count when it starts inside it.
/// </summary>
internal static class BookingLoad
{
    public static async Task<BookingLoadResult> RunAsync(string baseUrl, BookingSetup setup, int clients, double warmupSeconds, double seconds, bool twoRequests)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", setup.ShipperKey);

        var clock = Stopwatch.StartNew();
        long windowStart = Stopwatch.Frequency * (long)(warmupSeconds * 1000) / 1000;
        long windowEnd = windowStart + Stopwatch.Frequency * (long)(seconds * 1000) / 1000;
        // No thread barrier: 64 blocked threads would starve a 2-core thread pool; the tasks start as they are scheduled.
        var workers = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => ClientAsync(http, setup, i, clock, windowStart, windowEnd, twoRequests)))
            .ToArray();
        var results = await Task.WhenAll(workers);

        return new BookingLoadResult(
            seconds,
            results.Sum(r => r.Confirmed),
            results.Sum(r => r.Created),
            Latency.Of(results.SelectMany(r => r.CreateMs).ToArray()),
            Latency.Of(results.SelectMany(r => r.ConfirmMs).ToArray()),
            Latency.Of(results.SelectMany(r => r.PairMs).ToArray()),
            Merge(results.Select(r => r.ErrorsInWindow)),
            Merge(results.Select(r => r.ErrorsTotal)),
            results.SelectMany(r => r.CreatedIds).ToArray(),
            results.SelectMany(r => r.ConfirmedIds).ToArray());
    }

    private sealed class ClientTally
    {
        public long Confirmed, Created;
        public readonly List<double> CreateMs = [], ConfirmMs = [], PairMs = [];
        public readonly Dictionary<string, long> ErrorsInWindow = [], ErrorsTotal = [];
        public readonly List<string> CreatedIds = [], ConfirmedIds = [];

        public void Error(string what, bool inWindow)
        {
            ErrorsTotal[what] = ErrorsTotal.GetValueOrDefault(what) + 1;
            if (inWindow) ErrorsInWindow[what] = ErrorsInWindow.GetValueOrDefault(what) + 1;
        }
    }

    private static async Task<ClientTally> ClientAsync(HttpClient http, BookingSetup setup, int client, Stopwatch clock, long windowStart, long windowEnd, bool twoRequests)
    {
        var tally = new ClientTally();
        string departure = setup.DepartureTimes[client % setup.DepartureTimes.Count];
        for (int n = 0; clock.ElapsedTicks < windowEnd; n++)
        {
            long start = clock.ElapsedTicks;
            bool counted = start >= windowStart;
            try
            {
                using var create = new HttpRequestMessage(HttpMethod.Post, "/bookings")
                {
                    Content = new StringContent(BookingSetup.Body(departure, $"bench-{client}-{n}", confirm: !twoRequests), Encoding.UTF8, "application/json"),
                };
                create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                string id;
                using (var response = await http.SendAsync(create))
                {
                    byte[] body = await response.Content.ReadAsByteArrayAsync();
                    long created = clock.ElapsedTicks;
                    if (counted) tally.CreateMs.Add(Ms(created - start));
                    if (response.StatusCode != HttpStatusCode.Created) { tally.Error($"create {(int)response.StatusCode}", counted); continue; }
                    using var json = JsonDocument.Parse(body);
                    id = json.RootElement.GetProperty("id").GetString()!;
                    tally.CreatedIds.Add(id);
                    if (counted) tally.Created++;
                    if (!twoRequests)
                    {
                        // Created and confirmed in one request: the 201 is the confirmation.
                        if (json.RootElement.GetProperty("status").GetString() != "confirmed") { tally.Error("create not confirmed", counted); continue; }
                        tally.ConfirmedIds.Add(id);
                        if (counted) tally.PairMs.Add(Ms(created - start));
                        if (created >= windowStart && created < windowEnd) tally.Confirmed++;
                        continue;
                    }
                }

                long confirmStart = clock.ElapsedTicks;
                using (var response = await http.PostAsync($"/bookings/{id}/confirm", null))
                {
                    await response.Content.ReadAsByteArrayAsync();
                    long done = clock.ElapsedTicks;
                    if (counted) tally.ConfirmMs.Add(Ms(done - confirmStart));
                    if (response.StatusCode != HttpStatusCode.OK) { tally.Error($"confirm {(int)response.StatusCode}", counted); continue; }
                    tally.ConfirmedIds.Add(id);
                    if (counted) tally.PairMs.Add(Ms(done - start));
                    if (done >= windowStart && done < windowEnd) tally.Confirmed++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                tally.Error("exception " + e.GetType().Name, counted);
            }
        }
        return tally;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static Dictionary<string, long> Merge(IEnumerable<Dictionary<string, long>> parts)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (k, v) in part) total[k] = total.GetValueOrDefault(k) + v;
        return total;
    }
}
