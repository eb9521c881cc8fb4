namespace Caravan.Simulation;

/// <summary>The service-time distribution of <see cref="MmcQueue"/>: M/M/c or M/D/c.</summary>
public enum ServiceKind
{
    Exponential,
    Deterministic,
}
