using Caravan.TestSupport;

namespace Caravan.Storage.Tests.Infrastructure;

/// <summary>All PostgreSQL test classes share one server (started once, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
