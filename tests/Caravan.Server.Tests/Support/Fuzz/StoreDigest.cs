using System.Data.Common;
using Caravan.Storage;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>
/// A cheap fingerprint of everything a request could write: row counts of every table, revoked keys, booking
/// statuses, and the sums of capacity and holds on departures. One round trip on a connection kept open, so it
/// can be taken after every request; two equal digests mean nothing was written in between.
/// </summary>
internal sealed class StoreDigest : IAsyncDisposable
{
    private const string Query = """
        SELECT
          (SELECT COUNT(*) FROM organisations),
          (SELECT COUNT(*) FROM organisation_carriers),
          (SELECT COUNT(*) FROM api_keys),
          (SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NOT NULL),
          (SELECT COUNT(*) FROM bookings),
          (SELECT COUNT(*) FROM bookings WHERE status = 'confirmed'),
          (SELECT COUNT(*) FROM bookings WHERE status = 'cancelled'),
          (SELECT COUNT(*) FROM booking_legs),
          (SELECT COUNT(*) FROM booking_events),
          (SELECT COUNT(*) FROM idempotency),
          (SELECT COUNT(*) FROM departures),
          (SELECT COALESCE(SUM(held_teu_micro), 0) FROM departures),
          (SELECT COALESCE(SUM(held_wagons_micro), 0) FROM departures),
          (SELECT COALESCE(SUM(held_tonnes_micro), 0) FROM departures),
          (SELECT COALESCE(SUM(capacity_teu_micro), 0) FROM departures),
          (SELECT COALESCE(SUM(capacity_wagons_micro), 0) FROM departures),
          (SELECT COALESCE(SUM(capacity_tonnes_micro), 0) FROM departures),
          (SELECT MAX(updated_at) FROM departures)
        """;

    private readonly DbConnection connection;
    private readonly DbCommand command;

    private StoreDigest(DbConnection connection)
    {
        this.connection = connection;
        command = connection.CreateCommand();
        command.CommandText = Query;
    }

    public static async Task<StoreDigest> OpenAsync(string database)
    {
        DbConnection connection = CaravanStore.KindOf(database) == CaravanStore.StoreKind.Postgres
            ? new Npgsql.NpgsqlConnection(database)
            : new Microsoft.Data.Sqlite.SqliteConnection(database);
        await connection.OpenAsync();
        return new StoreDigest(connection);
    }

    public async Task<string> TakeAsync()
    {
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Join("/", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async ValueTask DisposeAsync()
    {
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
