using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Caravan.Network;
using Caravan.Simulation;
using Caravan.Simulation.Corridor;

namespace Caravan.Core.Tests.Simulation.Corridor;

/// <summary>
/// Pins what a fixed seed produces, bit for bit: a digest of every measured figure of a short corridor run (ferries,
/// block trains, locomotive pools, storms and adaptive routing) and of an M/M/2 run. A refactoring of the engine or
/// the corridor model must leave these digests unchanged; a deliberate change of the model's behaviour updates them
/// and says so in its commit. (The figures go through Math.Exp and Math.Log, so the digests are those of x64 .NET;
/// another platform's last bits may differ.)
/// </summary>
public class OutputDigestTests
{
    [Fact]
    public void A_short_baseline_run_gives_the_pinned_output()
    {
        var scenario = ScenarioLoader.Load("baseline-2024") with { WarmupDays = 20, HorizonDays = 60 };
        var result = ScenarioRunner.Run(scenario, NetworkLoader.LoadDefault(), replications: 2, seed: 11, maxDegreeOfParallelism: 1);
        Assert.Equal("BF32424A9F0815BD", Digest(result.Replications));
    }

    [Fact]
    public void An_adaptive_routing_run_gives_the_pinned_output()
    {
        var scenario = TestNetworks.Scenario("""
            {
              "formatVersion": 1, "name": "two-ways", "warmupDays": 20, "horizonDays": 90, "originBacklogLimitDays": 100000,
              "demand": [ { "id": "b-c", "from": "KZBBB", "to": "AZCCC", "cargo": "dryBulk", "tonnesPerYear": 569400,
                            "routing": "adaptive", "valueOfTimeUsdPerDay": 40, "source": "test" } ],
              "services": { "B-C-FERRY": { "capacityScale": 25, "source": "test" } },
              "ferries": { "B-C-FERRY": { "vessels": 20, "turnaroundHours": 1, "maxWaitHours": 24, "source": "test" } }
            }
            """);
        var result = ScenarioRunner.Run(scenario, TestNetworks.TwoWays(), replications: 2, seed: 4, maxDegreeOfParallelism: 1);
        Assert.Equal("21C9DE5608AEA02F", Digest(result.Replications));
    }

    [Fact]
    public void An_mmc_queue_run_gives_the_pinned_output()
    {
        var result = MmcQueue.Run(new QueueOptions { Servers = 2, ArrivalRate = 1.8, ServiceRate = 1, Customers = 50_000, Seed = 3 });
        Assert.Equal("8EDDA4E0C00FB109", Digest([result]));
    }

    /// <summary>SHA-256 over every public property but the wall-clock ones, doubles as their exact bits.</summary>
    private static string Digest(IEnumerable<object> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
            foreach (var property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (property.Name.Contains("Elapsed", StringComparison.Ordinal) || property.Name.Contains("PerSecond", StringComparison.Ordinal)) continue;
                text.Append(property.Name).Append('=');
                Append(text, property.GetValue(result));
                text.Append('\n');
            }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("null"); break;
            case double d: text.Append(BitConverter.DoubleToInt64Bits(d).ToString("X", CultureInfo.InvariantCulture)); break;
            case QuantileSketch q:
                text.Append(q.Count).Append(';');
                foreach (double x in new[] { q.Sum, q.Min, q.Max, q.Quantile(0.1), q.Quantile(0.5), q.Quantile(0.9), q.Quantile(0.99) })
                    Append(text, x);
                break;
            case Tally t: Append(text, t.Mean); break;
            case string s: text.Append(s); break;
            case IEnumerable items:
                text.Append('[');
                foreach (object? item in items)
                {
                    Append(text, item);
                    text.Append(',');
                }
                text.Append(']');
                break;
            case IFormattable f: text.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: text.Append(value.GetType().Name); break;
        }
    }
}
