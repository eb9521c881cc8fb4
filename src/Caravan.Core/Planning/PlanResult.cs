using Caravan.Emissions;
using Caravan.Network;
using Caravan.Tariffs;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Planning;

/// <summary>The Pareto set of itineraries for a request, fastest first.</summary>
public sealed record PlanResult(PlanRequest Request, string QuoteCurrency, IReadOnlyList<Itinerary> Itineraries);

/// <summary>
/// One way to move the cargo: rides on services with the waits, dwell and transshipments between them.
/// Times are nominal (each duration at its median, each wait for the next departure that the cargo can make);
/// <see cref="ArrivalDistribution"/> gives the spread from the dwell, running-time and ferry-fill distributions.
/// </summary>
public sealed record Itinerary
{
    public required IReadOnlyList<ItineraryLeg> Legs { get; init; }
    /// <summary>When the cargo was ready at the origin (the request's ready time).</summary>
    public required Instant ReadyTime { get; init; }
    /// <summary>Nominal departure of the first vehicle.</summary>
    public required Instant Departure { get; init; }
    /// <summary>Nominal arrival of the last vehicle at the destination.</summary>
    public required Instant Arrival { get; init; }
    /// <summary>Door time from ready to nominal arrival.</summary>
    public Duration Duration => Arrival - ReadyTime;
    public required decimal TotalCost { get; init; }
    public required IReadOnlyList<Charge> Charges { get; init; }
    public required EmissionResult Emissions { get; init; }
    public required ArrivalDistribution ArrivalDistribution { get; init; }
    /// <summary>Share of the Monte Carlo draws arriving by the request's deadline; null without a deadline.</summary>
    public double? OnTimeProbability { get; init; }
}

/// <summary>
/// One ride on one service from a boarding to an alighting stop, with what happened at the boarding node before it:
/// the handling dwell and transshipment (if the cargo changed vehicle there) and the wait for the departure.
/// </summary>
public sealed record ItineraryLeg
{
    public required Service Service { get; init; }
    public required Node From { get; init; }
    public required Node To { get; init; }
    /// <summary>The links ridden, in order.</summary>
    public required IReadOnlyList<LinkTraversal> Links { get; init; }
    public required double DistanceKm { get; init; }
    /// <summary>When the cargo is at the boarding node, before dwell and transshipment.</summary>
    public required Instant ArrivedAtBoardingNode { get; init; }
    public required Duration Dwell { get; init; }
    public Transshipment? Transshipment { get; init; }
    public required Duration TransshipmentTime { get; init; }
    /// <summary>Waiting for the departure (timetable) or for the vessel to fill (sail when full).</summary>
    public required Duration Wait { get; init; }
    public required Instant Departure { get; init; }
    public required Instant Arrival { get; init; }
    /// <summary>Departures the cargo needs when it exceeds one departure's capacity; it arrives with the last.</summary>
    public required int DeparturesUsed { get; init; }
    public required IReadOnlyList<Charge> Charges { get; init; }
    public required EmissionResult Emissions { get; init; }
    public required EmissionResult TransshipmentEmissions { get; init; }
}

/// <summary>Percentiles of the arrival time over the Monte Carlo draws.</summary>
public sealed record ArrivalDistribution(Instant P10, Instant P50, Instant P90, int Samples);
