using Caravan.Network;

namespace Caravan.Shipments;

/// <summary>
/// What a shipper wants moved. Containers are counted by size; bulk by tonnes; wagonload by wagons.
/// Derived quantities (TEU, tonnes, wagons) use the conventions below, which tariffs, emissions, capacity
/// checks and the simulation all share.
/// </summary>
public sealed record Cargo
{
    /// <summary>GLEC default mass of a loaded TEU when the shipper gives no weight.</summary>
    public const double DefaultTonnesPerTeu = 10.0;
    /// <summary>Payload of a standard 1520 mm gondola/hopper or tank wagon used to convert bulk tonnes into wagons.</summary>
    public const double BulkTonnesPerWagon = 65.0;
    /// <summary>A standard 80-ft flat wagon carries 4 TEU (two 40-ft containers).</summary>
    public const double TeuPerWagon = 4.0;
    /// <summary>Default gross cargo mass of a conventional wagonload.</summary>
    public const double DefaultTonnesPerWagonload = 60.0;
    /// <summary>TEU of one wagon load as the dataset's trains count them (e.g. 55 wagons / 110 TEU): one 40-ft flat.</summary>
    public const double TeuPerWagonLoad = 2.0;

    /// <summary>
    /// How many wagon loads one departure carries: wagons where the capacity gives wagons, else TEU / 2, else tonnes
    /// over a bulk wagon's 65 t (tankers, the pipeline's daily batch). The simulation's unit and a measured wait's.
    /// </summary>
    public static double WagonLoadsPerDeparture(DepartureCapacity c) =>
        c.Wagons ?? (c.Teu is { } teu ? teu / TeuPerWagonLoad : c.Tonnes is { } t ? t / BulkTonnesPerWagon : 1000);

    public required CargoKind Kind { get; init; }
    public int Containers20 { get; init; }
    public int Containers40 { get; init; }
    /// <summary>Bulk tonnes, or the total gross cargo mass of the containers or wagons when known (0 = use the defaults).</summary>
    public double Tonnes { get; init; }
    /// <summary>Number of wagons for wagonload cargo.</summary>
    public int WagonCount { get; init; }
    /// <summary>UN dangerous-goods class 1–9, or null for ordinary cargo.</summary>
    public int? DangerousGoodsClass { get; init; }
    public bool Reefer { get; init; }
    public bool Oversize { get; init; }

    public int ContainerCount => Containers20 + Containers40;

    public double Teu => Kind == CargoKind.Container ? Containers20 + 2.0 * Containers40 : 0;

    /// <summary>Mass of the cargo in tonnes, for tonne-km and per-tonne charges.</summary>
    public double GrossTonnes => Kind switch
    {
        CargoKind.Container => Tonnes > 0 ? Tonnes : Teu * DefaultTonnesPerTeu,
        CargoKind.Wagon => Tonnes > 0 ? Tonnes : WagonCount * DefaultTonnesPerWagonload,
        _ => Tonnes,
    };

    /// <summary>Rail wagons the cargo occupies.</summary>
    public double Wagons => Kind switch
    {
        CargoKind.Container => Math.Ceiling(Teu / TeuPerWagon),
        CargoKind.Wagon => WagonCount,
        _ => Math.Ceiling(Tonnes / BulkTonnesPerWagon),
    };

    /// <summary>The quantity volume discounts are tiered on: containers, wagons, or tonnes for bulk.</summary>
    public double DiscountUnits => Kind switch
    {
        CargoKind.Container => ContainerCount,
        CargoKind.Wagon => WagonCount,
        _ => Tonnes,
    };

    /// <summary>How many departures of a service with this capacity the cargo needs (its most demanding unit decides).</summary>
    public int DeparturesNeeded(DepartureCapacity capacity) => (int)Math.Max(1, Math.Ceiling(LoadInDepartures(capacity) - 1e-9));

    /// <summary>The share of one departure the cargo fills in its most demanding unit, capped at 1.</summary>
    public double ShareOfDeparture(DepartureCapacity capacity) => Math.Min(1, LoadInDepartures(capacity));

    /// <summary>
    /// The cargo's size in departures of this capacity. Containers count in TEU where the capacity gives TEU,
    /// else in the wagons they occupy; other cargo counts in wagons; every cargo counts in tonnes.
    /// </summary>
    public double LoadInDepartures(DepartureCapacity capacity)
    {
        double load = 0;
        bool countTeu = Kind == CargoKind.Container && capacity.Teu is not null;
        if (countTeu) load = Math.Max(load, Teu / capacity.Teu!.Value);
        if (!countTeu && capacity.Wagons is { } wagons) load = Math.Max(load, Wagons / wagons);
        if (capacity.Tonnes is { } tonnes) load = Math.Max(load, GrossTonnes / tonnes);
        return load;
    }

    /// <summary>A short human description: "2 × 40 ft", "5,000 t dry bulk".</summary>
    public override string ToString() => Kind switch
    {
        CargoKind.Container => string.Join(" + ", new[]
            {
                Containers20 > 0 ? $"{Containers20} × 20 ft" : null,
                Containers40 > 0 ? $"{Containers40} × 40 ft" : null,
            }.Where(s => s is not null)),
        CargoKind.Wagon => $"{WagonCount} wagons",
        CargoKind.DryBulk => $"{Tonnes:N0} t dry bulk",
        _ => $"{Tonnes:N0} t liquid bulk",
    } + (DangerousGoodsClass is { } c ? $" (UN class {c})" : "");
}
