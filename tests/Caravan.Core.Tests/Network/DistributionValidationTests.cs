using Caravan.Network;
using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>Duration distributions, tried on Xi'an's dwell time (nodes[0].dwellHours).</summary>
public class DistributionValidationTests
{
    private const string Dwell = "nodes[0].dwellHours";

    [Theory]
    [InlineData("""{"dist": "normal", "mean": 12}""", "dist")]
    [InlineData("""{"mean": 12}""", "dist")]
    [InlineData("""{"dist": "fixed", "hours": -1}""", "hours")]
    [InlineData("""{"dist": "fixed"}""", "hours")]
    [InlineData("""{"dist": "fixed", "hours": 3, "min": 1}""", "min")]
    [InlineData("""{"dist": "uniform", "min": -1, "max": 4}""", "min")]
    [InlineData("""{"dist": "uniform", "min": 5, "max": 4}""", "max")]
    [InlineData("""{"dist": "triangular", "min": -1, "mode": 12, "max": 36}""", "min")]
    [InlineData("""{"dist": "triangular", "min": 6, "mode": 5, "max": 36}""", "mode")]
    [InlineData("""{"dist": "triangular", "min": 6, "mode": 12, "max": 10}""", "max")]
    [InlineData("""{"dist": "lognormal", "median": 24, "p90": 24}""", "p90")]
    [InlineData("""{"dist": "lognormal", "median": 24, "p90": 20}""", "p90")]
    [InlineData("""{"dist": "lognormal", "median": 6, "p90": 60, "min": 6}""", "median")]
    [InlineData("""{"dist": "lognormal", "median": 24, "p90": 60, "min": -1}""", "min")]
    [InlineData("""{"dist": "empirical", "hours": []}""", "hours")]
    [InlineData("""{"dist": "empirical", "hours": 5}""", "hours")]
    [InlineData("""{"dist": "empirical", "hours": [1, -2]}""", "hours[1]")]
    public void Invalid_distributions_are_reported_at_the_offending_field(string json, string field) =>
        AssertOnlyError(Parse(d => Set(d, Dwell, json)), $"{Dwell}.{field}");

    [Fact]
    public void A_distribution_must_be_an_object() =>
        AssertOnlyError(Parse(d => Set(d, Dwell, "12")), Dwell);

    [Theory]
    [InlineData("""{"dist": "fixed", "hours": 0}""")]
    [InlineData("""{"dist": "uniform", "min": 4, "max": 4}""")]
    [InlineData("""{"dist": "triangular", "min": 6, "mode": 6, "max": 6}""")]
    [InlineData("""{"dist": "lognormal", "median": 24, "p90": 60}""")]
    public void Boundary_distributions_are_valid(string json) => AssertValid(Parse(d => Set(d, Dwell, json)));

    [Fact]
    public void Empirical_observations_are_sorted()
    {
        var network = Parse(d => Set(d, Dwell, """{"dist": "empirical", "hours": [48, 8, 24, 12]}""")).Network!;
        var dwell = Assert.IsType<EmpiricalDistribution>(network.Nodes[0].Dwell);
        Assert.Equal([8.0, 12.0, 24.0, 48.0], dwell.SortedHours);
    }
}
