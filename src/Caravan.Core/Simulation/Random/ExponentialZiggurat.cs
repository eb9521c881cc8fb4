namespace Caravan.Simulation;

/// <summary>
/// Tables for Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) for the unit exponential, 256 layers.
/// About 98.9% of draws need one 64-bit number, one multiply and one compare, against a logarithm for the
/// inverse transform: it is what makes the engine's arrival and service draws cheap.
/// </summary>
internal static class ExponentialZiggurat
{
    public const int Layers = 256;

    /// <summary>Start of the tail: the base layer's rectangle ends at R.</summary>
    public const double R = 7.69711747013104972;

    /// <summary>Area of every layer (and of the base strip plus the tail beyond R).</summary>
    private const double V = 3.949659822581572e-3;

    /// <summary>X[i] is the right edge of layer i (X[0] = V/f(R), the base strip's virtual width; X[256] = 0).</summary>
    public static readonly double[] X = new double[Layers + 1];

    /// <summary>F[i] = e^(−X[i]).</summary>
    public static readonly double[] F = new double[Layers + 1];

    static ExponentialZiggurat()
    {
        // Layer i spans [0, X[i]] × [F[i], F[i+1]] with area V: X[i]·(f(X[i+1]) − f(X[i])) = V.
        X[0] = V / Math.Exp(-R);
        X[1] = R;
        for (int i = 1; i < Layers - 1; i++)
            X[i + 1] = -Math.Log(V / X[i] + Math.Exp(-X[i]));
        X[Layers] = 0;
        for (int i = 0; i <= Layers; i++) F[i] = Math.Exp(-X[i]);
    }
}
