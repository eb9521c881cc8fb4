using Caravan.Storage.Tests.Contract;
using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests;

/// <summary>The contract on a real SQLite file in a temp directory.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override Task<TestDatabase> NewDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    /// <summary>SQLite has one writer at a time; a smaller crowd still makes every writer wait for the lock.</summary>
    protected override int ConcurrentWriters => 16;
}
