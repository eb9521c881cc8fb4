using static Caravan.Core.Tests.Network.TinyNetworkFile;

namespace Caravan.Core.Tests.Network;

/// <summary>The rules of the emissions block: vehicleClasses[0] rail (WTW 22, TTW 18), hubOperations[0] transhipment (600/500).</summary>
public class EmissionValidationTests
{
    private const string Rail = "emissions.vehicleClasses[0]";
    private const string Hub = "emissions.hubOperations[0]";

    [Theory]
    [InlineData(Rail + ".co2eIntensityWTW", "-1")]
    [InlineData(Rail + ".co2eIntensityTTW", "-1")]
    [InlineData(Rail + ".co2eIntensityTTW", "22.1")] // above its WTW of 22
    [InlineData(Rail + ".loadFactor", "0")]
    [InlineData(Rail + ".loadFactor", "1.01")]
    [InlineData(Rail + ".emptyRunning", "-0.1")]
    [InlineData(Rail + ".emptyRunning", "2.1")]
    [InlineData(Rail + ".description", "\"\"")]
    [InlineData(Hub + ".co2eIntensityWTW", "-600")]
    [InlineData(Hub + ".co2eIntensityTTW", "601")]   // above its WTW of 600
    [InlineData("emissions.vehicleClasses[1].mode", "\"boat\"")]
    public void Emission_fields_are_checked(string path, string json) =>
        AssertOnlyError(Parse(d => Set(d, path, json)), path);

    [Theory]
    [InlineData(Rail + ".co2eIntensityTTW", "22")]
    [InlineData(Rail + ".loadFactor", "1")]
    [InlineData(Rail + ".emptyRunning", "2")]
    [InlineData(Rail + ".emptyRunning", "0")]
    public void Emission_bounds_are_inclusive(string path, string json) => AssertValid(Parse(d => Set(d, path, json)));

    [Fact]
    public void Vehicle_class_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, Rail)), "emissions.vehicleClasses[2].id");

    [Fact]
    public void Hub_operation_ids_are_unique() =>
        AssertOnlyError(Parse(d => AppendCopy(d, Hub)), "emissions.hubOperations[2].id");
}
