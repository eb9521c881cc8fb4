using NodaTime;

namespace Caravan.Tracking;

// What tracking knows about a booked shipment and what it predicts. The server reads legs from the store, turns
// recorded events into observations, and asks an IShipmentEstimator for the estimate; the estimate is pure: the same
// legs, observations, disruptions and "now" give the same answer.

/// <summary>
/// One booked leg as the store keeps it: the service, where the cargo boards and alights, and the departure it is
/// booked on (the service's time at its first stop, as in a departure id). On a sail-when-full service the departure is
/// the voyage (its opening time), <see cref="ReadyAt"/> when the cargo is ready to load and <see cref="LatestDeparture"/>
/// when the voyage sails at the latest.
/// </summary>
public sealed record TrackedLeg(string ServiceId, string From, string To, Instant Departure)
{
    public Instant? ReadyAt { get; init; }
    public Instant? LatestDeparture { get; init; }
}

/// <summary>What an event says happened (or will happen) to the cargo. DCSA codes map onto these (docs/tracking.md).</summary>
public enum Movement
{
    /// <summary>DEPA: the vehicle carrying the cargo left the node.</summary>
    Departed,
    /// <summary>ARRI: the vehicle carrying the cargo arrived at the node.</summary>
    Arrived,
    /// <summary>LOAD: the unit was loaded onto the vehicle at the node (it has not left yet).</summary>
    Loaded,
    /// <summary>DISC: the unit was discharged from the vehicle at the node (it has arrived).</summary>
    Discharged,
    /// <summary>GTIN: the unit entered the terminal gate at the node.</summary>
    GateIn,
    /// <summary>GTOT: the unit left the terminal gate at the node.</summary>
    GateOut,
}

/// <summary>DCSA's eventClassifierCode: planned, estimated or actual.</summary>
public enum Classifier { Planned, Estimated, Actual }

/// <summary>
/// One event as it bears on a booking: at <see cref="Node"/>, on <see cref="ServiceId"/> when the event names a
/// service (a transport event always does; an equipment event may not), what happened and when.
/// </summary>
public sealed record Observation(string Node, string? ServiceId, Movement Movement, Classifier Classifier, Instant Time);

/// <summary>
/// A closure or slow-down of one network element for [From, To). Kind says which element <see cref="ElementId"/>
/// names. Closed: nothing departs from, arrives at or passes the element inside the window (work waits until it
/// ends). Slowed: every duration spent on the element inside the window (a node's dwell, a link's running time, a
/// service's rides) takes <see cref="SlowdownFactor"/> times as long.
/// </summary>
public sealed record DisruptionWindow(DisruptedElement Kind, string ElementId, Instant From, Instant To, double? SlowdownFactor = null)
{
    public bool Closed => SlowdownFactor is null;
}

public enum DisruptedElement { Node, Link, Service }

/// <summary>Percentiles of a time over the estimator's draws.</summary>
public sealed record TimeQuantiles(Instant P10, Instant P50, Instant P90);

public enum LegState { Planned, Loaded, InTransit, Arrived }

/// <summary>
/// One leg's times: as booked (planned), as expected now (estimated: the median of the draws, or an operator's EST
/// event when later facts do not override it), and as they happened (actual, from ACT events).
/// </summary>
public sealed record LegEstimate(
    int Index,
    LegState State,
    Instant PlannedDeparture,
    Instant PlannedArrival,
    TimeQuantiles? EstimatedDeparture,
    TimeQuantiles? EstimatedArrival,
    Instant? ActualDeparture,
    Instant? ActualArrival);

public enum PositionKind { NotStarted, AtNode, OnBoard, Delivered }

/// <summary>Where the cargo is: at a node (waiting, or delivered), or on board a leg's vehicle, since when.</summary>
public sealed record CargoPosition(PositionKind Kind, string? Node, int? LegIndex, string? ServiceId, Instant? Since);

/// <summary>The estimate of a shipment at one moment: per leg, where the cargo is, and the arrival at the last leg's end.</summary>
public sealed record ShipmentEstimate(IReadOnlyList<LegEstimate> Legs, CargoPosition Position, TimeQuantiles Eta, int Draws);

/// <summary>
/// Predicts a booked shipment's arrival conditioned on what has happened by <c>now</c>: legs done are facts; what
/// remains is drawn from the network model with the planner's draws, under the disruptions in force.
/// Implementations are thread-safe.
/// </summary>
public interface IShipmentEstimator
{
    /// <summary>
    /// Throws <see cref="TrackingException"/> when a leg names a service, stop or departure the network does not have.
    /// </summary>
    ShipmentEstimate Estimate(IReadOnlyList<TrackedLeg> legs, IReadOnlyList<Observation> observations, Instant now, IReadOnlyList<DisruptionWindow> disruptions);
}

/// <summary>A booked shipment the network cannot interpret (a service or stop it does not have).</summary>
public sealed class TrackingException(string message) : Exception(message);
