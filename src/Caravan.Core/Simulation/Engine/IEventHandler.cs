namespace Caravan.Simulation;

/// <summary>
/// Receives one kind of event. Each kind a model has (an arrival, a departure, a vessel ready to load) is its own
/// handler, registered once with <see cref="Simulator.Register"/>; the <see cref="EventKind"/> it gets back is what
/// the model schedules events with, so dispatching needs no switch over kind numbers.
/// </summary>
public interface IEventHandler
{
    /// <summary>Called at the event's time (<see cref="Simulator.Now"/> is already that time) for the entity it was scheduled with.</summary>
    void OnEvent(int entity);
}
