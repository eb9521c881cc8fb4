using System.Diagnostics;
using System.Globalization;
using Caravan.Simulation;

namespace Caravan.Bench.Simulation;

/// <summary>
/// Throughput of the engine on the M/M/c queue (default M/M/2 at ρ = 0.9, 2,000,000 customers, one thread).
/// A plain stopwatch rather than BenchmarkDotNet: one run is seconds long, and bench/simulate-queue.sh needs
/// a single figure to set beside SimPy's. Usage: queue [--customers N] [--servers C] [--rho R] [--repeat K] [--breakdown]
/// </summary>
public static class QueueBench
{
    public static int Run(string[] args)
    {
        long customers = LongArg(args, "--customers", 2_000_000);
        int servers = (int)LongArg(args, "--servers", 2);
        double rho = DoubleArg(args, "--rho", 0.9);
        int repeat = (int)LongArg(args, "--repeat", 5);

        var options = new QueueOptions
        {
            Servers = servers,
            ServiceRate = 1,
            ArrivalRate = rho * servers,
            Customers = customers,
            WarmupCustomers = customers / 10,
            Seed = 42,
        };

        // Warm the JIT: after 30 calls tiered compilation recompiles Simulator.Run itself (not just its loop via
        // on-stack replacement) with the profile it gathered, which lets it devirtualise the event dispatch.
        // Call counting starts only once the JIT has been idle for a moment, hence two rounds with pauses.
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < 40; i++) MmcQueue.Run(options with { Customers = 20_000, WarmupCustomers = 0 });
            Thread.Sleep(300);
        }

        // Wall-clock rate is the headline; the CPU-time rate is printed too because on a shared machine other
        // processes can take the core away mid-run, which the wall clock counts and the CPU clock does not.
        var rates = new List<double>();
        var cpuRates = new List<double>();
        QueueResult last = null!;
        double lastSeconds = 0;
        long allocatedBytes = 0;
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            last = MmcQueue.Run(options with { Seed = 42 + i });
            lastSeconds = clock.Elapsed.TotalSeconds;
            allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            rates.Add(last.Customers / lastSeconds);
            cpuRates.Add(last.Customers / Math.Max(cpuSeconds, 1e-9));
        }
        rates.Sort();
        cpuRates.Sort();
        double median = rates[rates.Count / 2];
        double theory = QueueTheory.MmcMeanWait(servers, options.ArrivalRate, options.ServiceRate);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M/M/{servers} rho={rho} customers={customers} events={last.Events} runs={repeat}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"meanWait={last.MeanWait:F4} (theory {theory:F4}, ±{last.MeanWaitHalfWidth:F4}) utilisation={last.Utilisation:F4} seconds={lastSeconds:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"caravan_customers_per_second={median:F0} (min {rates[0]:F0}, max {rates[^1]:F0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"caravan_customers_per_cpu_second={cpuRates[cpuRates.Count / 2]:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated_bytes_per_run={allocatedBytes} ({(double)allocatedBytes / customers:F3} per customer: set-up and queue growth only)"));

        if (args.Contains("--breakdown")) Breakdown(options);
        return 0;
    }

    /// <summary>
    /// Where a customer's time goes: the same number of draws, heap operations and tallies in isolation.
    /// Each piece runs in 50 chunks so tiered compilation has promoted it before the measured chunks.
    /// </summary>
    private static void Breakdown(QueueOptions options)
    {
        long n = options.Customers;
        var rng = RandomStream.Create(1);
        var calendar = new EventCalendar<SimEvent>();
        calendar.Schedule(0, default);
        calendar.Schedule(0.5, default);
        var batches = new BatchMeans();
        var level = new TimeWeighted();

        Measure("2 exponential draws (ziggurat)", n, chunk => { double s = 0; for (long i = 0; i < 2 * chunk; i++) s += rng.StandardExponential(); return s; });
        Measure("2 exponential draws (inverse, log)", n, chunk => { double s = 0; for (long i = 0; i < 2 * chunk; i++) s += rng.ExponentialInverse(1.0); return s; });
        Measure("2 calendar pop+push (+2 uniforms)", n, chunk =>
        {
            for (long i = 0; i < 2 * chunk; i++)
            {
                SimEvent e = calendar.Pop(out double t);
                calendar.Schedule(t + rng.NextDouble(), e);
            }
            return calendar.Count;
        });
        Measure("batch means + 3 time-weighted updates", n, chunk =>
        {
            double t = 0;
            for (long i = 0; i < chunk; i++)
            {
                batches.Add(i & 7);
                level.Update(t += 0.5, i & 3);
                level.Update(t += 0.5, i & 5);
                level.Update(t += 0.5, i & 1);
            }
            return batches.Count;
        });
    }

    private static void Measure(string what, long customers, Func<long, double> work)
    {
        const int chunks = 50, warm = 30;
        long chunk = Math.Max(1, customers / chunks);
        double sink = 0;
        for (int i = 0; i < warm; i++) sink += work(chunk / 10);
        Thread.Sleep(100);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < chunks; i++) sink += work(chunk);
        Report(what, sw, chunk * chunks, sink);
    }

    private static void Report(string what, Stopwatch sw, long customers, double sink) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-36} {sw.Elapsed.TotalMilliseconds * 1e6 / customers,7:F1} ns per customer (sink {sink:G3})"));

    private static long LongArg(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double DoubleArg(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
