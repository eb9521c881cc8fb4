using System.Diagnostics;
using System.Globalization;

namespace Caravan.TestSupport.Soak;

/// <summary>
/// The soak of the service issue, shared by the test (short) and the bench (long): two <c>caravan serve</c> processes
/// on one PostgreSQL database, a mixed load from N clients on both, one server SIGKILLed and restarted on its port every
/// K seconds; then the database is checked against everything the clients were acknowledged, the 5xx and unexpected
/// failures are counted, and the survivor's memory is compared between warm-up and the end.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> RunAsync(string database, SoakOptions options)
    {
        var log = options.Log;
        var inv = CultureInfo.InvariantCulture;
        using var a = new SoakServer("A", database);
        using var b = new SoakServer("B", database);
        SoakServer[] servers = [a, b];
        // One after the other: the first makes the schema and the admin key; two at once on an empty store may both.
        await a.StartAsync();
        await b.StartAsync();
        log($"servers A (pid {a.ProcessId}) on {a.BaseUrl} and B (pid {b.ProcessId}) on {b.BaseUrl}");
        var setup = await SoakSetup.CreateAsync(a.BaseUrl, a.AdminKey, options);

        var ledger = new SoakLedger([a.Name, b.Name]);
        using var transport = new SoakTransport(servers, ledger);
        var clock = Stopwatch.StartNew();
        var lives = new List<SoakLife>();
        var current = new Dictionary<SoakServer, SoakLife>();
        var gate = new Lock();
        void Begin(SoakServer s)
        {
            var life = new SoakLife { Server = s.Name, Pid = s.ProcessId, StartedAtSeconds = clock.Elapsed.TotalSeconds };
            lock (gate) { lives.Add(life); current[s] = life; }
        }
        void Sample(SoakServer s)
        {
            SoakLife? life;
            lock (gate) life = current.GetValueOrDefault(s);
            if (life is not null && s.IsUp && s.ResidentBytes() is { } rss) life.Observe(rss, clock.Elapsed.TotalSeconds, options.WarmupSeconds);
        }
        void End(SoakLife life, SoakServer s, double at, bool killed)
        {
            life.EndedAtSeconds = at;
            life.Killed = killed;
            life.Answered = s.AnsweredByThisProcess;
            if (killed) current.Remove(s);
        }
        Begin(a);
        Begin(b);

        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, options.Clients)
            .Select(i => Task.Run(() => new SoakClient(i, options.Seed, setup, transport, ledger, options.CarelessRetries).RunAsync(stop.Token)))
            .ToList();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var s in servers) Sample(s);
                try { await Task.Delay(500, stop.Token); } catch (OperationCanceledException) { }
            }
        });

        var kills = new List<SoakKill>();
        double lastReady = 0;
        for (int k = 1; ; k++)
        {
            // On schedule, but never before the last restarted server has served for half an interval: a restart
            // under load can take many seconds, and a server killed as it comes back would test nothing.
            double due = Math.Max(k * options.KillEverySeconds, lastReady + options.KillEverySeconds / 2);
            if (due >= options.LoadSeconds) break;
            await UntilAsync(clock, due);
            var victim = options.KillMode == SoakKillMode.Second || k % 2 == 0 ? b : a;
            Sample(victim);
            int pid = victim.ProcessId;
            double at = clock.Elapsed.TotalSeconds;
            lock (gate) End(current[victim], victim, at, killed: true);
            victim.Kill();
            await victim.StartAsync();
            Begin(victim);
            lastReady = clock.Elapsed.TotalSeconds;
            kills.Add(new SoakKill(at, victim.Name, pid, lastReady - at));
            log(string.Create(inv, $"{at:F0} s: killed {victim.Name} (pid {pid}), back as pid {victim.ProcessId} after {kills[^1].RestartSeconds:F1} s; {ledger.Acknowledged.Count} bookings acknowledged so far"));
        }
        // A restart that ends late still gets a few seconds of load, to show the server serves again.
        await UntilAsync(clock, Math.Max(options.LoadSeconds, lastReady + 5));
        foreach (var s in servers) Sample(s);
        double end = clock.Elapsed.TotalSeconds;
        lock (gate) foreach (var (s, life) in current) End(life, s, end, killed: false);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        await sampler;
        log(string.Create(inv, $"load stopped after {end:F0} s; {ledger.Acknowledged.Count} bookings acknowledged; checking the database"));

        // Killed, not stopped: whatever was acknowledged must already be durable.
        foreach (var s in servers) s.Kill();
        var check = await SoakCheck.RunAsync(database, ledger.Acknowledged);
        return Result(options, end, kills, ledger, lives, check);
    }

    private static SoakResult Result(SoakOptions options, double seconds, List<SoakKill> kills, SoakLedger ledger, List<SoakLife> lives, SoakCheckResult check)
    {
        var figures = ledger.Servers.ToDictionary(s => s.Key,
            s => new SoakServerFigures(s.Value.Requests, s.Value.ServerErrors, s.Value.FailedByKill, s.Value.FailedUnexpectedly), StringComparer.Ordinal);
        var survivor = lives.Where(l => !l.Killed && l.RssAfterWarmupBytes is not null)
            .OrderBy(l => l.StartedAtSeconds).FirstOrDefault();

        var problems = new List<string>(check.Problems);
        foreach (var (name, f) in figures)
        {
            if (f.ServerErrors > 0) problems.Add($"server {name} answered {f.ServerErrors} times with a 5xx");
            if (f.FailedUnexpectedly > 0) problems.Add($"{f.FailedUnexpectedly} requests to server {name} failed while it was up");
        }
        long unexpected = ledger.Answers.Where(a => a.Key.EndsWith(" unexpected", StringComparison.Ordinal)).Sum(a => a.Value);
        if (unexpected > 0) problems.Add($"{unexpected} answers were not among those the operation may give");
        long gaveUp = ledger.Answers.Where(a => a.Key.EndsWith(" gave up", StringComparison.Ordinal)).Sum(a => a.Value);
        if (gaveUp > 0) problems.Add($"{gaveUp} requests got no answer from either server in {SoakTransport.GiveUpAfter.TotalSeconds:F0} s");
        if (kills.Count == 0) problems.Add("no server was killed: the load is shorter than the kill interval");
        if (ledger.Acknowledged.Count == 0) problems.Add("no booking was acknowledged");
        foreach (var life in lives.Where(l => l.StartedAtSeconds > 0 && l.Answered == 0))
            problems.Add($"server {life.Server} (pid {life.Pid}) answered nothing after its restart");
        if (survivor is null) problems.Add("no process lived through warm-up to the end: memory not judged");
        foreach (var life in lives.Where(l => !l.Killed && l.Flat == false))
            problems.Add($"server {life.Server} (pid {life.Pid}) grew from {life.RssAfterWarmupBytes / 1048576} MB after warm-up to {life.RssEndBytes / 1048576} MB");

        return new SoakResult(
            options.Clients, options.LoadSeconds, options.KillEverySeconds, options.WarmupSeconds, options.KillMode.ToString(), seconds, kills,
            ledger.Acknowledged.Count,
            ledger.Acknowledged.Values.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            new SortedDictionary<string, long>(ledger.Answers.ToDictionary(), StringComparer.Ordinal),
            figures, lives, survivor, check, [.. ledger.FailureSamples], problems);
    }

    private static async Task UntilAsync(Stopwatch clock, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (left > TimeSpan.Zero) await Task.Delay(left);
    }
}
