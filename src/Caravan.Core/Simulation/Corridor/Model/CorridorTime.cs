namespace Caravan.Simulation.Corridor;

/// <summary>The model's clock is in hours from the start of the warm-up; these are its calendar units.</summary>
internal static class CorridorTime
{
    public const double Week = 168, HoursPerYear = 8760, Month = 730;

    /// <summary>x modulo m, always in [0, m) (C#'s % keeps the sign of x).</summary>
    public static double Mod(double x, double m) => ((x % m) + m) % m;
}
