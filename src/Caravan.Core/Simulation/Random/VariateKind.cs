namespace Caravan.Simulation;

/// <summary>The families a <see cref="RandomVariate"/> can draw from.</summary>
public enum VariateKind
{
    Constant,
    Exponential,
    Uniform,
    Triangular,
    Normal,
    LogNormal,
    Gamma,
    Empirical,
}
