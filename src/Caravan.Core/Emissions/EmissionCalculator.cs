using Caravan.Network;
using Caravan.Shipments;

namespace Caravan.Emissions;

/// <summary>
/// CO2e of rides and transshipments per ISO 14083 / GLEC Framework v3, from the network's <see cref="EmissionTable"/>.
/// A ride emits its transport activity (gross tonnes × km) times the intensity of its service's vehicle class,
/// scaled to the service's load factor and empty running; a transshipment emits gross tonnes times its hub
/// operation's intensity. See docs/tariffs-and-emissions.md.
/// </summary>
public sealed class EmissionCalculator
{
    private readonly EmissionTable _table;

    public EmissionCalculator(NetworkModel network) => _table = network.Emissions;

    /// <summary>
    /// Transport activity <c>tkm = GrossTonnes × distanceKm</c>; <c>g = tkm × intensity</c> (WTW and TTW) with the
    /// service's scaled intensities.
    /// </summary>
    public EmissionResult ForRide(Service service, double distanceKm, Cargo cargo)
    {
        double tkm = cargo.GrossTonnes * distanceKm;
        return new EmissionResult(tkm, tkm * IntensityWTW(service), tkm * IntensityTTW(service));
    }

    /// <summary>
    /// Hub emissions: <c>g = GrossTonnes × hub intensity</c> (g per tonne handled), no transport activity.
    /// <see cref="EmissionResult.Zero"/> when the transshipment has no hub operation.
    /// </summary>
    public EmissionResult ForTransshipment(Transshipment transshipment, Cargo cargo)
    {
        if (transshipment.HubOperation is null) return EmissionResult.Zero;
        if (!_table.HubOperations.TryGetValue(transshipment.HubOperation, out var hub))
            throw new KeyNotFoundException(
                $"Transshipment '{transshipment.Id}' names hub operation '{transshipment.HubOperation}', which emission table '{_table.Version}' does not have.");
        double tonnes = cargo.GrossTonnes;
        return new EmissionResult(0, tonnes * hub.Co2eIntensityWTW, tonnes * hub.Co2eIntensityTTW);
    }

    /// <summary>g CO2e WTW per tonne-km of the service, after load-factor and empty-running scaling.</summary>
    public double IntensityWTW(Service service)
    {
        var vehicle = VehicleClassOf(service);
        return vehicle.Co2eIntensityWTW * Scaling(service, vehicle);
    }

    /// <summary>g CO2e TTW per tonne-km of the service, after load-factor and empty-running scaling.</summary>
    public double IntensityTTW(Service service)
    {
        var vehicle = VehicleClassOf(service);
        return vehicle.Co2eIntensityTTW * Scaling(service, vehicle);
    }

    /// <summary>
    /// Fuel per vehicle-km is taken as fixed, so the intensity per tonne-km goes with the vehicle-km driven per loaded
    /// tonne-km: inversely with the load factor and in proportion to (1 + empty running). The class intensity holds at
    /// the class's reference values, hence the ratio
    /// <c>(class.LoadFactor / lf) × ((1 + er) / (1 + class.EmptyRunning))</c>.
    /// </summary>
    internal static double Scaling(Service service, VehicleClass vehicle)
    {
        double lf = service.LoadFactor ?? vehicle.LoadFactor;
        double er = service.EmptyRunning ?? vehicle.EmptyRunning;
        if (lf <= 0 || vehicle.LoadFactor <= 0)
            throw new InvalidOperationException(
                $"Service '{service.Id}' has load factor {lf} (vehicle class '{vehicle.Id}': {vehicle.LoadFactor}); a load factor must be above 0.");
        return vehicle.LoadFactor / lf * ((1 + er) / (1 + vehicle.EmptyRunning));
    }

    private VehicleClass VehicleClassOf(Service service) =>
        _table.VehicleClasses.TryGetValue(service.VehicleClass, out var vehicle)
            ? vehicle
            : throw new KeyNotFoundException(
                $"Service '{service.Id}' names vehicle class '{service.VehicleClass}', which emission table '{_table.Version}' does not have.");
}
