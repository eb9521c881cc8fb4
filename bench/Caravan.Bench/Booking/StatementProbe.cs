using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Caravan.Bench.Booking;

/// <summary>The SQL one request made: statements executed (each one round trip) and the server time they took.</summary>
/// <remarks>
/// Npgsql does not send BEGIN, nor the DISCARD ALL that resets a pooled connection, on their own: it puts them in
/// front of the next command, so they cost PostgreSQL work but no round trip of their own.
/// </remarks>
internal sealed record RequestStatements(string Request, int Statements, double ServerMs, IReadOnlyList<string> Texts)
{
    public int RoundTrips => Texts.Count(t => !t.StartsWith("DISCARD ALL", StringComparison.Ordinal) && !t.StartsWith("BEGIN", StringComparison.Ordinal));
}

/// <summary>
/// Counts the statements behind one POST /bookings and one POST /bookings/{id}/confirm when nothing else runs: turns
/// on log_min_duration_statement = 0 (ALTER SYSTEM + reload, superuser), brackets each request with a marker query,
/// reads the throwaway cluster's log (server.log beside its data directory) and turns the setting off again. Npgsql
/// sends each command as parse/bind/execute in one round trip (BEGIN rides with the first), so the executes between
/// two markers are the round trips of that request, authentication's included.
/// </summary>
internal static partial class StatementProbe
{
    public static async Task<IReadOnlyList<RequestStatements>?> RunAsync(string database, string baseUrl, BookingSetup setup)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        string dataDirectory = (string)(await Scalar(connection, "SHOW data_directory"))!;
        string log = Path.Combine(Path.GetDirectoryName(dataDirectory.TrimEnd('/'))!, "server.log");
        if (!File.Exists(log)) return null;

        await Scalar(connection, "ALTER SYSTEM SET log_min_duration_statement = 0");
        await Scalar(connection, "SELECT pg_reload_conf()");
        await Task.Delay(500);
        var steps = new List<string>();
        try
        {
            using var client = BookingSetup.Client(baseUrl, setup.ShipperKey);
            // Twice: the first pair may find a pooled connection to be reset; the second is the steady state.
            for (int round = 0; round < 2; round++)
            {
                await Marker(connection, $"create{round}");
                using var create = new HttpRequestMessage(HttpMethod.Post, "/bookings")
                {
                    Content = new StringContent(BookingSetup.Body(setup.DepartureTimes[0], $"probe-{round}"), Encoding.UTF8, "application/json"),
                };
                create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var created = await BookingSetup.Json(await client.SendAsync(create), HttpStatusCode.Created);
                await Marker(connection, $"confirm{round}");
                await BookingSetup.Json(await client.PostAsync($"/bookings/{created.GetProperty("id").GetString()}/confirm", null), HttpStatusCode.OK);
                await Marker(connection, $"end{round}");
                using var createConfirmed = new HttpRequestMessage(HttpMethod.Post, "/bookings")
                {
                    Content = new StringContent(BookingSetup.Body(setup.DepartureTimes[0], $"probe-one-{round}", confirm: true), Encoding.UTF8, "application/json"),
                };
                createConfirmed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                await BookingSetup.Json(await client.SendAsync(createConfirmed), HttpStatusCode.Created);
                await Marker(connection, $"one{round}");
            }
        }
        finally
        {
            await Scalar(connection, "ALTER SYSTEM RESET log_min_duration_statement");
            await Scalar(connection, "SELECT pg_reload_conf()");
        }
        await Task.Delay(300);

        string[] lines;
        using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
            lines = (await reader.ReadToEndAsync()).Split('\n');
        return [Between(lines, "create1", "confirm1", "POST /bookings"), Between(lines, "confirm1", "end1", "POST /bookings/{id}/confirm"),
            Between(lines, "end1", "one1", "POST /bookings confirm:true")];
    }

    private static RequestStatements Between(string[] lines, string from, string to, string request)
    {
        int start = Array.FindLastIndex(lines, l => l.Contains($"caravan-bench-probe-{from}'", StringComparison.Ordinal));
        int end = Array.FindLastIndex(lines, l => l.Contains($"caravan-bench-probe-{to}'", StringComparison.Ordinal));
        var texts = new List<string>();
        double ms = 0;
        for (int i = start + 1; i < end && start >= 0; i++)
        {
            var m = Duration().Match(lines[i]);
            if (!m.Success) continue;
            ms += double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["phase"].Value is "execute" or "statement")
                texts.Add(Regex.Replace(m.Groups["sql"].Value, @"\s+", " ").Trim());
        }
        return new RequestStatements(request, texts.Count, Math.Round(ms, 3), texts);
    }

    private static async Task Marker(NpgsqlConnection connection, string name)
    {
        await Scalar(connection, $"SELECT 'caravan-bench-probe-{name}'");
        await Task.Delay(100);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // "… LOG:  duration: 0.052 ms  execute <unnamed>: SELECT …" (also parse, bind; "statement:" for simple queries).
    [GeneratedRegex(@"duration: (?<ms>[0-9.]+) ms\s+(?<phase>parse|bind|execute|statement)[^:]*:\s*(?<sql>.*)$")]
    private static partial Regex Duration();
}
