namespace Caravan.Storage;

/// <summary>
/// The database could not be reached or refused more work (down, restarting, out of connections, out of disk) and
/// retrying for a moment did not help. Nothing of the failed call was written, except where
/// <see cref="OutcomeUnknown"/> says the connection broke while committing: then the caller cannot know, and should
/// repeat the request with the same idempotency key. The service answers 503 with Retry-After.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception inner, bool outcomeUnknown = false) : Exception(message, inner)
{
    /// <summary>How long a client should wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
