using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Caravan.Bench.Booking;

/// <summary>pgbench's built-in TPC-B-like workload on the same PostgreSQL server, as a yardstick for the machine.</summary>
internal sealed record PgBenchResult(int Scale, int Clients, int Threads, double Seconds, double Tps, double LatencyAverageMs, double InitSeconds);

/// <summary>
/// <c>pgbench -i -s SCALE</c> into its own database, then <c>pgbench -c CLIENTS -j 2 -T SECONDS</c> (the built-in
/// tpcb-like script: 3 UPDATEs, 1 SELECT, 1 INSERT per transaction, each committed with fsync as configured).
/// </summary>
internal static partial class PgBenchRun
{
    public static async Task<PgBenchResult> RunAsync(string database, int scale, int clients, double seconds)
    {
        string pgbench = ExternalTools.Find("pgbench") ?? throw new InvalidOperationException("pgbench was not found (Debian/Ubuntu: apt-get install postgresql-contrib or postgresql-client).");
        var builder = new NpgsqlConnectionStringBuilder(database);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = builder.Host!, ["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username!, ["PGDATABASE"] = builder.Database!,
        };
        if (builder.Password is { } password) environment["PGPASSWORD"] = password;

        var init = System.Diagnostics.Stopwatch.StartNew();
        await ExternalTools.RunAsync(pgbench, ["-i", "-s", scale.ToString(CultureInfo.InvariantCulture), "-q"], environment);
        double initSeconds = init.Elapsed.TotalSeconds;
        int threads = Math.Min(2, clients);
        string output = await ExternalTools.RunAsync(pgbench,
            ["-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
             "-T", Math.Max(1, (int)Math.Round(seconds)).ToString(CultureInfo.InvariantCulture)], environment);
        var tps = Tps().Match(output);
        var latency = LatencyAverage().Match(output);
        if (!tps.Success) throw new InvalidOperationException("No tps in pgbench's output:\n" + output);
        return new PgBenchResult(scale, clients, threads, seconds,
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            Math.Round(initSeconds, 1));
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyAverage();
}
