using Caravan.Storage;
using Microsoft.Extensions.Hosting;

namespace Caravan.Server.Hosting;

/// <summary>
/// Before the server takes requests: brings the store's schema up to date and, on a store with no organisation yet,
/// creates the admin organisation "Administrators" with one API key, printed once. The store keeps only the key's
/// hash, so that line is the only chance to copy it; with it the admin creates the other organisations and keys.
/// </summary>
internal sealed class StoreBootstrap(ICaravanStore store, ServerOptions options) : IHostedService
{
    public const string AdminOrganisationName = "Administrators";

    public async Task StartAsync(CancellationToken ct)
    {
        await store.MigrateAsync(ct);
        if ((await store.ListOrganisationsAsync(ct)).Count > 0) return;

        var admin = await store.CreateOrganisationAsync(new NewOrganisation(AdminOrganisationName, OrganisationRole.Admin, []), Actor.System, ct);
        var (key, secret) = await store.CreateApiKeyAsync(admin.Id, Actor.System, ct);
        var output = options.Output ?? Console.Out;
        output.WriteLine($"Created the admin organisation {admin.Id} ({AdminOrganisationName}) with API key {key.Id}.");
        output.WriteLine($"Admin API key (shown once, keep it safe): {secret}");
        output.Flush();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
