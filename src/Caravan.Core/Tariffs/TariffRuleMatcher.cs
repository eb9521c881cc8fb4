using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Tariffs;

/// <summary>Which rules of a tariff apply to a ride of a given service with a given cargo.</summary>
internal static class TariffRuleMatcher
{
    /// <summary>
    /// A rule applies when its <see cref="TariffRule.Services"/> (if set) names the service, its
    /// <see cref="TariffRule.CargoKinds"/> (if set) contains the cargo kind, and its condition holds.
    /// The carrier match is the caller's: it looked the tariff up by the service's carrier.
    /// </summary>
    public static bool Applies(TariffRule rule, Service service, Cargo cargo) =>
        (rule.Services is null || rule.Services.Contains(service.Id))
        && (rule.CargoKinds is null || rule.CargoKinds.Contains(cargo.Kind))
        && ConditionHolds(rule.Condition, cargo);

    public static bool ConditionHolds(ChargeCondition condition, Cargo cargo) => condition switch
    {
        ChargeCondition.Always => true,
        ChargeCondition.DangerousGoods => cargo.DangerousGoodsClass is not null,
        ChargeCondition.Reefer => cargo.Reefer,
        ChargeCondition.Oversize => cargo.Oversize,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown charge condition."),
    };

    /// <summary>Freight and ferry lines carry the cargo; percent-of-freight surcharges and discounts are taken of them.</summary>
    public static bool IsCarriage(ChargeCategory category) =>
        category is ChargeCategory.Freight or ChargeCategory.Ferry;

    public static bool IsContainerBasis(TariffBasis basis) => basis is
        TariffBasis.PerContainer20 or TariffBasis.PerContainer40 or
        TariffBasis.PerContainer20Km or TariffBasis.PerContainer40Km;

    /// <summary>
    /// Whether the rule actually prices carriage of this cargo: a freight or ferry rule with a basis that has
    /// units for the cargo (container bases have none for bulk or wagonload). A percentage cannot carry cargo alone.
    /// </summary>
    public static bool PricesCarriage(TariffRule rule, Cargo cargo) =>
        IsCarriage(rule.Category)
        && rule.Basis != TariffBasis.PercentOfFreight
        && (!IsContainerBasis(rule.Basis) || cargo.Kind == CargoKind.Container);
}
