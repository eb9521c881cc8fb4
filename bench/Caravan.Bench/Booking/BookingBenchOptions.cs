using System.Globalization;

namespace Caravan.Bench.Booking;

/// <summary>
/// Options of <c>booking</c>: --clients N (64), --seconds S (20, the measured booking window and the pgbench run),
/// --warmup S (3, booking load not counted), --departures D (as many as clients: each client books its own departure,
/// so clients never wait on each other's row lock; fewer makes them share), --store-seconds S (10, the store called
/// in-process; 0 skips), --wrk-seconds S (15 per endpoint; 0 skips), --pgbench-scale N (10; 0 skips pgbench),
/// --out FILE (bench/results/booking.json), --two-requests (book, then confirm in a second request, instead of the
/// fastest documented path: one POST /bookings with "confirm": true).
/// </summary>
internal sealed record BookingBenchOptions(
    int Clients, double Seconds, double WarmupSeconds, int Departures, double StoreSeconds,
    double WrkSeconds, int PgbenchScale, string Output)
{
    /// <summary>Create and confirm in two requests (the path before "confirm": true existed) rather than one.</summary>
    public bool TwoRequests { get; init; }

    /// <summary>What one booking of the load is, for the report.</summary>
    public string ClientPath => TwoRequests
        ? "POST /bookings (Idempotency-Key), then POST /bookings/{id}/confirm"
        : "POST /bookings with \"confirm\": true (Idempotency-Key): created and confirmed in one request";

    /// <summary>The goal of issue 5 §5: confirmed bookings per second over HTTP on PostgreSQL.</summary>
    public const double GoalConfirmedPerSecond = 2000;

    public static BookingBenchOptions Parse(string[] args, string repositoryRoot)
    {
        int clients = Int(args, "--clients") ?? 64;
        return new BookingBenchOptions(
            clients,
            Double(args, "--seconds") ?? 20,
            Double(args, "--warmup") ?? 3,
            Int(args, "--departures") ?? clients,
            Double(args, "--store-seconds") ?? 10,
            Double(args, "--wrk-seconds") ?? 15,
            Int(args, "--pgbench-scale") ?? 10,
            Arg(args, "--out") ?? Path.Combine(repositoryRoot, "bench", "results", "booking.json"))
        {
            TwoRequests = args.Contains("--two-requests"),
        };
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int? Int(string[] args, string name) => Arg(args, name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    private static double? Double(string[] args, string name) => Arg(args, name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : null;
}
