using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Caravan.TestSupport.Soak;

/// <summary>
/// One <c>caravan serve</c> slot of the soak: a fixed port on 127.0.0.1 and the process currently behind it (the built
/// CLI, caravan.dll, which the test and bench projects copy beside themselves by referencing the CLI). The soak kills
/// the process with SIGKILL and starts a new one on the same port; <see cref="Generation"/> tells a client whether the
/// server it talked to was killed or restarted while its request was out.
/// </summary>
public sealed partial class SoakServer : IDisposable
{
    private readonly string database;
    private Process? process;
    private ConcurrentQueue<string> lines = new();
    private int generation;
    private long answered;

    public SoakServer(string name, string database)
    {
        Name = name;
        this.database = database;
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>False from the moment the soak decides to kill this server until its next process answers.</summary>
    public bool IsUp { get; private set; }

    /// <summary>Changes when the server goes down and when it comes back, so a request can see it outlived its server.</summary>
    public int Generation => Volatile.Read(ref generation);

    public int ProcessId => process?.Id ?? 0;

    /// <summary>Answers (other than 5xx) the current process gave: a restarted server must serve again.</summary>
    public long AnsweredByThisProcess => Interlocked.Read(ref answered);

    internal void Answered() => Interlocked.Increment(ref answered);

    /// <summary>What the current process has written to standard output and error.</summary>
    public string Output => string.Join('\n', lines);

    public string AdminKey => AdminKeyLine().Match(Output) is { Success: true } m ? m.Groups["key"].Value
        : throw new InvalidOperationException($"{Name} printed no admin key:\n{Output}");

    public async Task StartAsync()
    {
        if (process is { HasExited: false }) throw new InvalidOperationException($"{Name} is already running.");
        string cli = Path.Combine(AppContext.BaseDirectory, "caravan.dll");
        if (!File.Exists(cli)) throw new FileNotFoundException("The built CLI is not beside this assembly (reference Caravan.Cli).", cli);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { cli, "serve", "--urls", BaseUrl.ToString().TrimEnd('/'), "--db", database }) info.ArgumentList.Add(arg);
        // As deployed: the Development environment's exception pages and logging would change what a 5xx looks like.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var started = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new ConcurrentQueue<string>();
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        (process, lines) = (started, output);
        Interlocked.Exchange(ref answered, 0);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!Output.Contains("Caravan API on", StringComparison.Ordinal))
        {
            if (started.HasExited) throw new InvalidOperationException($"{Name} exited with {started.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} did not start in 90 s:\n{Output}");
            await Task.Delay(50);
        }
        IsUp = true;
        Interlocked.Increment(ref generation);
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer would: no shutdown, no flushing, no disposing.</summary>
    public void Kill()
    {
        // Down first: a request that fails from here on failed because of the kill, not because of the server.
        IsUp = false;
        Interlocked.Increment(ref generation);
        if (process is null) return;
        try
        {
            process.Kill();
            process.WaitForExit();
        }
        catch (InvalidOperationException) { /* already gone */ }
        process.Dispose();
        process = null;
    }

    /// <summary>Resident set size of the current process in bytes (VmRSS of /proc/PID/status), or null when unknown.</summary>
    public long? ResidentBytes()
    {
        int pid = ProcessId;
        if (pid == 0) return null;
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    public void Dispose() => Kill();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Admin API key \(shown once, keep it safe\): (?<key>\S+)")]
    private static partial Regex AdminKeyLine();
}
