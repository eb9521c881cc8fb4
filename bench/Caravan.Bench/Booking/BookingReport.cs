using System.Globalization;
using System.Text.Json;
using Caravan.Bench.Planning;

namespace Caravan.Bench.Booking;

/// <summary>The figures of one <c>booking</c> run: the table on the console and bench/results/booking.json.</summary>
internal sealed record BookingReport(
    BookingBenchOptions Options, string? DbOptions, string LoadAtStart, string LoadAtEnd,
    BookingLoadResult Http, CpuUse HttpCpu, PostgresCounters HttpDb, IReadOnlyList<RequestStatements>? Statements,
    StoreLoadResult? Store, CpuUse? StoreCpu, PostgresCounters? StoreDb,
    InvariantResult Invariant, PgBenchResult? PgBench, IReadOnlyList<WrkResult> Wrk)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private double? Ratio => PgBench is { Tps: > 0 } p ? Http.ConfirmedPerSecond / p.Tps : null;

    public void PrintTable()
    {
        var rows = new List<(string Figure, string Value, string Goal, string Met)>
        {
            ("client path", Options.TwoRequests ? "create, then confirm (2 requests)" : "create with \"confirm\": true (1 request)", "", ""),
            ("HTTP confirmed bookings/s", F0(Http.ConfirmedPerSecond), $"≥ {BookingBenchOptions.GoalConfirmedPerSecond:N0}", Http.ConfirmedPerSecond >= BookingBenchOptions.GoalConfirmedPerSecond ? "met" : "MISSED"),
            ("POST /bookings p50 / p99 ms", $"{F1(Http.Create.P50Ms)} / {F1(Http.Create.P99Ms)}", "", ""),
            ("POST …/confirm p50 / p99 ms", $"{F1(Http.Confirm.P50Ms)} / {F1(Http.Confirm.P99Ms)}", "", ""),
            ("create + confirm p50 / p99 ms", $"{F1(Http.CreateAndConfirm.P50Ms)} / {F1(Http.CreateAndConfirm.P99Ms)}", "", ""),
            ("errors in window", BookingThroughputBench.Errors(Http.ErrorsInWindow), "none", Http.ErrorsInWindow.Count == 0 ? "met" : "MISSED"),
            ("CPU cores: server / postgres / bench / other", Cores(HttpCpu), $"of {Environment.ProcessorCount}", ""),
            ("commits per confirmed booking", F2(HttpDb.Commits / (double)Math.Max(1, Http.ConfirmedInWindow)), "", ""),
            ("WAL flushes per commit", F2(HttpDb.WalSyncs / (double)Math.Max(1, HttpDb.Commits)), "", ""),
        };
        foreach (var s in Statements ?? []) rows.Add(($"SQL round trips: {s.Request}", $"{s.RoundTrips} ({s.Statements} statements, {F2(s.ServerMs)} ms in PostgreSQL)", "", ""));
        if (Store is not null) rows.Add(("store in-process confirmed/s", F0(Store.ConfirmedPerSecond), "", ""));
        if (StoreCpu is not null) rows.Add(("  CPU cores: server / postgres / bench / other", Cores(StoreCpu), "", ""));
        rows.Add(("invariant (held = Σ live legs ≤ capacity; 201s stored)", Invariant.Passed ? $"passed ({Invariant.Departures} departures, {Invariant.StoredBookings} bookings)" : "FAILED", "passed", Invariant.Passed ? "met" : "MISSED"));
        if (PgBench is not null)
        {
            rows.Add(($"pgbench tpcb-like TPS (-c {PgBench.Clients} -j {PgBench.Threads} -s {PgBench.Scale})", F0(PgBench.Tps), "", ""));
            rows.Add(("Caravan confirmed/s ÷ pgbench TPS", F2(Ratio ?? double.NaN), "≥ 1.00", Ratio >= 1 ? "met" : "MISSED"));
        }
        foreach (var w in Wrk) rows.Add(($"wrk POST {w.Endpoint} req/s (p50 / p99 ms)", $"{F0(w.RequestsPerSecond)} ({F1(w.P50Ms)} / {F1(w.P99Ms)}), non-2xx {w.Non2xx}", "", ""));
        rows.Add(("load average start → end", $"{LoadAtStart} → {LoadAtEnd}", "", ""));

        int a = rows.Max(r => r.Figure.Length), b = rows.Max(r => r.Value.Length), c = rows.Max(r => r.Goal.Length);
        Console.WriteLine();
        foreach (var r in rows) Console.WriteLine($"{r.Figure.PadRight(a)}  {r.Value.PadRight(b)}  {r.Goal.PadRight(c)}  {r.Met}");
    }

    public void Write(string path)
    {
        var json = new
        {
            measuredAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", Inv),
            machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString(), loadAverageStart = LoadAtStart, loadAverageEnd = LoadAtEnd },
            setup = new
            {
                clients = Options.Clients, seconds = Options.Seconds, warmupSeconds = Options.WarmupSeconds, departures = Options.Departures,
                network = "default corridor network; DOS-AKT-KTZ departures from 2030-01-01 published at 1,000,000 TEU by the operator",
                booking = "1 × 20 ft Dostyk → Aktau, created and confirmed",
                clientPath = Options.ClientPath,
                postgres = "throwaway cluster, fsync=on, synchronous_commit=on, full_page_writes=on",
                serverConnectionOptions = DbOptions,
            },
            http = new
            {
                confirmedPerSecond = Math.Round(Http.ConfirmedPerSecond, 1),
                goalPerSecond = BookingBenchOptions.GoalConfirmedPerSecond,
                met = Http.ConfirmedPerSecond >= BookingBenchOptions.GoalConfirmedPerSecond,
                confirmed = Http.ConfirmedInWindow,
                created = Http.CreatedInWindow,
                createMs = Ms(Http.Create), confirmMs = Ms(Http.Confirm), createAndConfirmMs = Ms(Http.CreateAndConfirm),
                errorsInWindow = Http.ErrorsInWindow, errorsTotal = Http.ErrorsTotal,
                cpuCores = CpuJson(HttpCpu),
                database = DbJson(HttpDb, Http.ConfirmedInWindow),
            },
            statementsPerRequest = Statements?.Select(s => new { request = s.Request, roundTrips = s.RoundTrips, statementsExecuted = s.Statements, serverMs = s.ServerMs, statements = s.Texts }),
            storeInProcess = Store is null ? null : new
            {
                confirmedPerSecond = Math.Round(Store.ConfirmedPerSecond, 1), seconds = Store.Seconds,
                createMs = Ms(Store.Create), confirmMs = Ms(Store.Confirm), errors = Store.Errors,
                cpuCores = StoreCpu is null ? null : CpuJson(StoreCpu),
                database = StoreDb is null ? null : DbJson(StoreDb, Store.Confirmed),
            },
            invariant = new { passed = Invariant.Passed, departures = Invariant.Departures, storedBookings = Invariant.StoredBookings, answeredCreated = Invariant.AnsweredCreated, answeredConfirmed = Invariant.AnsweredConfirmed, problems = Invariant.Problems },
            pgbench = PgBench is null ? null : new { script = "tpcb-like (built-in)", scale = PgBench.Scale, clients = PgBench.Clients, threads = PgBench.Threads, seconds = PgBench.Seconds, tps = Math.Round(PgBench.Tps, 1), latencyAverageMs = PgBench.LatencyAverageMs, initSeconds = PgBench.InitSeconds },
            confirmedPerPgbenchTps = Ratio is { } r ? Math.Round(r, 3) : (double?)null,
            wrk = Wrk.Select(w => new { endpoint = "POST " + w.Endpoint, body = w.Body, threads = 2, connections = w.Connections, seconds = w.Seconds, requestsPerSecond = Math.Round(w.RequestsPerSecond, 1), p50Ms = w.P50Ms, p99Ms = w.P99Ms, requests = w.Requests, non2xx = w.Non2xx, socketErrors = w.SocketErrors }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    // A path with no confirm requests (one request per booking) has no confirm latencies: null, not NaN (not JSON).
    private static object? Ms(Latency l) => l.Runs == 0 ? null : new { count = l.Runs, p50 = Math.Round(l.P50Ms, 2), p99 = Math.Round(l.P99Ms, 2), mean = Math.Round(l.MeanMs, 2), max = Math.Round(l.MaxMs, 2) };

    private static object CpuJson(CpuUse c) => new { server = Math.Round(c.Server, 2), postgres = Math.Round(c.Postgres, 2), bench = Math.Round(c.Bench, 2), other = Math.Round(c.Other, 2), machine = Math.Round(c.Machine, 2) };

    private static object DbJson(PostgresCounters d, long confirmed) => new
    {
        commits = d.Commits, rollbacks = d.Rollbacks, commitsPerConfirmed = Math.Round(d.Commits / (double)Math.Max(1, confirmed), 2),
        rowsInsertedPerConfirmed = Math.Round(d.Inserted / (double)Math.Max(1, confirmed), 2), rowsUpdatedPerConfirmed = Math.Round(d.Updated / (double)Math.Max(1, confirmed), 2),
        walBytesPerConfirmed = Math.Round(d.WalBytes / (double)Math.Max(1, confirmed)), walFlushes = d.WalSyncs,
        commitsPerWalFlush = Math.Round(d.Commits / (double)Math.Max(1, d.WalSyncs), 2),
    };

    private static string Cores(CpuUse c) => string.Create(Inv, $"{c.Server:F2} / {c.Postgres:F2} / {c.Bench:F2} / {c.Other:F2}");
    private static string F0(double v) => v.ToString("N0", Inv);
    private static string F1(double v) => v.ToString("F1", Inv);
    private static string F2(double v) => v.ToString("F2", Inv);
}
