using Npgsql;

namespace Caravan.TestSupport;

/// <summary>
/// The booking store's invariant, checked with SQL of its own rather than the store's code: on every departure (and
/// voyage), each unit held equals that unit summed over the legs of its live bookings (held or confirmed: cancelled
/// and expired ones gave their capacity back), and does not exceed the capacity where one binds. Shared by the soak
/// and the booking benchmark.
/// </summary>
public static class CapacityInvariant
{
    /// <summary>How many departures were checked, and one line per broken unit.</summary>
    public static async Task<(int Departures, List<string> Problems)> CheckAsync(NpgsqlConnection connection)
    {
        var problems = new List<string>();
        int departures = 0;
        await using var select = new NpgsqlCommand("""
            WITH live AS (
                SELECT l.departure_id,
                       SUM(COALESCE(l.quantity_teu_micro, 0))    AS teu,
                       SUM(COALESCE(l.quantity_wagons_micro, 0)) AS wagons,
                       SUM(COALESCE(l.quantity_tonnes_micro, 0)) AS tonnes
                FROM booking_legs l JOIN bookings b ON b.id = l.booking_id
                WHERE b.status IN ('held', 'confirmed')
                GROUP BY l.departure_id)
            SELECT d.id,
                   d.held_teu_micro, d.held_wagons_micro, d.held_tonnes_micro,
                   COALESCE(live.teu, 0)::bigint, COALESCE(live.wagons, 0)::bigint, COALESCE(live.tonnes, 0)::bigint,
                   d.capacity_teu_micro, d.capacity_wagons_micro, d.capacity_tonnes_micro
            FROM departures d LEFT JOIN live ON live.departure_id = d.id
            ORDER BY d.id
            """, connection);
        await using var reader = await select.ExecuteReaderAsync();
        string[] units = ["teu", "wagons", "tonnes"];
        while (await reader.ReadAsync())
        {
            departures++;
            string id = reader.GetString(0);
            for (int u = 0; u < 3; u++)
            {
                long held = reader.GetInt64(1 + u), sum = reader.GetInt64(4 + u);
                long? capacity = reader.IsDBNull(7 + u) ? null : reader.GetInt64(7 + u);
                if (held != sum) problems.Add($"{id}: held {units[u]} {held} µ ≠ {sum} µ on its live bookings");
                if (capacity is { } c && held > c) problems.Add($"{id}: held {units[u]} {held} µ > capacity {c} µ");
            }
        }
        return (departures, problems);
    }
}
