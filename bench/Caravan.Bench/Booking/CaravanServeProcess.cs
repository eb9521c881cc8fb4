using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Caravan.Bench.Booking;

/// <summary>
/// <c>caravan serve</c> as a separate process on 127.0.0.1 (a free port): the CLI built with this project
/// (caravan.dll, copied beside the bench because the bench references the CLI) run with <c>dotnet</c>, on the
/// default network. It is what an operator would run, so its CPU time can be measured apart from the load generator's.
/// </summary>
internal sealed partial class CaravanServeProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private CaravanServeProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => process.Id;

    /// <summary>User + system CPU the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get { process.Refresh(); return process.TotalProcessorTime; }
    }

    public string Output => string.Join('\n', lines);

    /// <summary>The bootstrap admin key the server printed on the empty store.</summary>
    public string AdminKey => AdminKeyLine().Match(Output) is { Success: true } m ? m.Groups["key"].Value
        : throw new InvalidOperationException("caravan serve printed no admin key:\n" + Output);

    public static async Task<CaravanServeProcess> StartAsync(string database)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "caravan.dll");
        if (!File.Exists(cli)) throw new FileNotFoundException("The built CLI is not beside the bench.", cli);
        string baseUrl = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { cli, "serve", "--urls", baseUrl, "--db", database }) info.ArgumentList.Add(arg);
        // Release server settings as deployed: no Development environment (its exception pages and logging differ).
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var serve = new CaravanServeProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) serve.lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) serve.lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!serve.Output.Contains("Caravan API on", StringComparison.Ordinal))
        {
            if (process.HasExited) throw new InvalidOperationException($"caravan serve exited with {process.ExitCode}:\n{serve.Output}");
            if (DateTime.UtcNow > deadline) { serve.Dispose(); throw new TimeoutException("caravan serve did not start:\n" + serve.Output); }
            await Task.Delay(50);
        }
        return serve;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { /* already gone */ }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Admin API key \(shown once, keep it safe\): (?<key>\S+)")]
    private static partial Regex AdminKeyLine();
}
