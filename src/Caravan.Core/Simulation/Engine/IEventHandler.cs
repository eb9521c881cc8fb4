namespace Caravan.Simulation;

/// <summary>A model component that receives the events it scheduled (see <see cref="Simulator.Register"/>).</summary>
public interface IEventHandler
{
    /// <summary>Called at the event's time; <see cref="Simulator.Now"/> is already that time.</summary>
    void OnEvent(int kind, int entity);
}
