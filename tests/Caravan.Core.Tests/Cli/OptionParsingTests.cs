using Caravan.Cli;
using Caravan.Cli.Options;
using NodaTime;

namespace Caravan.Core.Tests.Cli;

public class OptionParsingTests
{
    [Theory]
    [InlineData("2x40ft", 0, 2)]
    [InlineData("3x20ft,1x40ft", 3, 1)]
    [InlineData("2 x 40", 0, 2)]
    [InlineData("1×20'", 1, 0)]
    [InlineData("1X20FT, 2x20ft", 3, 0)] // sizes add up
    public void Containers_are_counted_per_size(string text, int expected20, int expected40)
    {
        var cargo = CargoOptions.ParseContainers(text);
        Assert.Equal(expected20, cargo.Containers20);
        Assert.Equal(expected40, cargo.Containers40);
    }

    [Theory]
    [InlineData("2x45ft")]
    [InlineData("0x40ft")]
    [InlineData("40ft")]
    [InlineData("2x40ft,")]
    [InlineData("two x 40ft")]
    public void Malformed_containers_name_the_option(string text)
    {
        var ex = Assert.Throws<CliUsageException>(() => CargoOptions.ParseContainers(text));
        Assert.StartsWith($"--containers: found '{text}', expected", ex.Message);
    }

    [Theory]
    // Asia/Shanghai is UTC+8: 08:00 local is 00:00 UTC.
    [InlineData("2026-12-01T08:00", "Asia/Shanghai", false, "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01 08:00:30", "Asia/Shanghai", false, "2026-12-01T00:00:30Z")]
    // An offset wins over the node's zone: 08:00 at +03:00 is 05:00 UTC.
    [InlineData("2026-12-01T08:00+03:00", "Asia/Shanghai", false, "2026-12-01T05:00:00Z")]
    [InlineData("2026-12-01T08:00:00Z", "Asia/Shanghai", false, "2026-12-01T08:00:00Z")]
    // A bare date: the start of the day, or for a deadline its end (Asia/Baku is UTC+4: 24:00 local = 20:00 UTC).
    [InlineData("2026-12-01", "Asia/Shanghai", false, "2026-11-30T16:00:00Z")]
    [InlineData("2026-12-01", "Asia/Baku", true, "2026-12-01T20:00:00Z")]
    // 02:30 on 29 March 2026 does not exist in Berlin (clocks jump 02:00 → 03:00 CEST, UTC+2): lenient gives 03:30 CEST = 01:30 UTC.
    [InlineData("2026-03-29T02:30", "Europe/Berlin", false, "2026-03-29T01:30:00Z")]
    public void Times_without_offset_are_local_at_the_node(string text, string zone, bool deadline, string expectedUtc)
    {
        var instant = TimeParsing.Parse(text, DateTimeZoneProviders.Tzdb[zone], "--ready", deadline);
        Assert.Equal(expectedUtc, instant.ToString());
    }

    [Fact]
    public void A_bad_time_names_the_option()
    {
        var ex = Assert.Throws<CliUsageException>(() => TimeParsing.Parse("01/12/2026", DateTimeZone.Utc, "--deadline"));
        Assert.StartsWith("--deadline: found '01/12/2026', expected an ISO 8601 date", ex.Message);
    }
}
