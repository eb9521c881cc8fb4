using Caravan.TestSupport;
using Npgsql;

namespace Caravan.Bench.Booking;

/// <summary>The outcome of <see cref="InvariantCheck"/>: passed when <see cref="Problems"/> is empty.</summary>
internal sealed record InvariantResult(int Departures, long StoredBookings, long LiveBookings, int AnsweredCreated, int AnsweredConfirmed, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Checks with direct SQL, independently of the store's code: for every departure, each unit held equals the sum of
/// that unit over the legs of its bookings that are not cancelled, and does not exceed the capacity (where one binds);
/// every booking that was answered 201 is stored, and every one answered 200 to confirm is stored as confirmed.
/// </summary>
internal static class InvariantCheck
{
    private const int MaxListed = 10;

    public static async Task<InvariantResult> RunAsync(string database, IReadOnlyCollection<string> created, IReadOnlyCollection<string> confirmed)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var (departures, problems) = await CapacityInvariant.CheckAsync(connection);

        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT id, status FROM bookings", connection))
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync()) status[reader.GetString(0)] = reader.GetString(1);

        var missing = created.Where(id => !status.ContainsKey(id)).ToList();
        if (missing.Count > 0) problems.Add($"{missing.Count} bookings answered 201 are not stored, e.g. {string.Join(", ", missing.Take(3))}");
        var notConfirmed = confirmed.Where(id => status.GetValueOrDefault(id) != "confirmed").ToList();
        if (notConfirmed.Count > 0) problems.Add($"{notConfirmed.Count} bookings answered 200 to confirm are not stored as confirmed, e.g. {string.Join(", ", notConfirmed.Take(3))}");
        if (problems.Count > MaxListed) problems = [.. problems.Take(MaxListed), $"… and {problems.Count - MaxListed} more"];

        return new InvariantResult(departures, status.Count, status.Values.Count(s => s != "cancelled"), created.Count, confirmed.Count, problems);
    }
}
