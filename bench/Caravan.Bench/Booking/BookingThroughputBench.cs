using System.Globalization;
using System.Net;
using Caravan.TestSupport;

namespace Caravan.Bench.Booking;

/// <summary>
/// Booking throughput of the HTTP service on PostgreSQL (issue 5 §5), all in one run: a throwaway PostgreSQL cluster
/// (fsync and synchronous_commit on) and a <c>caravan serve</c> process on it; N clients (64) booking and confirming
/// for S seconds (goal ≥ 2,000 confirmed bookings/s), with latencies, errors by status, the CPU each process used and
/// the database's commit and WAL counters; the statements behind one booking and one confirmation; the store called
/// in-process (its ceiling without HTTP); an invariant check in SQL (fails the run when broken); pgbench's built-in
/// workload on the same server; wrk on POST /plan and POST /quote. Prints a table, writes bench/results/booking.json.
/// Usage: booking [--clients 64] [--seconds 20] [--warmup 3] [--departures N] [--store-seconds 10] [--wrk-seconds 15]
/// [--pgbench-scale 10] [--db-options "Max Auto Prepare=20"] [--out FILE]. Traffic goes to 127.0.0.1 only.
/// </summary>
public static class BookingThroughputBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        string root = FindRepositoryRoot();
        var options = BookingBenchOptions.Parse(args, root);
        int dbOptionsAt = Array.IndexOf(args, "--db-options");
        string? dbOptions = dbOptionsAt >= 0 && dbOptionsAt + 1 < args.Length ? args[dbOptionsAt + 1] : null;
        string loadAtStart = LoadAverage();
        Console.WriteLine($"booking ({options.ClientPath}): {options.Clients} clients, {options.Seconds:F0} s (+{options.WarmupSeconds:F0} s warm-up), {options.Departures} departures; load average {loadAtStart}");

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            string database = await postgres.CreateDatabaseAsync("booking_bench");
            // The server's own connection string may carry Npgsql options to try (e.g. prepared statements); the
            // checks and counters use the plain one.
            string serverDatabase = dbOptions is null ? database : database.TrimEnd(';') + ";" + dbOptions;
            using var serve = await CaravanServeProcess.StartAsync(serverDatabase);
            Console.WriteLine($"caravan serve (pid {serve.ProcessId}) on {serve.BaseUrl}; PostgreSQL {(postgres.IsThrowaway ? "throwaway cluster" : "from " + PostgresServer.EnvironmentVariable)}");

            var setup = await BookingSetup.CreateAsync(serve.BaseUrl, serve.AdminKey, options.Departures);
            var meter = new CpuMeter(() => serve.CpuTime, await PostgresCounters.PostmasterPidAsync(database));

            // The HTTP load, with CPU and database counters sampled at the edges of the measured window.
            var edges = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
                var (cpu0, db0) = (meter.Sample(), await PostgresCounters.ReadAsync(database));
                await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
                var (cpu1, db1) = (meter.Sample(), await PostgresCounters.ReadAsync(database));
                return (Cpu: CpuUse.Between(cpu0, cpu1), Db: db1.Minus(db0));
            });
            var load = await BookingLoad.RunAsync(serve.BaseUrl, setup, options.Clients, options.WarmupSeconds, options.Seconds, options.TwoRequests);
            var (httpCpu, httpDb) = await edges;
            Console.WriteLine(string.Create(Inv, $"http: {load.ConfirmedPerSecond:F0} confirmed/s; create p50 {load.Create.P50Ms:F1} ms p99 {load.Create.P99Ms:F1} ms; confirm p50 {load.Confirm.P50Ms:F1} ms p99 {load.Confirm.P99Ms:F1} ms; errors {Errors(load.ErrorsTotal)}"));

            var probe = postgres.IsThrowaway ? await StatementProbe.RunAsync(database, serve.BaseUrl, setup) : null;

            StoreLoadResult? store = null;
            CpuUse? storeCpu = null;
            PostgresCounters? storeDb = null;
            if (options.StoreSeconds > 0 && load.CreatedIds.Count > 0)
            {
                await using var reader = Caravan.Storage.CaravanStore.Open(database);
                var template = (await reader.FindBookingAsync(load.CreatedIds[0]))!;
                var (cpu0, db0) = (meter.Sample(), await PostgresCounters.ReadAsync(database));
                store = await StoreLoad.RunAsync(serverDatabase, setup, template, options.Clients, options.StoreSeconds, options.TwoRequests, async () =>
                {
                    var (cpu1, db1) = (meter.Sample(), await PostgresCounters.ReadAsync(database));
                    (storeCpu, storeDb) = (CpuUse.Between(cpu0, cpu1), db1.Minus(db0));
                });
                Console.WriteLine(string.Create(Inv, $"store in-process: {store.ConfirmedPerSecond:F0} confirmed/s; create p50 {store.Create.P50Ms:F1} ms; confirm p50 {store.Confirm.P50Ms:F1} ms"));
            }

            var invariant = await InvariantCheck.RunAsync(database, [.. load.CreatedIds, .. store?.CreatedIds ?? []], load.ConfirmedIds);
            Console.WriteLine($"invariant: {(invariant.Passed ? "passed" : "FAILED")} over {invariant.Departures} departures and {invariant.StoredBookings} bookings");
            foreach (var p in invariant.Problems) Console.WriteLine("  " + p);

            PgBenchResult? pgbench = null;
            if (options.PgbenchScale > 0)
            {
                pgbench = await PgBenchRun.RunAsync(await postgres.CreateDatabaseAsync("pgbench"), options.PgbenchScale, options.Clients, options.Seconds);
                Console.WriteLine(string.Create(Inv, $"pgbench: {pgbench.Tps:F0} tps (scale {pgbench.Scale}, {pgbench.Clients} clients, latency avg {pgbench.LatencyAverageMs:F1} ms)"));
            }

            var wrk = new List<WrkResult>();
            // Without wrk the booking figures above still stand; only the /plan and /quote rows are missing.
            if (options.WrkSeconds > 0 && ExternalTools.Find("wrk") is null)
                Console.WriteLine("wrk: not found (apt-get install wrk); POST /plan and /quote not measured");
            else if (options.WrkSeconds > 0)
            {
                string script = Path.Combine(root, "bench", "booking", "post.lua");
                const string plan = """{"from":"Xian","to":"Baku","cargo":{"containers40":2},"readyTime":"2030-01-07T08:00"}""";
                using var check = BookingSetup.Client(serve.BaseUrl, setup.ShipperKey);
                foreach (string endpoint in new[] { "/plan", "/quote" })
                {
                    // One request first, so that wrk measures answers and not errors.
                    await BookingSetup.Json(await check.PostAsync(endpoint, new StringContent(plan, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.OK);
                    var r = await WrkRun.RunAsync(serve.BaseUrl, endpoint, setup.ShipperKey, plan, script, options.Clients, options.WrkSeconds);
                    wrk.Add(r);
                    Console.WriteLine(string.Create(Inv, $"wrk {endpoint}: {r.RequestsPerSecond:F0} req/s, p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, non-2xx {r.Non2xx}"));
                }
            }

            string loadAtEnd = LoadAverage();
            var report = new BookingReport(options, dbOptions, loadAtStart, loadAtEnd, load, httpCpu, httpDb, probe, store, storeCpu, storeDb, invariant, pgbench, wrk);
            report.PrintTable();
            report.Write(options.Output);
            Console.WriteLine($"wrote {options.Output}");
            return invariant.Passed ? 0 : 1;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    internal static string Errors(IReadOnlyDictionary<string, long> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
