using Caravan.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caravan.Server.Hosting;

/// <summary>
/// Releases the capacity of holds past their expiry: every <see cref="ServerOptions.HoldSweepInterval"/>, batches of
/// <see cref="BatchSize"/> until none is due. Every server process runs one; the store lets them sweep the same
/// database at once without taking the same booking twice. Users never wait for it: a hold past its expiry reads as
/// expired and cannot be confirmed whether or not it has been swept.
/// </summary>
internal sealed class HoldExpirySweeper(ICaravanStore store, ServerOptions options, ILogger<HoldExpirySweeper> log) : BackgroundService
{
    /// <summary>Small, so that one sweep's transaction holds its locks briefly.</summary>
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HoldSweepInterval);
        try
        {
            do await SweepAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            while (await store.ExpireDueHoldsAsync(BatchSize, ct) == BatchSize) { }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A database outage must not stop the server; the next tick tries again.
            log.LogWarning(e, "Expiring due holds failed; retrying in {Interval}.", options.HoldSweepInterval);
        }
    }
}
