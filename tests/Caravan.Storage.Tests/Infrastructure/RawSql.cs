using System.Data.Common;

namespace Caravan.Storage.Tests.Infrastructure;

/// <summary>Reads tables with the test's own SQL, so that checks do not go through the store's code.</summary>
public static class RawSql
{
    public static async Task<List<object?[]>> RowsAsync(this TestDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<long> LongAsync(this TestDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        var rows = await database.RowsAsync(sql, parameters);
        return Convert.ToInt64(Assert.Single(rows)[0]);
    }

    /// <summary>A departure's held quantities in millionths (teu, wagons, tonnes), read straight from the table.</summary>
    public static async Task<(long Teu, long Wagons, long Tonnes)> HeldMicroAsync(this TestDatabase database, string departureId)
    {
        var rows = await database.RowsAsync(
            "SELECT held_teu_micro, held_wagons_micro, held_tonnes_micro FROM departures WHERE id = @id", ("@id", departureId));
        if (rows.Count == 0) return (0, 0, 0);
        var row = Assert.Single(rows);
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]), Convert.ToInt64(row[2]));
    }
}
