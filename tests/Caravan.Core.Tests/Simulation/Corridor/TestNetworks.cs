using Caravan.Network;
using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>Small networks and scenarios whose answers can be worked out by hand.</summary>
internal static class TestNetworks
{
    /// <summary>
    /// Two nodes. AAA (a border post) → BBB by an hourly train with room for 1,000 wagons, and a ferry BBB → CCC
    /// that sails when 2 wagons are aboard (or after 10 h), crossing in exactly 5 h. Dwell at AAA is exactly 1 h, so
    /// with a scenario capacity at AAA the border post is a single deterministic server (M/D/1).
    /// </summary>
    public static NetworkModel Tiny()
    {
        var result = NetworkLoader.Parse(TinyJson, "tiny-corridor.json");
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        return result.Network!;
    }

    /// <summary>
    /// <see cref="Tiny"/> with a second way from B to C: a daily ship (sea, 10 wagons a departure, 12 h crossing)
    /// priced USD 100 a wagon beside the ferry's USD 500.
    /// </summary>
    public static NetworkModel TwoWays()
    {
        string json = TinyJson
            .Replace("""
              "cargoKinds": ["container", "dryBulk", "liquidBulk", "wagon"], "dangerousGoodsClasses": [], "source": "test" }
          ],
        """, """
              "cargoKinds": ["container", "dryBulk", "liquidBulk", "wagon"], "dangerousGoodsClasses": [], "source": "test" },
            { "id": "B-C-SEA", "from": "KZBBB", "to": "AZCCC", "mode": "sea", "distanceKm": 400,
              "runningHours": { "dist": "fixed", "hours": 12 },
              "cargoKinds": ["container", "dryBulk", "liquidBulk", "wagon"], "dangerousGoodsClasses": [], "source": "test" }
          ],
        """)
            .Replace("""
          "transshipments": [
        """, """
          "transshipments": [
            { "id": "B-RAIL-SEA", "node": "KZBBB", "fromMode": "rail", "toMode": "sea",
              "hours": { "dist": "fixed", "hours": 0 },
              "cost": { "currency": "USD", "perShipment": 0, "perTeu": 0, "perTonne": 0, "perWagon": 0 }, "source": "test" },
        """)
            .Replace("""{ "label": "ferry", "category": "ferry", "basis": "perWagon", "amount": 1 }""",
                     """{ "label": "ferry", "category": "ferry", "basis": "perWagon", "amount": 500 }""")
            .Replace("""
          "tariffs": [
        """, """
          "tariffs": [
            { "carrier": "SC", "currency": "USD", "rules": [ { "label": "ship", "category": "freight", "basis": "perWagon", "amount": 100 } ], "source": "test" },
        """)
            .Replace("""
            "vehicleClasses": [
        """, """
            "vehicleClasses": [
              { "id": "ship", "mode": "sea", "description": "ship", "co2eIntensityWTW": 10, "co2eIntensityTTW": 9, "loadFactor": 0.7, "emptyRunning": 0, "source": "test" },
        """)
            .Replace("""
          "services": [
        """, """
          "services": [
            { "id": "B-C-SHIP", "name": "B to C ship", "operator": "Ship Co", "carrier": "SC", "mode": "sea", "stops": ["KZBBB", "AZCCC"],
              "departures": { "type": "timetable", "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "times": ["12:00"] },
              "capacityPerDeparture": { "wagons": 10 }, "vehicleClass": "ship", "source": "test" },
        """);
        var result = NetworkLoader.Parse(json, "two-ways.json");
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        return result.Network!;
    }

    public static Scenario Scenario(string json, string file = "test-scenario.json")
    {
        var (scenario, errors) = ScenarioLoader.Parse(json, file);
        Assert.True(scenario is not null, string.Join("; ", errors));
        return scenario!;
    }

    private const string TinyJson = """
    {
      "formatVersion": 1, "name": "tiny-corridor", "version": "test",
      "currencies": { "quoteCurrency": "USD", "date": "2025-11-03", "ratesToQuote": { "USD": 1 }, "source": "test" },
      "nodes": [
        { "id": "KZAAA", "name": "Border A", "country": "KZ", "lat": 43.0, "lon": 60.0, "timeZone": "Asia/Almaty",
          "kind": "borderCrossing", "gauges": [1520], "dwellHours": { "dist": "fixed", "hours": 1 }, "source": "test" },
        { "id": "KZBBB", "name": "Port B", "country": "KZ", "lat": 43.6, "lon": 51.2, "timeZone": "Asia/Almaty",
          "kind": "seaPort", "gauges": [1520], "dwellHours": { "dist": "fixed", "hours": 0 }, "source": "test" },
        { "id": "AZCCC", "name": "Port C", "country": "AZ", "lat": 40.0, "lon": 49.4, "timeZone": "Asia/Baku",
          "kind": "seaPort", "gauges": [1520], "dwellHours": { "dist": "fixed", "hours": 0 }, "source": "test" }
      ],
      "links": [
        { "id": "A-B", "from": "KZAAA", "to": "KZBBB", "mode": "rail", "distanceKm": 100,
          "runningHours": { "dist": "fixed", "hours": 2 }, "gauge": 1520,
          "cargoKinds": ["container", "dryBulk", "liquidBulk", "wagon"], "dangerousGoodsClasses": [], "source": "test" },
        { "id": "B-C", "from": "KZBBB", "to": "AZCCC", "mode": "ferry", "distanceKm": 400,
          "runningHours": { "dist": "fixed", "hours": 5 },
          "cargoKinds": ["container", "dryBulk", "liquidBulk", "wagon"], "dangerousGoodsClasses": [], "source": "test" }
      ],
      "services": [
        { "id": "A-B-TRAIN", "name": "A to B", "operator": "Rail A", "carrier": "RA", "mode": "rail", "stops": ["KZAAA", "KZBBB"],
          "departures": { "type": "interval", "everyHours": 1, "firstDeparture": "2024-01-01T00:30" },
          "capacityPerDeparture": { "wagons": 1000 }, "vehicleClass": "rail", "source": "test" },
        { "id": "B-C-FERRY", "name": "B to C", "operator": "Ferry Co", "carrier": "FC", "mode": "ferry", "stops": ["KZBBB", "AZCCC"],
          "departures": { "type": "sailWhenFull", "maxWaitHours": 10, "fillHours": { "dist": "fixed", "hours": 1 } },
          "capacityPerDeparture": { "wagons": 2 }, "vehicleClass": "ferry", "source": "test" },
        { "id": "C-B-FERRY", "name": "C to B", "operator": "Ferry Co", "carrier": "FC", "mode": "ferry", "stops": ["AZCCC", "KZBBB"],
          "departures": { "type": "sailWhenFull", "maxWaitHours": 10, "fillHours": { "dist": "fixed", "hours": 1 } },
          "capacityPerDeparture": { "wagons": 2 }, "vehicleClass": "ferry", "source": "test" }
      ],
      "transshipments": [
        { "id": "B-RAIL-FERRY", "node": "KZBBB", "fromMode": "rail", "toMode": "ferry",
          "hours": { "dist": "fixed", "hours": 0 },
          "cost": { "currency": "USD", "perShipment": 0, "perTeu": 0, "perTonne": 0, "perWagon": 0 }, "source": "test" }
      ],
      "tariffs": [
        { "carrier": "RA", "currency": "USD", "rules": [ { "label": "rail", "category": "freight", "basis": "perWagon", "amount": 1 } ], "source": "test" },
        { "carrier": "FC", "currency": "USD", "rules": [ { "label": "ferry", "category": "ferry", "basis": "perWagon", "amount": 1 } ], "source": "test" }
      ],
      "emissions": {
        "version": "test", "source": "test",
        "vehicleClasses": [
          { "id": "rail", "mode": "rail", "description": "rail", "co2eIntensityWTW": 20, "co2eIntensityTTW": 18, "loadFactor": 0.7, "emptyRunning": 0.2, "source": "test" },
          { "id": "ferry", "mode": "ferry", "description": "ferry", "co2eIntensityWTW": 100, "co2eIntensityTTW": 90, "loadFactor": 0.7, "emptyRunning": 0, "source": "test" }
        ],
        "hubOperations": []
      }
    }
    """;
}
