using System.Globalization;
using Caravan.Cli.Rendering;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Simulation;

namespace Caravan.Cli.Simulation;

/// <summary>The `simulate queue` answer: what was simulated, what was measured and what theory says.</summary>
internal sealed record QueueReport(
    QueueModelJson Model,
    long Customers,
    long MeasuredCustomers,
    long Events,
    double MeanWait,
    double? MeanWaitHalfWidth,
    double? MeanWaitLower,
    double? MeanWaitUpper,
    int Batches,
    double MeanQueueLength,
    double? Utilisation,
    double MeanSystemTime,
    double SimulatedHours,
    double ElapsedSeconds,
    double CustomersPerSecond,
    QueueTheoryJson Theory)
{
    /// <summary>The report of a run; <paramref name="elapsedSeconds"/> is its wall-clock time, measured by the caller.</summary>
    public static QueueReport Of(QueueOptions options, QueueResult result, double elapsedSeconds)
    {
        double wq = QueueTheory.MeanWait(options, out bool exact);
        return new QueueReport(
            new QueueModelJson(options.Servers, options.ArrivalRate, options.ServiceRate,
                options.Service == ServiceKind.Exponential ? "exponential" : "deterministic",
                options.Seed, options.EffectiveWarmup, options.Utilisation, "hours"),
            result.Customers, result.MeasuredCustomers, result.Events,
            result.MeanWait, Finite(result.MeanWaitHalfWidth),
            Finite(result.MeanWait - result.MeanWaitHalfWidth), Finite(result.MeanWait + result.MeanWaitHalfWidth),
            result.Batches, result.MeanQueueLength, Finite(result.Utilisation), result.MeanSystemTime, result.SimulatedHours,
            elapsedSeconds, elapsedSeconds > 0 ? result.Customers / elapsedSeconds : 0,
            new QueueTheoryJson(
                wq,
                options.ArrivalRate * wq,        // Little's law: Lq = λ Wq
                options.Utilisation,             // ρ = λ/(cμ)
                wq + 1 / options.ServiceRate,    // W = Wq + 1/μ
                exact,
                exact ? (options.Service == ServiceKind.Exponential ? "Erlang C" : "Pollaczek–Khinchine") : "Allen–Cunneen approximation"));
    }

    // JSON has no NaN or infinity: a run too short for an interval (fewer than two batches) or for a
    // utilisation window (a single customer) reports null instead.
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    public static void Render(Page page, QueueReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = r.Model;
        string kind = m.Service == "exponential" ? "M/M" : "M/D";
        page.Text(
            $"{kind}/{m.Servers} queue: λ = {m.ArrivalRate.ToString("G6", inv)}/h, μ = {m.ServiceRate.ToString("G6", inv)}/h, ρ = {m.Rho.ToString("0.###", inv)}, " +
            $"seed {m.Seed}, {r.Customers.ToString("N0", inv)} customers ({m.WarmupCustomers.ToString("N0", inv)} warm-up)\n");
        page.Table(Measures(r));
        page.Text(
            $"\n{r.Events.ToString("N0", inv)} events in {r.ElapsedSeconds.ToString("0.000", inv)} s " +
            $"({r.CustomersPerSecond.ToString("N0", inv)} customers/s); CI by batch means over {r.Batches} batches.\n");
    }

    /// <summary>Simulated against theory, one measure a row (`simulate queue --format tsv`).</summary>
    internal static Sheet Measures(QueueReport r)
    {
        string F(double? x) => x is double v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
        Cell N(double? x) => Cell.Of(F(x), MachineFormats.Number(x));
        return new Sheet(
                Column.Text("Measure", "measure").AsMain(),
                Column.Number("Simulated", "simulated"),
                Column.Number("95% CI", "ci95_half_width").Droppable(1),
                Column.Number($"Theory ({r.Theory.Method})", "theory"))
            .Row(Cell.Of("Mean wait in queue Wq (h)", "mean_wait_h"), N(r.MeanWait), Cell.Of($"± {F(r.MeanWaitHalfWidth)}", MachineFormats.Number(r.MeanWaitHalfWidth)), N(r.Theory.MeanWait))
            .Row(Cell.Of("Mean number waiting Lq", "mean_queue_length"), N(r.MeanQueueLength), Cell.Of("", ""), N(r.Theory.MeanQueueLength))
            .Row(Cell.Of("Utilisation", "utilisation"), N(r.Utilisation), Cell.Of("", ""), N(r.Theory.Utilisation))
            .Row(Cell.Of("Mean time in system W (h)", "mean_system_time_h"), N(r.MeanSystemTime), Cell.Of("", ""), N(r.Theory.MeanSystemTime));
    }
}

internal sealed record QueueModelJson(int Servers, double ArrivalRate, double ServiceRate, string Service, long Seed, long WarmupCustomers, double Rho, string TimeUnit);

internal sealed record QueueTheoryJson(double MeanWait, double MeanQueueLength, double Utilisation, double MeanSystemTime, bool Exact, string Method);
