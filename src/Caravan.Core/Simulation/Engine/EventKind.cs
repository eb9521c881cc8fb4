namespace Caravan.Simulation;

/// <summary>
/// A kind of event of one simulation, as <see cref="Simulator.Register"/> returned it: the handler that receives
/// events of this kind. Only the simulator that issued it can schedule with it.
/// </summary>
public readonly record struct EventKind(int Handler);
