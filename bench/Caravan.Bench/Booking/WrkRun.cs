using System.Globalization;
using System.Text.RegularExpressions;

namespace Caravan.Bench.Booking;

/// <summary>What wrk measured on one endpoint.</summary>
internal sealed record WrkResult(string Endpoint, string Body, double Seconds, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors);

/// <summary>
/// wrk against a POST endpoint with bench/booking/post.lua (method, JSON body and API key set once per thread):
/// <c>wrk -t2 -cN -dS --latency -s post.lua URL -- KEY BODYFILE</c>.
/// </summary>
internal static partial class WrkRun
{
    public static async Task<WrkResult> RunAsync(string baseUrl, string endpoint, string key, string body, string script, int connections, double seconds)
    {
        string wrk = ExternalTools.Find("wrk") ?? throw new InvalidOperationException("wrk was not found (Debian/Ubuntu: apt-get install wrk).");
        string bodyFile = Path.Combine(Path.GetTempPath(), $"caravan-wrk-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bodyFile, body);
        try
        {
            string output = await ExternalTools.RunAsync(wrk,
                ["-t2", $"-c{connections}", $"-d{Math.Max(1, (int)Math.Round(seconds))}s", "--latency", "--timeout", "10s", "-s", script,
                 baseUrl + endpoint, "--", key, bodyFile]);
            return new WrkResult(endpoint, body, seconds, connections,
                Number(RequestsPerSecond(), output),
                Milliseconds(Percentile("50"), output),
                Milliseconds(Percentile("99"), output),
                (long)Number(Requests(), output),
                Non2xx().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                SocketErrors().Match(output) is { Success: true } s ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        }
        finally { File.Delete(bodyFile); }
    }

    private static double Number(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>wrk prints "1.23ms", "456.00us" or "1.02s".</summary>
    private static double Milliseconds(Regex regex, string output)
    {
        var m = regex.Match(output);
        if (!m.Success) return double.NaN;
        double value = double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
        return m.Groups["u"].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, "m" => value * 60_000, _ => double.NaN };
    }

    private static Regex Percentile(string p) => new($@"^\s+{p}%\s+(?<v>[0-9.]+)(?<u>us|ms|s|m)\s*$", RegexOptions.Multiline);

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: ([0-9]+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrors();
}
