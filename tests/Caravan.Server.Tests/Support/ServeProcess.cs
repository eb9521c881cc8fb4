using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Caravan.Server.Tests.Support;

/// <summary>
/// `caravan serve` as a separate process: the built CLI (caravan.dll, copied beside the tests because this project
/// references the CLI) run with `dotnet`, so that a test can kill it (SIGKILL on Linux) the way a crash would.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public string BaseUrl { get; }

    private ServeProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>All the process has written to standard output and error so far.</summary>
    public string Output => string.Join('\n', _lines);

    public static async Task<ServeProcess> StartAsync(string database, int port)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "caravan.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { cli, "serve", "--urls", $"http://127.0.0.1:{port}", "--db", database, "--network", TestPaths.TinyNetwork })
            info.ArgumentList.Add(arg);
        // The clock is the real one here: the load books departures far enough ahead (2030) to stay in the future.
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var serve = new ServeProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) serve._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) serve._lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!serve.Output.Contains("Caravan API on", StringComparison.Ordinal))
        {
            if (process.HasExited) throw new InvalidOperationException($"caravan serve exited with {process.ExitCode}:\n{serve.Output}");
            if (DateTime.UtcNow > deadline) { serve.Dispose(); throw new TimeoutException("caravan serve did not start:\n" + serve.Output); }
            await Task.Delay(50);
        }
        return serve;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no disposing, as a power cut or the OOM killer would do it.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
