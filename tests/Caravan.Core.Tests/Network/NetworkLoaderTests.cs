using Caravan.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>Loading from files and the embedded default network.</summary>
public class NetworkLoaderTests
{
    [Fact]
    public void TryLoad_of_a_missing_file_gives_one_error_and_no_exception()
    {
        string path = Path.Combine(Path.GetTempPath(), $"caravan-missing-{Guid.NewGuid():N}.json");
        var result = Caravan.Files.NetworkFiles.TryLoad(path);
        Assert.Null(result.Network);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.GetFileName(path), error.File);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_with_that_error()
    {
        string path = Path.Combine(Path.GetTempPath(), $"caravan-missing-{Guid.NewGuid():N}.json");
        var e = Assert.Throws<NetworkLoadException>(() => Caravan.Files.NetworkFiles.Load(path));
        Assert.Single(e.Errors);
    }

    [Fact]
    public void Load_reads_a_file_and_remembers_where_it_came_from()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "tiny-network.json");
        var network = Caravan.Files.NetworkFiles.Load(path);
        Assert.Equal(path, network.Origin);
        Assert.Equal("tiny-example", network.Name);
    }

    [Fact]
    public void Load_of_an_invalid_file_throws_with_every_error_named_by_file_name()
    {
        var doc = TinyNetworkFile.Document();
        TinyNetworkFile.Set(doc, "links[0].distanceKm", "-5");
        TinyNetworkFile.Set(doc, "nodes[0].lat", "91");
        string path = Path.Combine(Path.GetTempPath(), $"caravan-invalid-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, doc.ToJsonString());
        try
        {
            var e = Assert.Throws<NetworkLoadException>(() => Caravan.Files.NetworkFiles.Load(path));
            Assert.Equal(2, e.Errors.Count);
            Assert.All(e.Errors, error => Assert.Equal(Path.GetFileName(path), error.File));
            Assert.Contains("links[0].distanceKm: found -5", e.Message);
            Assert.Contains("nodes[0].lat: found 91", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_default_network_loads_without_errors()
    {
        var network = NetworkLoader.LoadDefault();
        Assert.Equal("default", network.Origin);
        Assert.NotEmpty(network.Nodes);
        Assert.NotEmpty(network.Services);
    }

    [Fact]
    public void The_default_network_is_parsed_once_and_shared_between_threads()
    {
        var loaded = new NetworkModel[8];
        Parallel.For(0, loaded.Length, i => loaded[i] = NetworkLoader.LoadDefault());
        Assert.All(loaded, n => Assert.Same(loaded[0], n));
    }

    [Fact]
    public void The_country_list_is_complete_for_every_country_with_a_time_zone()
    {
        // ISO 3166-1 has 249 officially assigned alpha-2 codes; the tz database's zone.tab is an independent list.
        Assert.Equal(249, CountryCodes.Count);
        var zoneCountries = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.ZoneLocations!.Select(z => z.CountryCode).Distinct();
        Assert.All(zoneCountries, code => Assert.True(CountryCodes.IsAssigned(code), code));
    }
}
