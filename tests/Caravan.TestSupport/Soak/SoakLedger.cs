using System.Collections.Concurrent;

namespace Caravan.TestSupport.Soak;

/// <summary>What one server answered and how often its requests failed, over the whole soak (every process behind it).</summary>
public sealed class ServerTally
{
    private long requests, serverErrors, killed, unexpected;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>5xx answers: a live process answered, so each is a failure whenever it came.</summary>
    public long ServerErrors => Interlocked.Read(ref serverErrors);

    /// <summary>Requests that failed to connect or lost their connection because this server was down or being killed.</summary>
    public long FailedByKill => Interlocked.Read(ref killed);

    /// <summary>Connection failures and timeouts while the server was up and not restarted meanwhile: failures.</summary>
    public long FailedUnexpectedly => Interlocked.Read(ref unexpected);

    internal void Request() => Interlocked.Increment(ref requests);

    internal void ServerError() => Interlocked.Increment(ref serverErrors);

    internal void Killed() => Interlocked.Increment(ref killed);

    internal void Unexpected() => Interlocked.Increment(ref unexpected);
}

/// <summary>
/// Everything the clients were told: each booking the servers acknowledged (201 to create, 200 to confirm or cancel)
/// with the latest status acknowledged, counts of answers per operation and status, and a few samples of failures.
/// </summary>
public sealed class SoakLedger
{
    private const int MaxSamples = 20;
    private readonly ConcurrentDictionary<string, string> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();

    public SoakLedger(IReadOnlyList<string> servers) => Servers = servers.ToDictionary(s => s, _ => new ServerTally(), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ServerTally> Servers { get; }

    /// <summary>Booking id → the latest status a server acknowledged for it.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => acknowledged;

    /// <summary>"operation status" (e.g. "create 201", "plan killed") → count.</summary>
    public IReadOnlyDictionary<string, long> Answers => answers;

    /// <summary>The first few 5xx, unexpected failures and unexpected statuses, for the report.</summary>
    public IReadOnlyCollection<string> FailureSamples => failures;

    /// <summary>Statuses only move forward (held → confirmed → cancelled, or held → cancelled); keep the furthest.</summary>
    public void Acknowledge(string id, string status) =>
        acknowledged.AddOrUpdate(id, status, (_, old) => Rank(status) >= Rank(old) ? status : old);

    public static int Rank(string status) => status switch
    {
        "held" => 0,
        "confirmed" => 1,
        "cancelled" => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a booking status"),
    };

    internal void Count(string operation, string outcome) => answers.AddOrUpdate($"{operation} {outcome}", 1, (_, n) => n + 1);

    internal void Sample(string failure)
    {
        if (failures.Count < MaxSamples) failures.Enqueue(failure);
    }
}
