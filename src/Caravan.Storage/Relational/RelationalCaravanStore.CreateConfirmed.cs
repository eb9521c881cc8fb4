namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    /// <summary>'held', or 'confirmed' for a booking created and confirmed in one transaction (<see cref="NewBooking.Confirm"/>).</summary>
    private static string InitialStatus(NewBooking booking) => StatusText(booking.Confirm ? BookingStatus.Confirmed : BookingStatus.Held);

    /// <summary>
    /// For a booking created confirmed, its second history entry (sequence 2, the same actor and time as the first), so
    /// that its history reads as if it had been confirmed by a second request; returns the rows it inserts (0 or 1).
    /// </summary>
    private static int AppendConfirmedEvent(System.Text.StringBuilder sql, NewBooking booking)
    {
        if (!booking.Confirm) return 0;
        sql.AppendLine("""
            INSERT INTO booking_events (booking_id, sequence, actor_org, actor_key, action, detail, at)
            VALUES (@id, 2, @actor_org, @actor_key, 'confirmed', NULL, @now);
            """);
        return 1;
    }
}
