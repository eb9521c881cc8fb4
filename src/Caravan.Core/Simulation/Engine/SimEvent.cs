namespace Caravan.Simulation;

/// <summary>
/// What the calendar holds for each event: the handler that owns it, a handler-defined kind and an entity
/// index (a customer slot, a batch number). Three integers instead of an object, so events cost no allocation.
/// </summary>
public readonly record struct SimEvent(int Handler, int Kind, int Entity);
