namespace Caravan.Network;

/// <summary>A carrier's published (or estimated) tariff: rules that each add a charge to a leg it carries.</summary>
public sealed record Tariff
{
    public required string Carrier { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<TariffRule> Rules { get; init; }
    /// <summary>Discounts on freight charges by shipment size, best applicable tier wins.</summary>
    public IReadOnlyList<VolumeDiscount> VolumeDiscounts { get; init; } = [];
    public required string Source { get; init; }
}

public sealed record TariffRule
{
    public required string Label { get; init; }
    public required ChargeCategory Category { get; init; }
    public required TariffBasis Basis { get; init; }
    /// <summary>Amount in the tariff's currency per <see cref="Basis"/> unit (a percentage for PercentOfFreight).</summary>
    public required decimal Amount { get; init; }
    public ChargeCondition Condition { get; init; } = ChargeCondition.Always;
    /// <summary>Restricts the rule to these services; null applies to all the carrier's services.</summary>
    public IReadOnlySet<string>? Services { get; init; }
    /// <summary>Restricts the rule to these cargo kinds; null applies to all.</summary>
    public IReadOnlySet<CargoKind>? CargoKinds { get; init; }
}

/// <summary>From <paramref name="MinUnits"/> units (containers, wagons, or tonnes for bulk) freight is <paramref name="Percent"/> % cheaper.</summary>
public sealed record VolumeDiscount(double MinUnits, decimal Percent);

/// <summary>Exchange rates into the quote currency as of a date, with their source.</summary>
public sealed record CurrencyTable
{
    public required string QuoteCurrency { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>How many units of the quote currency one unit of each currency buys.</summary>
    public required IReadOnlyDictionary<string, decimal> RatesToQuote { get; init; }
    public required string Source { get; init; }
}
