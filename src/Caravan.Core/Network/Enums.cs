namespace Caravan.Network;

/// <summary>How a link moves cargo. Serialized in camelCase: "rail", "road", "ferry", "sea", "pipeline".</summary>
public enum TransportMode { Rail, Road, Ferry, Sea, Pipeline }

/// <summary>
/// What a carrier sells on a service. <see cref="BlockTrain"/> is a scheduled through product (a whole train booked
/// end to end, with its ferry slot and border windows agreed in advance), which is how the corridor's 8–10 days to
/// Azerbaijan are reached; <see cref="Standard"/> is everything else, where cargo waits its turn at each node.
/// Serialized in camelCase: "standard", "blockTrain".
/// </summary>
public enum ServiceProduct { Standard, BlockTrain }

/// <summary>What a node is. Serialized in camelCase: "railTerminal", "seaPort", ….</summary>
public enum NodeKind { RailTerminal, SeaPort, BorderCrossing, PipelineTerminal, InlandHub }

/// <summary>
/// The kinds of cargo a shipper can book. <see cref="Wagon"/> is conventional wagonload (the shipper's own
/// or leased wagons travel through); bulk in wagons is <see cref="DryBulk"/> or <see cref="LiquidBulk"/>.
/// </summary>
public enum CargoKind { Container, DryBulk, LiquidBulk, Wagon }

/// <summary>What a tariff rule charges for; the unit its amount is per.</summary>
public enum TariffBasis
{
    /// <summary>Once per shipment on the leg (port dues, documentation).</summary>
    PerShipment,
    PerContainer20,
    PerContainer40,
    /// <summary>Per loaded 20-ft container and kilometre; a 40-ft pays the rule's amount × 2 unless a PerContainer40Km rule exists.</summary>
    PerContainer20Km,
    PerContainer40Km,
    PerTonne,
    PerTonneKm,
    PerWagon,
    PerWagonKm,
    /// <summary>A percentage of the freight charges of the same leg (e.g. a dangerous-goods surcharge of 50 %).</summary>
    PercentOfFreight,
}

/// <summary>What a charge is, for the breakdown a shipper reads.</summary>
public enum ChargeCategory { Freight, PortDues, Ferry, TerminalHandling, Transshipment, Surcharge, Fee }

/// <summary>When a tariff rule applies beyond its carrier and filters.</summary>
public enum ChargeCondition { Always, DangerousGoods, Reefer, Oversize }
