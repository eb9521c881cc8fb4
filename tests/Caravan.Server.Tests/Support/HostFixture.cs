namespace Caravan.Server.Tests.Support;

/// <summary>One server (SQLite) per test class; tests in a class use different departures so they do not interfere.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
