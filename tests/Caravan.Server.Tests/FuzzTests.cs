using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Server.Tests.Support;
using Caravan.Server.Tests.Support.Fuzz;
using Caravan.TestSupport;
using Xunit.Abstractions;

namespace Caravan.Server.Tests;

/// <summary>
/// The service issue's fuzz test: at least 1,000 generated hostile requests per store over every operation of
/// docs/openapi.json and every role, and for each answer: no 5xx, every error an RFC 9457 problem the document
/// declares, and nothing written by a refused request. CARAVAN_FUZZ_REQUESTS runs more, CARAVAN_FUZZ_SEED others;
/// a failure names its seed and the requests at fault, so it can be replayed; CARAVAN_FUZZ_TRACE=1 lists every request.
/// </summary>
public sealed class FuzzTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int DefaultRequests = 1_000;
    private const int DefaultSeed = 20261130;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Hostile_requests_never_get_a_5xx_a_non_problem_error_or_a_write_when_refused(string backend)
    {
        int count = FromEnvironment("CARAVAN_FUZZ_REQUESTS", DefaultRequests);
        int seed = FromEnvironment("CARAVAN_FUZZ_SEED", DefaultSeed);
        // Every request and its status in the test output, to see what a seed sends.
        bool trace = Environment.GetEnvironmentVariable("CARAVAN_FUZZ_TRACE") == "1";
        string? database = backend == "postgres" ? await postgres.CreateDatabaseAsync("server_fuzz") : null;
        await using var host = await ServerHost.StartAsync(database);
        var context = await ContextAsync(host);
        var operations = FuzzOperation.FromDocument(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "openapi.json")));
        var requests = new HostileRequests(operations, context, seed);
        var server = new Uri(host.BaseUrl);

        await using var digest = await StoreDigest.OpenAsync(host.Database);
        string state = await digest.TakeAsync();
        var failures = new List<string>();
        var faultsByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, int>();
        var byOperation = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var request = requests.Next(i);
            kinds[KindFamily(request.Kind)] = kinds.GetValueOrDefault(KindFamily(request.Kind)) + 1;
            RawHttp.Answer answer;
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                try { answer = await RawHttp.SendAsync(server, request, timeout.Token); }
                catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException or System.Net.Sockets.SocketException)
                {
                    failures.Add($"{request}\n  no answer: {e.Message}");
                    continue;
                }
            }
            statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
            var ofOperation = byOperation.TryGetValue(request.Operation, out var known) ? known : byOperation[request.Operation] = new();
            ofOperation[answer.Status] = ofOperation.GetValueOrDefault(answer.Status) + 1;
            if (trace) output.WriteLine($"{request}\n  → {answer.Status}");
            string? fault = AnswerChecks.Fault(request, answer);
            string after = await digest.TakeAsync();
            // Every refused request is checked, reads too: a GET must not write either.
            if (answer.Status >= 400 && after != state) fault ??= $"refused with {answer.Status}, yet the store changed: {state} → {after}";
            state = after;
            if (fault is null) continue;
            failures.Add($"{request}\n  → {answer.Status}: {fault}\n  body: {Short(answer.Text)}");
            string summary = $"{KindFamily(request.Kind)} → {answer.Status}: {(fault.Length > 90 ? fault[..90] : fault)}";
            faultsByKind[summary] = faultsByKind.GetValueOrDefault(summary) + 1;
        }

        output.WriteLine($"{backend}: {count} requests, seed {seed}, {clock.Elapsed.TotalSeconds:F1} s, {operations.Count} operations");
        output.WriteLine("statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        foreach (var (operation, counts) in byOperation)
            output.WriteLine($"  {operation}: " + string.Join(", ", counts.Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine("kinds: " + string.Join(", ", kinds.Select(k => $"{k.Key}×{k.Value}")));
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} hostile requests on {backend} failed (seed {seed}: replay with CARAVAN_FUZZ_SEED={seed} CARAVAN_FUZZ_REQUESTS={count}):\n" +
            string.Join("\n", faultsByKind.Select(f => $"  {f.Value}× {f.Key}")) + "\n\nThe first of them:\n\n" +
            string.Join("\n\n", failures.Take(15)));
    }

    /// <summary>Found by this fuzzer: a departure id in year 9999 overflowed the timetable search (500).</summary>
    [Fact]
    public async Task A_departure_id_outside_2000_to_2099_is_a_404()
    {
        await using var host = await ServerHost.StartAsync();
        await (await host.OperatorKtz.Client.PutJson("/departures/XAN-DOS-BLOCK@9999-12-31T00:00:00Z/capacity", """{"teu": 100}"""))
            .Problem(System.Net.HttpStatusCode.NotFound);
        await (await host.ShipperA.Client.GetAsync("/voyages/AKT-ALT-FERRY@9999-12-31T00:00:00Z")).Problem(System.Net.HttpStatusCode.NotFound);
    }

    /// <summary>Real ids to start from: a booking, a departure, an organisation and a spare API key nobody else uses.</summary>
    private static async Task<FuzzContext> ContextAsync(ServerHost host)
    {
        var booking = await BookingBodies.Create(host.ShipperA, BookingBodies.OneLeg("2026-12-03T00:00:00Z", forties: 1));
        var key = await host.Admin.Client.PostAsync($"/organisations/{host.ShipperB.Id}/api-keys", null);
        string spareKey = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new FuzzContext(
            [("admin", host.Admin.Key), ("shipperA", host.ShipperA.Key), ("shipperB", host.ShipperB.Key), ("operatorKtz", host.OperatorKtz.Key), ("operatorAsco", host.OperatorAsco.Key)],
            new Dictionary<string, string>
            {
                ["bookings"] = booking.GetProperty("id").GetString()!,
                ["departures"] = "XAN-DOS-BLOCK@2026-12-07T00:00:00Z",
                ["voyages"] = "AKT-ALT-FERRY@2026-12-05T00:00:00Z",
                ["organisations"] = host.ShipperB.Id,
                ["api-keys"] = spareKey,
            });
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    /// <summary>"body.string@from" → "body.string", for a summary that fits on a line.</summary>
    private static string KindFamily(string kind) => kind.Split('@')[0];

    private static string Short(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
