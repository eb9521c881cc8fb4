using System.Data;
using System.Data.Common;
using NodaTime;

namespace Caravan.Storage.Relational;

/// <summary>Small ADO.NET helpers: a command bound to the transaction, typed parameters (typed so PostgreSQL can
/// infer a type for a NULL), and readers for nullable columns.</summary>
internal static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, long? value) => Add(command, name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, int value) => Add(command, name, DbType.Int32, value);

    public static DbCommand With(this DbCommand command, string name, decimal value) => Add(command, name, DbType.Decimal, value);

    public static DbCommand With(this DbCommand command, string name, byte[] value) => Add(command, name, DbType.Binary, value);

    public static DbCommand With(this DbCommand command, SqlDialect dialect, string name, Instant value)
    {
        dialect.AddInstant(command, name, SqlDialect.Truncate(value));
        return command;
    }

    public static DbCommand With(this DbCommand command, SqlDialect dialect, string name, Instant? value)
    {
        if (value is { } v) return command.With(dialect, name, v);
        dialect.AddNullInstant(command, name);
        return command;
    }

    public static Instant? NullableInstant(this DbDataReader reader, SqlDialect dialect, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadInstant(reader, ordinal);

    public static DbCommand WithActor(this DbCommand command, Actor actor) =>
        command.With("@actor_org", actor.OrganisationId).With("@actor_key", actor.KeyId);

    public static DbCommand WithMicro(this DbCommand command, string prefix, MicroCapacity value) =>
        command.With(prefix + "_teu", value.Teu).With(prefix + "_wagons", value.Wagons).With(prefix + "_tonnes", value.Tonnes);

    private static DbCommand Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static MicroCapacity Micro(this DbDataReader reader, int firstOrdinal) =>
        new(reader.NullableInt64(firstOrdinal), reader.NullableInt64(firstOrdinal + 1), reader.NullableInt64(firstOrdinal + 2));
}
