using System.Collections.Concurrent;
using Caravan.Storage;

namespace Caravan.Server.Auth;

/// <summary>
/// Keys the store verified in the last <see cref="ServerOptions.ApiKeyCacheTime"/> (2 s by default): under load every
/// request of a client carries the same key, and reading it from the database each time cost one round trip and one
/// transaction per request (half the commits of a booking made in one request). Only keys that verified are kept,
/// under the whole secret, so a wrong secret for a known key id still goes to the store and fails. A revocation
/// through this process forgets the key at once; through another process sharing the database it takes effect when
/// the entry expires, at most that long after the key was last read.
/// </summary>
internal sealed class ApiKeyCache(ICaravanStore store, ServerOptions options)
{
    /// <summary>More entries than this (keys in use within the cache time) and the cache starts over: memory stays bounded.</summary>
    private const int MaxEntries = 10_000;

    private readonly long lifetimeMs = (long)options.ApiKeyCacheTime.TotalMilliseconds;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed record Entry(Organisation Organisation, ApiKey Key, long ExpiresAtMs);

    public async Task<(Organisation Organisation, ApiKey Key)?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        // The clock is read before the store, so an entry never outlives the state it saw by more than the lifetime.
        long now = Environment.TickCount64;
        if (lifetimeMs > 0 && entries.TryGetValue(secret, out var hit) && hit.ExpiresAtMs > now) return (hit.Organisation, hit.Key);

        var found = await store.AuthenticateAsync(secret, ct);
        if (found is { } f && lifetimeMs > 0)
        {
            if (entries.Count >= MaxEntries) entries.Clear();
            entries[secret] = new Entry(f.Organisation, f.Key, now + lifetimeMs);
        }
        else entries.TryRemove(secret, out _);
        return found;
    }

    /// <summary>Forgets a key this process revoked, so its next request is refused at once.</summary>
    public void Forget(string keyId)
    {
        foreach (var (secret, entry) in entries)
            if (string.Equals(entry.Key.Id, keyId, StringComparison.Ordinal)) entries.TryRemove(secret, out _);
    }
}
