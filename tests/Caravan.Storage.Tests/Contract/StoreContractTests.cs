using Caravan.Storage.Tests.Infrastructure;
using NodaTime;

namespace Caravan.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="ICaravanStore"/> must have, run against a real SQLite file and a real PostgreSQL
/// database (see the two subclasses). Each test takes an empty database of its own.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>A new, empty database (no schema yet).</summary>
    protected abstract Task<TestDatabase> NewDatabaseAsync();

    /// <summary>How many writers the overbooking test runs at once, each with a store (and connection) of its own.</summary>
    protected abstract int ConcurrentWriters { get; }

    protected static readonly Instant Monday = Instant.FromUtc(2026, 12, 7, 6, 0);

    protected static readonly Capacity Unlimited = new(null, null, null);

    protected static DepartureRef Departure(string service, int day = 0) => new(service, Monday + Duration.FromDays(day));

    protected static BookingLeg Leg(DepartureRef departure, double? teu = null, double? wagons = null, double? tonnes = null,
        Capacity? defaultCapacity = null, string? carrier = null, string? @operator = null, string from = "ALA", string to = "AKT") =>
        new(departure, from, to, new Capacity(teu, wagons, tonnes), defaultCapacity ?? Unlimited) { Carrier = carrier, Operator = @operator };

    protected static NewBooking Booking(string organisationId, params BookingLeg[] legs) =>
        new(organisationId, null, "hash-1", "2 x 40ft general cargo", 1234.56m, "USD", legs, null);

    protected static Actor ActorOf(Organisation organisation) => new(organisation.Id, "k-test");

    protected static async Task<Organisation> ShipperAsync(ICaravanStore store, string name = "Silk Forwarding") =>
        await store.CreateOrganisationAsync(new NewOrganisation(name, OrganisationRole.Shipper, []), Actor.System);

    protected static Booking Created(CreateBookingResult result) =>
        Assert.IsType<CreateBookingResult.Created>(result).Booking;
}
