using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace Caravan.Storage.Relational;

/// <summary>
/// Group commit of new bookings: concurrent <see cref="CreateBookingAsync"/> calls whose common case is one command
/// (<see cref="AppendOneCommand"/>) are written together, one transaction and one commit for the group, instead of
/// one each. A commit (its WAL flush and round trip) and the per-transaction work then serve many bookings.
/// <para>
/// Each booking stays all-or-nothing, and so does the group: it commits only when every statement of every booking
/// changed the rows it must (the same count check as for one). If any falls short (a full departure, a key used
/// before), the whole group is rolled back and each booking is retried on its own, exactly as before, so the rare
/// paths answer as they always did. Nothing is acknowledged before its group's COMMIT returned.
/// </para>
/// <para>
/// No background thread: the caller that finds fewer than <see cref="MaxGroupsInFlight"/> groups running becomes a
/// leader and writes whatever is queued, group after group, until the queue is empty. Under light load a group is one
/// booking and nothing waits; under load the queue fills while the previous group commits.
/// </para>
/// </summary>
public abstract partial class RelationalCaravanStore
{
    /// <summary>At most this many bookings per transaction (a few hundred statements, one round trip).</summary>
    private const int MaxGroupSize = 64;

    /// <summary>
    /// Two groups at once: one executes while the other waits for its WAL flush. More would only add lock waits on 2–8
    /// cores; fewer leaves the database idle during each flush.
    /// </summary>
    private const int MaxGroupsInFlight = 2;

    private readonly Lock groupGate = new();
    private readonly Queue<PendingCreate> groupQueue = new();
    private int groupsInFlight;

    private sealed record PendingCreate(NewBooking Booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> Legs, IReadOnlyList<Hold> Holds,
        Actor Actor, CancellationToken Ct)
    {
        /// <summary>The booking created, or null when it did not fit the common case (the caller goes step by step).</summary>
        public TaskCompletionSource<CreateBookingResult?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The common case of <see cref="CreateBookingAsync"/>, in a group when the dialect allows it.</summary>
    private Task<CreateBookingResult?> CreateInOneCommandGroupedAsync(NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, IReadOnlyList<Hold> holds,
        Actor actor, CancellationToken ct)
    {
        if (!Dialect.GroupCommit) return CreateInOneCommandAsync(booking, legs, holds, actor, ct);
        var pending = new PendingCreate(booking, legs, holds, actor, ct);
        bool lead;
        lock (groupGate)
        {
            groupQueue.Enqueue(pending);
            lead = groupsInFlight < MaxGroupsInFlight;
            if (lead) groupsInFlight++;
        }
        // Off the caller's stack: its request should not wait for other callers' groups.
        if (lead) _ = Task.Run(LeadGroupsAsync, CancellationToken.None);
        return pending.Done.Task;
    }

    /// <summary>The common case for one booking alone: one command and COMMIT; null when it fell short (rolled back).</summary>
    private Task<CreateBookingResult?> CreateInOneCommandAsync(NewBooking booking,
        IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> legs, IReadOnlyList<Hold> holds,
        Actor actor, CancellationToken ct) =>
        WriteAsync<CreateBookingResult?>(async (connection, transaction) =>
        {
            var now = Now();
            var id = Identifiers.NewBookingId(now);
            return await TryCreateInOneCommandAsync(connection, transaction, id, booking, legs, holds, actor, now, ct)
                ? Outcome<CreateBookingResult?>.Keep(new CreateBookingResult.Created(AsWritten(id, booking, legs, now)))
                : Outcome<CreateBookingResult?>.Discard(null);
        }, ct);

    private async Task LeadGroupsAsync()
    {
        while (true)
        {
            var group = new List<PendingCreate>();
            lock (groupGate)
            {
                if (groupQueue.Count == 0)
                {
                    groupsInFlight--;
                    return;
                }
                while (group.Count < MaxGroupSize && groupQueue.TryDequeue(out var next))
                {
                    // A caller that went away before its booking was written gets nothing written.
                    if (next.Ct.IsCancellationRequested) next.Done.TrySetCanceled(next.Ct);
                    else group.Add(next);
                }
            }
            if (group.Count == 1) await AloneAsync(group[0]);
            else if (group.Count > 1) await CommitGroupAsync(group);
        }
    }

    private async Task AloneAsync(PendingCreate pending)
    {
        try { pending.Done.TrySetResult(await CreateInOneCommandAsync(pending.Booking, pending.Legs, pending.Holds, pending.Actor, pending.Ct)); }
        catch (Exception e) { pending.Done.TrySetException(e); }
    }

    private async Task CommitGroupAsync(List<PendingCreate> group)
    {
        Booking[]? written;
        try
        {
            // Once taken into a group a booking is written whatever its caller does: the others must not lose theirs.
            written = await WriteAsync<Booking[]?>(async (connection, transaction) =>
            {
                var now = Now();
                var bookings = new Booking[group.Count];
                var sql = new StringBuilder();
                await using var command = connection.Command(transaction, "");
                var expected = 0;
                for (var i = 0; i < group.Count; i++)
                {
                    var p = group[i];
                    var id = Identifiers.NewBookingId(now);
                    var part = new StringBuilder();
                    await using var one = connection.Command(transaction, "");
                    expected += AppendOneCommand(part, one, id, p.Booking, p.Legs, p.Holds, p.Actor, now);
                    AppendRenamed(sql, command, part, one, "g" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_");
                    bookings[i] = AsWritten(id, p.Booking, p.Legs, now);
                }
                command.CommandText = sql.ToString();
                return await command.ExecuteNonQueryAsync(CancellationToken.None) == expected
                    ? Outcome<Booking[]?>.Keep(bookings)
                    : Outcome<Booking[]?>.Discard(null);
            }, CancellationToken.None);
        }
        catch (StoreUnavailableException e) when (e.OutcomeUnknown)
        {
            // The COMMIT broke off: the group may or may not be stored, so no booking of it may be tried again here.
            foreach (var p in group) p.Done.TrySetException(e);
            return;
        }
        catch (Exception)
        {
            // Rolled back (an error in some booking, retries of a deadlock used up): each on its own says whose it was.
            written = null;
        }
        if (written is null)
        {
            await Task.WhenAll(group.Select(AloneAsync));
            return;
        }
        for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(new CreateBookingResult.Created(written[i]));
    }

    [GeneratedRegex(@"@(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterReference();

    /// <summary>
    /// Appends one booking's statements to the group's command with its parameters renamed (<c>@id</c> → <c>@g3_id</c>):
    /// the statements are exactly those of a booking written alone, so the two paths cannot drift apart. The SQL holds
    /// no '@' other than parameter references (values such as departure ids are always parameters).
    /// </summary>
    private static void AppendRenamed(StringBuilder sql, DbCommand command, StringBuilder part, DbCommand from, string prefix)
    {
        sql.Append(ParameterReference().Replace(part.ToString(), "@" + prefix + "$1"));
        var parameters = from.Parameters.Cast<DbParameter>().ToArray();
        from.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            parameter.ParameterName = "@" + prefix + parameter.ParameterName.TrimStart('@');
            command.Parameters.Add(parameter);
        }
    }
}
