using Caravan.Network;
using Caravan.Planning;
using Caravan.Shipments;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The planner on the documented example network (docs/examples/tiny-network.json), against answers worked out
/// by hand from the file's figures. Medians: triangular(a, c, b) with u = 0.5 past the mode is
/// b − √(0.5 (b − a)(b − c)); every duration is rounded to whole seconds.
/// </summary>
public class PlannerHandComputedTests
{
    private static readonly NetworkModel Tiny = Caravan.Files.NetworkFiles.Load(Path.Combine(AppContext.BaseDirectory, "tiny-network.json"));
    private static readonly Planner Planner = new(Tiny);

    private static Cargo Forties(int n) => new() { Kind = CargoKind.Container, Containers40 = n };

    [Fact]
    public void Block_train_waits_for_the_next_timetabled_departure_in_local_time()
    {
        // Ready Monday 2026-11-23 00:00 in Xi'an (+08:00) = 2026-11-22T16:00Z.
        // Dwell at Xi'an: triangular(6, 12, 36) median = 36 − √(0.5·30·24) = 17.026334 h = 61,295 s → ready to board Mon 17:01:35 local.
        // Mon/Thu 08:00 timetable: Monday's train has left, so Thu 2026-11-26 08:00 +08:00 = 2026-11-26T00:00Z.
        // Running Xi'an–Dostyk: triangular(80, 96, 130) median = 130 − √(0.5·50·34) = 100.845241 h = 363,043 s → 2026-11-30T04:50:43Z.
        var result = Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "KZDOS", ReadyTime = Instant.FromUtc(2026, 11, 22, 16, 0), Cargo = Forties(2),
        });
        var it = Assert.Single(result.Itineraries);
        var leg = Assert.Single(it.Legs);
        Assert.Equal("XAN-DOS-BLOCK", leg.Service.Id);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 0, 0), leg.Departure);
        Assert.Equal(Instant.FromUtc(2026, 11, 30, 4, 50, 43), it.Arrival);
        Assert.Equal(Duration.FromSeconds(61_295), leg.Dwell);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 0, 0) - Instant.FromUtc(2026, 11, 23, 9, 1, 35), leg.Wait);
        // KTZ 0.24 USD per 40 ft and km: 2 × 3,100 × 0.24 = 1,488.00; no discount below 10 containers.
        Assert.Equal(1488.00m, it.TotalCost);
        // Diesel container train 22 g/tkm WTW, 18 TTW; 2 × 40 ft = 4 TEU × 10 t = 40 t; 40 × 3,100 = 124,000 tkm.
        Assert.Equal(124_000, it.Emissions.TransportActivityTkm, 6);
        Assert.Equal(2_728_000, it.Emissions.Co2eWTW, 3);
        Assert.Equal(2_232_000, it.Emissions.Co2eTTW, 3);
    }

    [Fact]
    public void Cargo_larger_than_one_train_arrives_with_the_second_train_and_earns_the_volume_discount()
    {
        // 60 × 40 ft = 120 TEU > 110 TEU per train: two departures, Thu 26th and Mon 30th 08:00 +08:00; it arrives with the second.
        // 2026-11-30T00:00Z + 363,043 s = 2026-12-04T04:50:43Z.
        var result = Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "KZDOS", ReadyTime = Instant.FromUtc(2026, 11, 22, 16, 0), Cargo = Forties(60),
        });
        var it = Assert.Single(result.Itineraries);
        Assert.Equal(2, it.Legs[0].DeparturesUsed);
        Assert.Equal(Instant.FromUtc(2026, 12, 4, 4, 50, 43), it.Arrival);
        // 60 × 3,100 × 0.24 = 44,640.00, less 10 % (≥ 40 containers) = 40,176.00.
        Assert.Equal(40_176.00m, it.TotalCost);
    }

    [Fact]
    public void Ferry_sails_when_full_and_the_shipment_shortens_the_wait_by_its_share()
    {
        // Ready at Aktau 2026-11-23T00:00Z; dwell fixed 12 h = 43,200 s.
        // Fill time triangular(24, 60, 168) median = 168 − √(0.5·144·108) = 79.818369 h = 287,346 s.
        // 2 × 40 ft = 4 TEU of 112: wait = 287,346 × (1 − 4/112) = 277,083.6 → 277,084 s (below the 168 h cap).
        // Crossing triangular(18, 21, 30) median = 30 − √(0.5·12·9) = 22.651531 h = 81,546 s.
        // Arrival = 43,200 + 277,084 + 81,546 = 401,830 s after ready = 2026-11-27T15:37:10Z.
        var result = Planner.Plan(new PlanRequest
        {
            From = "KZAKT", To = "AZALT", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0), Cargo = Forties(2),
        });
        var it = Assert.Single(result.Itineraries);
        Assert.Equal(Duration.FromSeconds(277_084), it.Legs[0].Wait);
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 15, 37, 10), it.Arrival);
        // ASCO in EUR at 1.15: 2 × 900 = 1,800 EUR = 2,070.00 USD; port dues 100 EUR = 115.00 USD.
        Assert.Equal(2185.00m, it.TotalCost);
        // RoPax 124.8 g/tkm at load factor 0.7, service runs at 0.6: 124.8 × 0.7 / 0.6 = 145.6 g/tkm × 40 t × 470 km.
        Assert.Equal(2_737_280, it.Emissions.Co2eWTW, 3);
    }

    [Fact]
    public void Whole_chain_changes_gauge_and_mode_with_the_rules_of_the_file()
    {
        var result = Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "AZALT", ReadyTime = Instant.FromUtc(2026, 11, 22, 16, 0), Cargo = Forties(2),
        });
        var it = Assert.Single(result.Itineraries);
        Assert.Equal(["XAN-DOS-BLOCK", "DOS-AKT-DAILY", "AKT-ALT-FERRY"], it.Legs.Select(l => l.Service.Id));
        Assert.Equal([null, "DOS-GAUGE", "AKT-RAIL-FERRY"], it.Legs.Select(l => l.Transshipment?.Id));
        // Each leg boards no earlier than the previous one arrived plus dwell, transshipment and wait.
        for (int i = 1; i < it.Legs.Count; i++)
        {
            var leg = it.Legs[i];
            Assert.Equal(it.Legs[i - 1].Arrival, leg.ArrivedAtBoardingNode);
            Assert.Equal(leg.Departure, leg.ArrivedAtBoardingNode + leg.Dwell + leg.TransshipmentTime + leg.Wait);
        }
        Assert.True(it.ArrivalDistribution.P10 <= it.ArrivalDistribution.P50 && it.ArrivalDistribution.P50 <= it.ArrivalDistribution.P90);
    }

    [Theory]
    [InlineData(7)] // class 7 is not allowed on the Xi'an–Dostyk line
    [InlineData(1)]
    public void Dangerous_goods_a_link_refuses_never_travel_on_it(int dgClass)
    {
        var result = Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "KZDOS", ReadyTime = Instant.FromUtc(2026, 11, 22, 16, 0),
            Cargo = Forties(1) with { DangerousGoodsClass = dgClass },
        });
        Assert.Empty(result.Itineraries);
    }

    [Fact]
    public void Liquid_bulk_never_rides_a_service_that_refuses_it()
    {
        // Dostyk–Aktau accepts liquid bulk; the ferry's link does not.
        var cargo = new Cargo { Kind = CargoKind.LiquidBulk, Tonnes = 500 };
        var ok = Planner.Plan(new PlanRequest { From = "KZDOS", To = "KZAKT", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0), Cargo = cargo });
        var refused = Planner.Plan(new PlanRequest { From = "KZAKT", To = "AZALT", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0), Cargo = cargo });
        Assert.NotEmpty(ok.Itineraries);
        Assert.Empty(refused.Itineraries);
    }

    [Fact]
    public void A_deadline_adds_the_probability_of_arriving_by_it()
    {
        var request = new PlanRequest
        {
            From = "CNXAN", To = "AZALT", ReadyTime = Instant.FromUtc(2026, 11, 22, 16, 0), Cargo = Forties(2),
            Deadline = Instant.FromUtc(2026, 12, 14, 0, 0),
        };
        var it = Assert.Single(Planner.Plan(request).Itineraries);
        Assert.NotNull(it.OnTimeProbability);
        Assert.InRange(it.OnTimeProbability!.Value, 0, 1);
        // The on-time share is consistent with the percentiles of the same draws.
        var deadline = request.Deadline!.Value;
        if (it.ArrivalDistribution.P90 <= deadline) Assert.True(it.OnTimeProbability >= 0.9);
        if (it.ArrivalDistribution.P10 > deadline) Assert.True(it.OnTimeProbability < 0.1);
        // Same seed, same answer.
        Assert.Equal(it.OnTimeProbability, Planner.Plan(request).Itineraries[0].OnTimeProbability);
    }

    [Fact]
    public void Invalid_requests_name_the_field()
    {
        var ex = Assert.Throws<PlanRequestException>(() => Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "CNXAN", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0), Cargo = Forties(1),
        }));
        Assert.Equal("to", ex.Field);
        ex = Assert.Throws<PlanRequestException>(() => Planner.Plan(new PlanRequest
        {
            From = "CNXAN", To = "KZDOS", ReadyTime = Instant.FromUtc(2026, 11, 23, 0, 0), Cargo = Forties(0),
        }));
        Assert.Equal("cargo.containers", ex.Field);
    }
}
