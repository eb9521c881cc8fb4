namespace Caravan.Storage;

/// <summary>
/// Checks on what callers hand the store. The HTTP layer validates requests first; these checks keep a bad call
/// from writing nonsense (a negative hold would silently free capacity), and name the offending field.
/// </summary>
internal static class StoreInput
{
    public static void Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{field} must not be empty.", field);
    }

    public static void Actor(Actor? actor)
    {
        ArgumentNullException.ThrowIfNull(actor, "actor");
        Text(actor.OrganisationId, "actor.OrganisationId");
        Text(actor.KeyId, "actor.KeyId");
    }

    public static void Departure(DepartureRef? departure, string field)
    {
        ArgumentNullException.ThrowIfNull(departure, field);
        Text(departure.ServiceId, field + ".ServiceId");
    }

    public static void Organisation(NewOrganisation? organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation, "organisation");
        Text(organisation.Name, "organisation.Name");
        if (!Enum.IsDefined(organisation.Role)) throw new ArgumentException($"organisation.Role {organisation.Role} is not a role.", "organisation.Role");
        ArgumentNullException.ThrowIfNull(organisation.Carriers, "organisation.Carriers");
        for (var i = 0; i < organisation.Carriers.Count; i++) Text(organisation.Carriers[i], $"organisation.Carriers[{i}]");
    }

    /// <summary>Validates a new booking and converts its legs' quantities and default capacities to millionths.</summary>
    public static IReadOnlyList<(BookingLeg Leg, MicroCapacity Quantity, MicroCapacity DefaultCapacity)> Booking(NewBooking? booking)
    {
        ArgumentNullException.ThrowIfNull(booking, "booking");
        Text(booking.OrganisationId, "booking.OrganisationId");
        if (booking.IdempotencyKey is not null) Text(booking.IdempotencyKey, "booking.IdempotencyKey");
        ArgumentNullException.ThrowIfNull(booking.RequestHash, "booking.RequestHash");
        ArgumentNullException.ThrowIfNull(booking.CargoDescription, "booking.CargoDescription");
        if (booking.QuotedPrice < 0) throw new ArgumentException("booking.QuotedPrice must be ≥ 0.", "booking.QuotedPrice");
        Text(booking.Currency, "booking.Currency");
        if (booking.HoldFor is { } holdFor && holdFor <= NodaTime.Duration.Zero)
            throw new ArgumentException($"booking.HoldFor must be positive, not {holdFor}.", "booking.HoldFor");
        MicroUnits.FromUnits(booking.MaxHeldTeu, "booking.MaxHeldTeu");
        if (booking.Legs is null || booking.Legs.Count == 0) throw new ArgumentException("booking.Legs must have at least one leg.", "booking.Legs");

        var legs = new List<(BookingLeg, MicroCapacity, MicroCapacity)>(booking.Legs.Count);
        for (var i = 0; i < booking.Legs.Count; i++)
        {
            var field = $"booking.Legs[{i}]";
            var leg = booking.Legs[i] ?? throw new ArgumentNullException(field);
            Departure(leg.Departure, field + ".Departure");
            Text(leg.From, field + ".From");
            Text(leg.To, field + ".To");
            var quantity = MicroUnits.FromCapacity(leg.Quantity, field + ".Quantity");
            if (quantity.TakesNothing) throw new ArgumentException($"{field}.Quantity takes nothing.", field + ".Quantity");
            if (leg.Voyage is { } voyage && voyage.MaxWait <= NodaTime.Duration.Zero)
                throw new ArgumentException($"{field}.Voyage.MaxWait must be positive, not {voyage.MaxWait}.", field + ".Voyage.MaxWait");
            legs.Add((leg, quantity, MicroUnits.FromCapacity(leg.DefaultCapacity, field + ".DefaultCapacity")));
        }
        return legs;
    }

    public static void Query(BookingQuery? query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        if (query.Limit is < 1 or > 500) throw new ArgumentException($"query.Limit must be 1 to 500, not {query.Limit}.", "query.Limit");
        if (query.Status is { } status && !Enum.IsDefined(status)) throw new ArgumentException($"query.Status {status} is not a status.", "query.Status");
    }
}
