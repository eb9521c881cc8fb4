using System.Globalization;
using Caravan.Network;

namespace Caravan.Shipments;

/// <summary>One thing wrong with a cargo: the field (as in the API's cargo object, e.g. "wagons"), the value, what was expected.</summary>
public sealed record CargoProblem(string Field, string? Found, string Expected);

/// <summary>
/// The one set of rules a cargo is held to, wherever it comes from: the CLI's options, the API's request body and the
/// planner's own check all use these limits and these words, so the three cannot drift apart. Each surface names
/// the field its own way (--wagons, cargo.wagons).
/// </summary>
public static class CargoRules
{
    /// <summary>Most containers or wagons in one shipment.</summary>
    public const int MaxUnits = 100_000;
    /// <summary>Most tonnes in one shipment.</summary>
    public const double MaxTonnes = 10_000_000;

    public static readonly string UnitCountExpected = $"a whole number from 0 to {N0(MaxUnits)}";
    public static readonly string WagonsExpected = $"a number of wagons from 1 to {N0(MaxUnits)}";
    public static readonly string ContainerCountExpected = $"at least one container and at most {N0(MaxUnits)} in one shipment";
    public static readonly string TonnesExpected = $"a mass > 0 and at most {N0(MaxTonnes)} t";
    public const string DangerousGoodsExpected = "a UN dangerous-goods class from 1 to 9";

    public static bool IsUnitCount(int count) => count is >= 0 and <= MaxUnits;
    public static bool IsTonnes(double tonnes) => double.IsFinite(tonnes) && tonnes > 0 && tonnes <= MaxTonnes;
    public static bool IsDangerousGoodsClass(int unClass) => unClass is >= 1 and <= 9;

    /// <summary>Every problem of a whole cargo, in a fixed order; empty when the cargo may be planned.</summary>
    public static IReadOnlyList<CargoProblem> Check(Cargo cargo)
    {
        ArgumentNullException.ThrowIfNull(cargo);
        var problems = new List<CargoProblem>();
        switch (cargo.Kind)
        {
            case CargoKind.Container:
                if (!IsUnitCount(cargo.Containers20)) problems.Add(new("containers20", Text(cargo.Containers20), UnitCountExpected));
                if (!IsUnitCount(cargo.Containers40)) problems.Add(new("containers40", Text(cargo.Containers40), UnitCountExpected));
                if (problems.Count == 0 && cargo.ContainerCount is < 1 or > MaxUnits)
                    problems.Add(new("containers", Text(cargo.ContainerCount), ContainerCountExpected));
                break;
            case CargoKind.Wagon:
                if (cargo.WagonCount is < 1 or > MaxUnits) problems.Add(new("wagons", Text(cargo.WagonCount), WagonsExpected));
                break;
            default:
                if (!IsTonnes(cargo.Tonnes)) problems.Add(new("tonnes", Text(cargo.Tonnes), TonnesExpected));
                break;
        }
        // Containers and wagons may leave the mass to the defaults (0); a mass given must be one.
        if (cargo.Kind is CargoKind.Container or CargoKind.Wagon && cargo.Tonnes != 0 && !IsTonnes(cargo.Tonnes))
            problems.Add(new("tonnes", Text(cargo.Tonnes), TonnesExpected));
        if (cargo.DangerousGoodsClass is { } dg && !IsDangerousGoodsClass(dg))
            problems.Add(new("dangerousGoodsClass", Text(dg), DangerousGoodsExpected));
        return problems;
    }

    private static string N0(double x) => x.ToString("N0", CultureInfo.InvariantCulture);
    private static string Text(double x) => x.ToString(CultureInfo.InvariantCulture);
}
