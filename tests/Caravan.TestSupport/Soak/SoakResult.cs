using System.Globalization;
using System.Text;

namespace Caravan.TestSupport.Soak;

/// <summary>One process behind a server slot: when it ran (seconds from the start of the load) and its memory.</summary>
public sealed class SoakLife
{
    public required string Server { get; init; }
    public required int Pid { get; init; }
    public required double StartedAtSeconds { get; init; }
    public double? EndedAtSeconds { get; set; }
    public bool Killed { get; set; }

    /// <summary>Answers other than 5xx this process gave.</summary>
    public long Answered { get; set; }

    /// <summary>VmRSS at the first sample after warm-up: the baseline for "flat".</summary>
    public long? RssAfterWarmupBytes { get; set; }

    /// <summary>VmRSS at the last sample: at the end of the load, or just before the kill.</summary>
    public long? RssEndBytes { get; set; }

    public long? RssPeakBytes { get; set; }

    /// <summary>The end is within <see cref="SoakOptions.RssGrowthFactor"/> × baseline + <see cref="SoakOptions.RssSlackBytes"/>.</summary>
    public bool? Flat => RssAfterWarmupBytes is { } start && RssEndBytes is { } end
        ? end <= start * SoakOptions.RssGrowthFactor + SoakOptions.RssSlackBytes : null;

    internal void Observe(long bytes, double now, double warmupSeconds)
    {
        RssPeakBytes = Math.Max(RssPeakBytes ?? 0, bytes);
        RssEndBytes = bytes;
        if (RssAfterWarmupBytes is null && now >= StartedAtSeconds + warmupSeconds) RssAfterWarmupBytes = bytes;
    }
}

/// <summary>One SIGKILL: when, which server, and how long its new process took to answer again.</summary>
public sealed record SoakKill(double AtSeconds, string Server, int Pid, double RestartSeconds);

/// <summary>A server's counts, for the report.</summary>
public sealed record SoakServerFigures(long Requests, long ServerErrors, long FailedByKill, long FailedUnexpectedly);

/// <summary>Everything a soak measured and found; <see cref="Passed"/> when <see cref="Problems"/> is empty.</summary>
public sealed record SoakResult(
    int Clients,
    double LoadSeconds,
    double KillEverySeconds,
    double WarmupSeconds,
    string KillMode,
    double Seconds,
    IReadOnlyList<SoakKill> Kills,
    int AcknowledgedBookings,
    IReadOnlyDictionary<string, int> AcknowledgedByStatus,
    IReadOnlyDictionary<string, long> Answers,
    IReadOnlyDictionary<string, SoakServerFigures> Servers,
    IReadOnlyList<SoakLife> Lives,
    SoakLife? Survivor,
    SoakCheckResult Check,
    IReadOnlyList<string> FailureSamples,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    public long ServerErrors => Servers.Values.Sum(s => s.ServerErrors);

    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv, $"soak: {Clients} clients on 2 servers for {Seconds:F0} s, {Kills.Count} kills ({KillMode}, every {KillEverySeconds:F0} s)"));
        foreach (var k in Kills) text.AppendLine(string.Create(inv, $"  kill at {k.AtSeconds,6:F1} s: {k.Server} (pid {k.Pid}), answering again after {k.RestartSeconds:F1} s"));
        text.AppendLine($"acknowledged bookings: {AcknowledgedBookings} ({string.Join(", ", AcknowledgedByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"))})");
        text.AppendLine($"answers: {string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"))}");
        foreach (var (name, s) in Servers.OrderBy(s => s.Key, StringComparer.Ordinal))
            text.AppendLine($"server {name}: {s.Requests} requests, {s.ServerErrors} 5xx, {s.FailedByKill} failed by a kill, {s.FailedUnexpectedly} failed otherwise");
        foreach (var life in Lives)
            text.AppendLine(string.Create(inv, $"  {life.Server} pid {life.Pid} {life.StartedAtSeconds:F0}–{life.EndedAtSeconds:F0} s{(life.Killed ? " killed" : "")}: {life.Answered} answers, RSS after warm-up {Mb(life.RssAfterWarmupBytes)}, end {Mb(life.RssEndBytes)}, peak {Mb(life.RssPeakBytes)}"));
        if (Survivor is { } v)
            text.AppendLine(string.Create(inv, $"survivor {v.Server} (pid {v.Pid}): RSS {Mb(v.RssAfterWarmupBytes)} after warm-up → {Mb(v.RssEndBytes)} at the end ({(v.Flat == true ? "flat" : "NOT flat")}: limit ×{SoakOptions.RssGrowthFactor} + {SoakOptions.RssSlackBytes / 1048576} MB)"));
        text.AppendLine($"database: {Check.StoredBookings} bookings stored, {Check.Departures} departures and voyages checked");
        foreach (var f in FailureSamples) text.AppendLine("  sample: " + f);
        text.Append(Passed ? "PASSED" : "FAILED:\n  " + string.Join("\n  ", Problems));
        return text.ToString();
    }

    private static string Mb(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:F0} MB") : "n/a";
}
