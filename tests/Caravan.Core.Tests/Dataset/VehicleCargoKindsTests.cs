using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Dataset;

/// <summary>Vehicles carry the cargo they are built for: liquid bulk in tank wagons, tankers and pipelines, grain in hoppers.</summary>
public class VehicleCargoKindsTests
{
    private static readonly NetworkModel Network = NetworkLoader.LoadDefault();

    private static string DefaultJson()
    {
        using var stream = typeof(NetworkLoader).Assembly.GetManifestResourceStream(NetworkLoader.DefaultResourceName)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static PlanResult Plan(string from, string to, CargoKind kind) => new Planner(Network).Plan(new PlanRequest
    {
        From = from, To = to, ReadyTime = Instant.FromUtc(2024, 3, 4, 0, 0),
        Cargo = new Cargo { Kind = kind, Tonnes = 3000 },
    });

    [Fact]
    public void Liquid_bulk_rides_only_tank_trains_tankers_and_the_pipeline()
    {
        var toCeyhan = Plan("KZATY", "TRCEY", CargoKind.LiquidBulk);

        Assert.NotEmpty(toCeyhan.Itineraries);
        foreach (var leg in toCeyhan.Itineraries.SelectMany(i => i.Legs))
            Assert.Contains(CargoKind.LiquidBulk, Network.Emissions.VehicleClasses[leg.Service.VehicleClass].CargoKinds!);
        // No tank-wagon service runs on from Alat to the Georgian ports in the dataset, so nothing does.
        Assert.Empty(Plan("KZATY", "GEPTI", CargoKind.LiquidBulk).Itineraries);
    }

    [Fact]
    public void Grain_rides_hoppers_and_rail_ferries_not_container_trains()
    {
        var grain = Plan("KZAST", "AZALT", CargoKind.DryBulk);

        Assert.NotEmpty(grain.Itineraries);
        Assert.All(grain.Itineraries.SelectMany(i => i.Legs),
            leg => Assert.DoesNotContain("container", leg.Service.VehicleClass, StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_listing_cargo_its_vehicle_class_cannot_carry_is_refused_by_the_loader()
    {
        string json = DefaultJson().Replace(
            "\"stops\": [\"CNURC\", \"KZDOS\"], \"departures\": {\"type\": \"interval\", \"everyHours\": 12, \"firstDeparture\": \"2024-01-01T06:00\"}, \"capacityPerDeparture\": {\"teu\": 100, \"wagons\": 50, \"tonnes\": 2500}, \"vehicleClass\": \"rail-electric-container-coal-grid\", \"cargoKinds\": [\"container\", \"wagon\"]",
            "\"stops\": [\"CNURC\", \"KZDOS\"], \"departures\": {\"type\": \"interval\", \"everyHours\": 12, \"firstDeparture\": \"2024-01-01T06:00\"}, \"capacityPerDeparture\": {\"teu\": 100, \"wagons\": 50, \"tonnes\": 2500}, \"vehicleClass\": \"rail-electric-container-coal-grid\", \"cargoKinds\": [\"container\", \"liquidBulk\"]");
        var result = NetworkLoader.Parse(json, "corridor.json");

        Assert.False(result.Ok);
        Assert.Contains("corridor.json: services[4].cargoKinds: found \"liquidBulk\", expected cargo its vehicle class rail-electric-container-coal-grid carries: container, wagon",
            result.Errors.Select(e => e.ToString()));
    }
}
