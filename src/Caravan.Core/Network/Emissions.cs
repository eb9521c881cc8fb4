namespace Caravan.Network;

/// <summary>
/// Emission intensities, versioned, per ISO 14083 / GLEC Framework v3. Field names follow the iLEAP data
/// exchange (transport operation categories and hub operation categories with co2eIntensityWTW/TTW).
/// </summary>
public sealed record EmissionTable
{
    /// <summary>E.g. "GLEC v3.0 (2023) with Caravan estimates 2026-11".</summary>
    public required string Version { get; init; }
    public required IReadOnlyDictionary<string, VehicleClass> VehicleClasses { get; init; }
    public required IReadOnlyDictionary<string, HubOperation> HubOperations { get; init; }
    public required string Source { get; init; }
}

/// <summary>
/// A transport operation category. Intensities are g CO2e per tonne-km at the reference load factor and empty
/// running; a service with another load factor or empty running scales them (fuel per vehicle-km is fixed, so
/// intensity ∝ (1 + emptyRunning) / loadFactor).
/// </summary>
public sealed record VehicleClass
{
    public required string Id { get; init; }
    public required TransportMode Mode { get; init; }
    public required string Description { get; init; }
    public required double Co2eIntensityWTW { get; init; }
    public required double Co2eIntensityTTW { get; init; }
    public required double LoadFactor { get; init; }
    /// <summary>Empty distance as a share of loaded distance (0.3 = 30 % extra empty running).</summary>
    public required double EmptyRunning { get; init; }
    /// <summary>
    /// Cargo the vehicles can carry (liquid bulk only in tank wagons, tankers and pipelines, grain in hoppers);
    /// null carries any. A service of the class carries no other kind, whatever its own list says.
    /// </summary>
    public IReadOnlySet<CargoKind>? CargoKinds { get; init; }
    public required string Source { get; init; }
}

/// <summary>A hub operation category: g CO2e per tonne handled.</summary>
public sealed record HubOperation
{
    public required string Id { get; init; }
    public required string HubType { get; init; }
    public required double Co2eIntensityWTW { get; init; }
    public required double Co2eIntensityTTW { get; init; }
    public required string Source { get; init; }
}
