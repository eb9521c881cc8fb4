namespace Caravan.Emissions;

/// <summary>
/// Emissions of a transport chain element, field names after the iLEAP / GLEC data exchange:
/// transport activity in tonne-km, greenhouse gases in grams of CO2 equivalent, well-to-wheel (WTW, which
/// includes the fuel's upstream well-to-tank share) and tank-to-wheel (TTW, at the vehicle). WTT = WTW − TTW.
/// </summary>
public sealed record EmissionResult(double TransportActivityTkm, double Co2eWTW, double Co2eTTW)
{
    public static EmissionResult Zero { get; } = new(0, 0, 0);

    /// <summary>Well-to-tank grams: the upstream energy provision share of <see cref="Co2eWTW"/>.</summary>
    public double Co2eWTT => Co2eWTW - Co2eTTW;

    /// <summary>The sum of two chain elements (ISO 14083 totals a chain as the sum of its elements).</summary>
    public EmissionResult Add(EmissionResult other) =>
        new(TransportActivityTkm + other.TransportActivityTkm, Co2eWTW + other.Co2eWTW, Co2eTTW + other.Co2eTTW);
}
