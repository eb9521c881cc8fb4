using Caravan.Storage.Tests.Contract;
using Caravan.Storage.Tests.Infrastructure;
using Caravan.TestSupport;

namespace Caravan.Storage.Tests;

/// <summary>The contract on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests
{
    protected override async Task<TestDatabase> NewDatabaseAsync() =>
        new PostgresTestDatabase(await server.CreateDatabaseAsync(nameof(PostgresStoreContractTests)));

    protected override int ConcurrentWriters => 64;
}
