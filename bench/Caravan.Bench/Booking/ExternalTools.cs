using System.Diagnostics;

namespace Caravan.Bench.Booking;

/// <summary>Runs a command-line tool and returns what it printed; a non-zero exit is an error that quotes its output.</summary>
internal static class ExternalTools
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time.");
        }
        string text = await output + "\n" + await error;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    /// <summary>A program on PATH, else under /usr/lib/postgresql/*/bin (the newest version) for PostgreSQL's tools.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : -1)
            .Select(d => Path.Combine(d, "bin", name))
            .FirstOrDefault(File.Exists);
    }
}
