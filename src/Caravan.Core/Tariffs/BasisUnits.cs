using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Tariffs;

/// <summary>How many units of a rule's basis a ride has (the amount is multiplied by this).</summary>
internal static class BasisUnits
{
    /// <summary>
    /// Units of <paramref name="rule"/>'s basis for <paramref name="cargo"/> over <paramref name="distanceKm"/>.
    /// <paramref name="fortiesPayDouble"/>: the tariff has no 40-ft counterpart to this 20-ft rule, so each 40-ft
    /// container counts as two 20-ft ones. Not defined for <see cref="TariffBasis.PercentOfFreight"/>.
    /// </summary>
    public static decimal For(TariffRule rule, Cargo cargo, decimal distanceKm, bool fortiesPayDouble)
    {
        bool containers = cargo.Kind == CargoKind.Container;
        decimal twenties = containers ? cargo.Containers20 + (fortiesPayDouble ? 2m * cargo.Containers40 : 0m) : 0m;
        decimal forties = containers ? cargo.Containers40 : 0m;
        decimal tonnes = (decimal)cargo.GrossTonnes;
        decimal wagons = (decimal)cargo.Wagons;
        return rule.Basis switch
        {
            TariffBasis.PerShipment => 1m,
            TariffBasis.PerContainer20 => twenties,
            TariffBasis.PerContainer40 => forties,
            TariffBasis.PerContainer20Km => twenties * distanceKm,
            TariffBasis.PerContainer40Km => forties * distanceKm,
            TariffBasis.PerTonne => tonnes,
            TariffBasis.PerTonneKm => tonnes * distanceKm,
            TariffBasis.PerWagon => wagons,
            TariffBasis.PerWagonKm => wagons * distanceKm,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Basis, $"Basis {rule.Basis} has no units."),
        };
    }

    /// <summary>Whether the basis is charged per kilometre (its units grow with the distance).</summary>
    public static bool IsPerKm(TariffBasis basis) => basis is
        TariffBasis.PerContainer20Km or TariffBasis.PerContainer40Km or TariffBasis.PerTonneKm or TariffBasis.PerWagonKm;

    /// <summary>The 40-ft basis a 20-ft basis falls back from, or null for any other basis.</summary>
    public static TariffBasis? FortyFootCounterpart(TariffBasis basis) => basis switch
    {
        TariffBasis.PerContainer20 => TariffBasis.PerContainer40,
        TariffBasis.PerContainer20Km => TariffBasis.PerContainer40Km,
        _ => null,
    };
}
