namespace Caravan.Simulation;

/// <summary>
/// What the calendar holds for each event: its kind (which handler receives it) and the entity it concerns, as an
/// index the handler defines (a customer's slot, a stream, a vessel's voyage). Two integers instead of an object,
/// so events cost no allocation.
/// </summary>
public readonly record struct SimEvent(EventKind Kind, int Entity);
