using Caravan.Network;
namespace Caravan.Core.Tests.Network;
public class ZzTempDump
{
    [Fact]
    public void Dump()
    {
        var r = NetworkLoader.TryLoad("/work/main/data/network/corridor.json");
        Assert.Fail($"{r.Ok} nodes={r.Network?.Nodes.Count} links={r.Network?.Links.Count} services={r.Network?.Services.Count}\n" + string.Join("\n", r.Errors));
    }
}
