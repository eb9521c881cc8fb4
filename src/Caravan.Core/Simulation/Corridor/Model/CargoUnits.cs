using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// The model's unit of cargo is one wagon load, the slot a train or a rail ferry counts: a flat wagon with one
/// 40-ft container or two 20-ft (2 TEU; the dataset's trains carry 2 TEU per wagon, e.g. 55 wagons / 110 TEU),
/// a 65 t bulk wagon or a 60 t conventional wagonload. Tonnages follow <see cref="Cargo"/>'s conventions.
/// </summary>
public static class CargoUnits
{
    public const double TeuPerUnit = Cargo.TeuPerWagonLoad;

    public static double TonnesPerUnit(CargoKind kind) => kind switch
    {
        CargoKind.Container => TeuPerUnit * Cargo.DefaultTonnesPerTeu,
        CargoKind.Wagon => Cargo.DefaultTonnesPerWagonload,
        _ => Cargo.BulkTonnesPerWagon,
    };

    /// <summary>Units per year of a stream before the scenario's demand scale.</summary>
    public static double PerYear(DemandStream s) =>
        s.TeuPerYear is { } teu ? teu / TeuPerUnit : s.TonnesPerYear!.Value / TonnesPerUnit(s.Cargo);

    /// <summary>How many units one departure carries (<see cref="Cargo.WagonLoadsPerDeparture"/>).</summary>
    public static double PerDeparture(DepartureCapacity c) => Cargo.WagonLoadsPerDeparture(c);

    /// <summary>A one-unit cargo of this kind, for asking the planner for a stream's route.</summary>
    public static Cargo PlanningCargo(CargoKind kind) => kind switch
    {
        CargoKind.Container => new Cargo { Kind = kind, Containers40 = 1 },
        CargoKind.Wagon => new Cargo { Kind = kind, WagonCount = 1 },
        _ => new Cargo { Kind = kind, Tonnes = Cargo.BulkTonnesPerWagon },
    };
}
