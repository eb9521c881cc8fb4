using Npgsql;

namespace Caravan.TestSupport.Soak;

/// <summary>What the database holds after the soak, checked against what the clients were told.</summary>
public sealed record SoakCheckResult(int Departures, long StoredBookings, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Checks in raw SQL, independently of the store's code (as bench/Caravan.Bench/Booking/InvariantCheck.cs does):
/// on every departure and voyage, what is held equals the sum over the legs of its bookings that are not cancelled,
/// unit by unit, and does not exceed a binding capacity; every acknowledged booking is stored with the status it was
/// acknowledged in or a later one; and no booking request was made twice (one booking per client reference: a
/// retry that forgot its Idempotency-Key would make a second).
/// </summary>
public static class SoakCheck
{
    private const int MaxListed = 12;

    public static async Task<SoakCheckResult> RunAsync(string database, IReadOnlyDictionary<string, string> acknowledged)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var (departures, problems) = await CapacityInvariant.CheckAsync(connection);

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT id, status FROM bookings", connection))
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = reader.GetString(1);

        var missing = acknowledged.Keys.Where(id => !stored.ContainsKey(id)).ToList();
        if (missing.Count > 0) problems.Add($"{missing.Count} of {acknowledged.Count} acknowledged bookings are not stored, e.g. {string.Join(", ", missing.Take(3))}");
        var behind = acknowledged.Where(a => stored.TryGetValue(a.Key, out var s) && SoakLedger.Rank(s) < SoakLedger.Rank(a.Value)).ToList();
        if (behind.Count > 0)
            problems.Add($"{behind.Count} bookings are stored in an earlier status than acknowledged, e.g. " +
                string.Join(", ", behind.Take(3).Select(b => $"{b.Key} acknowledged {b.Value}, stored {stored[b.Key]}")));

        await using (var select = new NpgsqlCommand("""
            SELECT reference, COUNT(*) FROM bookings WHERE reference LIKE 'soak-%'
            GROUP BY reference HAVING COUNT(*) > 1 ORDER BY reference
            """, connection))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            var twice = new List<string>();
            while (await reader.ReadAsync()) twice.Add($"{reader.GetString(0)} × {reader.GetInt64(1)}");
            if (twice.Count > 0) problems.Add($"{twice.Count} booking requests were booked more than once, e.g. {string.Join(", ", twice.Take(3))}");
        }

        if (problems.Count > MaxListed) problems = [.. problems.Take(MaxListed), $"… and {problems.Count - MaxListed} more"];
        return new SoakCheckResult(departures, stored.Count, problems);
    }
}
