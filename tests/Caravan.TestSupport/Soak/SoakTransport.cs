using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Caravan.TestSupport.Soak;

/// <summary>An answer the soak got: its status and body, and whether it took more than one attempt.</summary>
public sealed record SoakAnswer(HttpStatusCode Status, string Body, bool Retried);

/// <summary>
/// Sends a request to one of the two servers, as a client behind a plain round-robin would, and fails over: after a
/// connection error, a timeout, a 5xx or a 429 the same request (built again by the caller's factory, so a booking
/// keeps its Idempotency-Key and body) goes to the other server, until answered or <see cref="GiveUpAfter"/>. Each
/// failure is charged to the server it came from: to the kill when that server was down or restarted meanwhile,
/// otherwise as a failure of the server.
/// </summary>
public sealed class SoakTransport : IDisposable
{
    /// <summary>Longer than a restart (a few seconds), so a request outlives the loss of one server.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    private readonly IReadOnlyList<SoakServer> servers;
    private readonly HttpClient[] clients;
    private readonly SoakLedger ledger;

    public SoakTransport(IReadOnlyList<SoakServer> servers, SoakLedger ledger)
    {
        this.servers = servers;
        this.ledger = ledger;
        // One connection pool per server shared by all clients; connections to a killed process fail and are replaced.
        clients = [.. servers.Select(s => new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = s.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        })];
    }

    /// <summary>Null when no server answered in time (each failure is already counted).</summary>
    public async Task<SoakAnswer?> SendAsync(string operation, string key, Func<HttpRequestMessage> make, int preferred)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (int attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            int index = (preferred + attempt) % servers.Count;
            var server = servers[index];
            var tally = ledger.Servers[server.Name];
            int generation = server.Generation;
            bool upAtStart = server.IsUp;
            tally.Request();
            using var request = make();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            try
            {
                using var response = await clients[index].SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                int status = (int)response.StatusCode;
                if (status >= 500)
                {
                    tally.ServerError();
                    ledger.Count(operation, status.ToString(CultureInfo.InvariantCulture));
                    ledger.Sample($"{server.Name} (pid {server.ProcessId}) {operation} {status}: {Cut(body)}");
                }
                else if (status == 429)
                {
                    // Rate limited: not a failure; wait as told and try again.
                    ledger.Count(operation, "429");
                    await Task.Delay(RetryAfter(response));
                    continue;
                }
                else
                {
                    server.Answered();
                    return new SoakAnswer(response.StatusCode, body, attempt > 0);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                bool byKill = !upAtStart || !server.IsUp || server.Generation != generation;
                if (byKill)
                {
                    tally.Killed();
                    ledger.Count(operation, "killed");
                }
                else
                {
                    tally.Unexpected();
                    ledger.Count(operation, "failed");
                    ledger.Sample($"{server.Name} (pid {server.ProcessId}) {operation}: {e.GetType().Name}: {Cut(e.Message)}");
                }
            }
            // Both tried and failed: the survivor may be the one busy, so pause before going round again.
            if (attempt % servers.Count == servers.Count - 1) await Task.Delay(200);
        }
        ledger.Count(operation, "gave up");
        return null;
    }

    public void Dispose()
    {
        foreach (var client in clients) client.Dispose();
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromSeconds(1);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
