using System.Globalization;

namespace Caravan.Bench.Booking;

/// <summary>CPU seconds used so far by the server, the PostgreSQL cluster, this process and the whole machine.</summary>
internal sealed record CpuSample(double Wall, double Server, double Postgres, double Bench, double MachineBusy, double MachineTotal);

/// <summary>CPU used by each party over a window, in cores (CPU seconds per wall second).</summary>
internal sealed record CpuUse(double Server, double Postgres, double Bench, double Machine, double Other)
{
    public static CpuUse Between(CpuSample a, CpuSample b)
    {
        double wall = b.Wall - a.Wall;
        double server = (b.Server - a.Server) / wall, postgres = (b.Postgres - a.Postgres) / wall, bench = (b.Bench - a.Bench) / wall;
        // /proc/stat counts every core: busy share of all cores × core count = cores busy.
        double machine = (b.MachineBusy - a.MachineBusy) / Math.Max(b.MachineTotal - a.MachineTotal, 1e-9) * Environment.ProcessorCount;
        return new CpuUse(server, postgres, bench, machine, Math.Max(0, machine - server - postgres - bench));
    }
}

/// <summary>
/// Reads /proc: utime + stime of the server process, of the postmaster and every process it forked (backends, WAL
/// writer, checkpointer…; only this cluster's, found by parent pid, so other PostgreSQL servers on the machine are not
/// counted), of this process, and the machine's busy time. Linux only; elsewhere the figures are NaN.
/// </summary>
internal sealed class CpuMeter(Func<TimeSpan> serverCpu, int postmasterPid)
{
    // USER_HZ: the unit of /proc/*/stat and /proc/stat times; 100 on every Linux the kernel ABI has shipped with.
    private const double TicksPerSecond = 100;
    private readonly System.Diagnostics.Stopwatch wall = System.Diagnostics.Stopwatch.StartNew();

    public CpuSample Sample()
    {
        var (busy, total) = MachineTicks();
        return new CpuSample(wall.Elapsed.TotalSeconds, serverCpu().TotalSeconds, ClusterTicks() / TicksPerSecond,
            System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, busy / TicksPerSecond, total / TicksPerSecond);
    }

    /// <summary>The parent pid of a process (to find the postmaster from a backend's pid).</summary>
    public static int ParentOf(int pid) => Stat(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : -1;

    private double ClusterTicks()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        double ticks = Ticks(Stat(postmasterPid));
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == postmasterPid) continue;
            var fields = Stat(pid);
            if (fields is not null && fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture)) ticks += Ticks(fields);
        }
        return ticks;
    }

    /// <summary>The fields of /proc/PID/stat after "(comm)": [0] state, [1] ppid, … [11] utime, [12] stime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            string text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static double Ticks(string[]? fields) =>
        fields is null ? 0 : double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);

    private static (double Busy, double Total) MachineTicks()
    {
        if (!OperatingSystem.IsLinux()) return (double.NaN, double.NaN);
        // cpu  user nice system idle iowait irq softirq steal …
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        double total = parts.Sum();
        return (total - parts[3] - parts[4], total);
    }
}
