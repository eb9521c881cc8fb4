using Caravan.Storage.Relational;
using Npgsql;
using NodaTime;

namespace Caravan.Storage.Postgres;

/// <summary>
/// The production store: a pooled Npgsql data source over a database that several server processes share. Nothing
/// lives only in this process: capacity is checked and held by the database in the booking's transaction.
/// </summary>
public sealed class PostgresCaravanStore : RelationalCaravanStore
{
    private readonly NpgsqlDataSource dataSource;

    /// <param name="connection">An Npgsql connection string (<c>Host=…;Database=…</c>) or a <c>postgres://</c> URL.</param>
    public PostgresCaravanStore(string connection, IClock? clock = null)
        : this(NpgsqlDataSource.Create(PostgresConnection.ToConnectionString(connection)), clock ?? SystemClock.Instance) { }

    private PostgresCaravanStore(NpgsqlDataSource dataSource, IClock clock)
        : base(new PostgresDialect(dataSource), clock) => this.dataSource = dataSource;

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
