namespace Caravan.Storage;

/// <summary>
/// Quantities and capacities are stored as integer millionths of a unit. Floating-point sums drift (0.1 + 0.2 − 0.1 −
/// 0.2 is not 0), and a drifted "held" would make an exactly full departure look over or under full; integers add and
/// subtract exactly on both databases, so "held" always equals the sum of what the live bookings took.
/// </summary>
internal static class MicroUnits
{
    public const long PerUnit = 1_000_000;

    /// <summary>The largest quantity that still fits in a 64-bit count of millionths with room to add.</summary>
    public const double MaxUnits = 1e12;

    public static long? FromUnits(double? units, string field)
    {
        if (units is not { } value) return null;
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentException($"{field} must be a finite number ≥ 0, not {value}.", field);
        if (value > MaxUnits)
            throw new ArgumentException($"{field} must be at most {MaxUnits}, not {value}.", field);
        return (long)Math.Round(value * PerUnit, MidpointRounding.AwayFromZero);
    }

    public static double? ToUnits(long? micro) => micro is { } m ? (double)m / PerUnit : null;

    public static MicroCapacity FromCapacity(Capacity capacity, string field)
    {
        ArgumentNullException.ThrowIfNull(capacity, field);
        return new MicroCapacity(
            FromUnits(capacity.Teu, field + ".Teu"),
            FromUnits(capacity.Wagons, field + ".Wagons"),
            FromUnits(capacity.Tonnes, field + ".Tonnes"));
    }
}

/// <summary>A capacity or quantity in millionths per unit; null is "does not bind" (capacity) or "takes none" (quantity).</summary>
internal readonly record struct MicroCapacity(long? Teu, long? Wagons, long? Tonnes)
{
    public Capacity ToCapacity() => new(MicroUnits.ToUnits(Teu), MicroUnits.ToUnits(Wagons), MicroUnits.ToUnits(Tonnes));

    public bool TakesNothing => (Teu ?? 0) == 0 && (Wagons ?? 0) == 0 && (Tonnes ?? 0) == 0;

    /// <summary>What a quantity takes, null units counting as zero.</summary>
    public MicroCapacity Plus(MicroCapacity other) =>
        new((Teu ?? 0) + (other.Teu ?? 0), (Wagons ?? 0) + (other.Wagons ?? 0), (Tonnes ?? 0) + (other.Tonnes ?? 0));
}
