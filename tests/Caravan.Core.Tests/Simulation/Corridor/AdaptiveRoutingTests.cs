using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>Consignments choose among routes as a forwarder would: by price, and by time including the queues ahead.</summary>
public class AdaptiveRoutingTests
{
    /// <summary>
    /// 24 wagons a day from B to C (λ = 1/h). The ship costs USD 100 a wagon but carries 10 a day; the ferry costs
    /// 500 and has room for all (20 vessels of 50). The shipper values a wagon-day at USD 40.
    /// </summary>
    private static ScenarioResult Run(string routing) => ScenarioRunner.Run(TestNetworks.Scenario($$"""
        {
          "formatVersion": 1, "name": "two-ways", "warmupDays": 60, "horizonDays": 365, "originBacklogLimitDays": 100000,
          "demand": [ { "id": "b-c", "from": "KZBBB", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 569400,
                        "routing": "{{routing}}", "valueOfTimeUsdPerDay": 40, "source": "test" } ],
          "services": { "B-C-FERRY": { "capacityScale": 25, "source": "test" } },
          "ferries": { "B-C-FERRY": { "vessels": 20, "turnaroundHours": 1, "maxWaitHours": 24, "source": "test" } }
        }
        """), TestNetworks.TwoWays(), replications: 6, seed: 4);

    private static double UnitsPerYear(ScenarioResult r, string service) =>
        r.Elements.Where(e => e.Element.Service == service && e.Element.Kind is ElementKind.Service or ElementKind.Ferry).Sum(e => e.UnitsPerYear.Mean);

    [Fact]
    public void Adaptive_consignments_fill_the_cheap_ship_and_take_the_ferry_when_its_queue_costs_more_than_the_fare_saved()
    {
        var r = Run("adaptive");

        // Everything is carried: the ship at its capacity (365 × 10 = 3,650 wagons), the ferry the rest of 8,760.
        Assert.InRange(r.DeliveredTonnesPerYear.Mean / 65, 8760 * 0.97, 8760 * 1.03);
        Assert.InRange(UnitsPerYear(r, "B-C-SHIP"), 3650 * 0.95, 3650 * 1.01);
        Assert.InRange(UnitsPerYear(r, "B-C-FERRY"), 5110 * 0.93, 5110 * 1.07);
        // Hand-computed equilibrium: a consignment takes the ship while the days of queue ahead of it × USD 40 stay
        // below the USD 400 fare saved (less the ship's longer nominal trip), so the ship's queue holds ≈ 10 days
        // minus that difference; its mean wait is then 8–11 days (with up to a day for the daily departure).
        var ship = r.Elements.Single(e => e.Element.Service == "B-C-SHIP");
        Assert.InRange(ship.MeanWaitHours.Mean / 24, 8, 11);
    }

    [Fact]
    public void Fixed_routing_sends_everything_to_the_cheapest_route_however_long_its_queue()
    {
        var r = Run("fixed");

        Assert.Equal(0, UnitsPerYear(r, "B-C-FERRY"), 6);
        Assert.InRange(UnitsPerYear(r, "B-C-SHIP"), 3650 * 0.95, 3650 * 1.01);
        Assert.True(r.UndeliveredTonnesPerYear.Mean / 65 > 4000, "the ship's queue grows by ≈ 5,000 wagons a year");
    }
}

public class DecisionPointTests
{
    [Fact]
    public void A_unit_reconsiders_at_the_port_and_the_ship_is_still_used_to_its_capacity()
    {
        // A → B by train (2 h), then the ship or the ferry as in AdaptiveRoutingTests: both routes share the train, so
        // at B each unit chooses again with the queues it finds there rather than those of two hours before.
        var r = ScenarioRunner.Run(TestNetworks.Scenario("""
            {
              "formatVersion": 1, "name": "two-ways-from-a", "warmupDays": 60, "horizonDays": 365, "originBacklogLimitDays": 100000,
              "demand": [ { "id": "a-c", "from": "KZAAA", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 569400,
                            "valueOfTimeUsdPerDay": 40, "source": "test" } ],
              "services": { "B-C-FERRY": { "capacityScale": 25, "source": "test" } },
              "ferries": { "B-C-FERRY": { "vessels": 20, "turnaroundHours": 1, "maxWaitHours": 24, "source": "test" } }
            }
            """), TestNetworks.TwoWays(), replications: 4, seed: 8);

        Assert.True(r.ReroutedUnitsPerYear.Mean > 0, "no unit changed its mind at B");
        Assert.InRange(r.DeliveredTonnesPerYear.Mean / 65, 8760 * 0.97, 8760 * 1.03);
        var ship = r.Elements.Single(e => e.Element.Service == "B-C-SHIP");
        Assert.InRange(ship.UnitsPerYear.Mean, 3650 * 0.95, 3650 * 1.01);
    }
}
