using System.Net;
using System.Net.Sockets;
using Caravan.Server.RateLimiting;
using Caravan.Server.Tests.Support;

namespace Caravan.Server.Tests;

/// <summary>The rate limits, with tiny limits set on hosts of their own (the defaults never throttle the other tests).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Wrong_keys_from_one_address_get_429_with_Retry_After_after_the_limit_while_good_keys_still_work()
    {
        await using var host = await ServerHost.StartAsync(configure: o => o with { FailedAuthenticationLimit = new RateLimit(3, TimeSpan.FromHours(1)) });
        // Used before the burst, so it is known to be good when its address is blocked.
        await (await host.ShipperA.Client.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);

        using var wrong = ServerHost.Client(host.BaseUrl, "cvn_0123456789abcdef_not-the-secret");
        for (var i = 0; i < 2; i++) await (await wrong.GetAsync("/network/nodes")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Anonymous.GetAsync("/network/nodes")).Problem(HttpStatusCode.Unauthorized); // a missing key counts too

        var limited = await wrong.GetAsync("/network/nodes");
        var problem = await limited.Problem(HttpStatusCode.TooManyRequests);
        Assert.Contains("failed authentications", problem.GetProperty("detail").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromHours(1), $"Retry-After {limited.Headers.RetryAfter}");
        await (await host.Anonymous.GetAsync("/network/nodes")).Problem(HttpStatusCode.TooManyRequests);
        await (await host.Anonymous.GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK); // public documents stay public

        // A key that worked before still works from the blocked address; from another address any good key works.
        await (await host.ShipperA.Client.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);
        await (await host.ShipperB.Client.GetAsync("/network/nodes")).Problem(HttpStatusCode.TooManyRequests); // never seen: not looked up
        using var elsewhere = From(IPAddress.Parse("127.0.0.2"), host.BaseUrl, host.ShipperB.Key);
        await (await elsewhere.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_and_another_key_does_not()
    {
        // The admin's key makes 8 requests while the host sets up its organisations.
        await using var host = await ServerHost.StartAsync(configure: o => o with { KeyRateLimit = new RateLimit(10, TimeSpan.FromHours(1)) });
        for (var i = 0; i < 10; i++) await (await host.ShipperA.Client.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);

        var limited = await host.ShipperA.Client.GetAsync("/network/nodes");
        var problem = await limited.Problem(HttpStatusCode.TooManyRequests);
        Assert.Contains("API key", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After {limited.Headers.RetryAfter}");
        await (await host.ShipperA.Client.PostJson("/bookings", BookingBodies.OneLeg("2027-01-04T00:00:00Z"))).Problem(HttpStatusCode.TooManyRequests);

        await (await host.ShipperB.Client.GetAsync("/network/nodes")).Json(HttpStatusCode.OK);
        // Being over the key's limit is not a failed authentication: the address is not blocked.
        using var wrong = ServerHost.Client(host.BaseUrl, "cvn_0123456789abcdef_not-the-secret");
        await (await wrong.GetAsync("/network/nodes")).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("100/min", 100, 60)]
    [InlineData(" 5 / s ", 5, 1)]
    [InlineData("2/h", 2, 3600)]
    public void A_limit_is_written_permits_per_period(string text, int permits, int seconds) =>
        Assert.Equal(new RateLimit(permits, TimeSpan.FromSeconds(seconds)), RateLimit.TryParse(text));

    [Theory]
    [InlineData("0/s")]
    [InlineData("-1/s")]
    [InlineData("10")]
    [InlineData("10/day")]
    [InlineData("ten/s")]
    public void A_malformed_limit_is_refused(string text) => Assert.Null(RateLimit.TryParse(text));

    /// <summary>A client whose connections come from <paramref name="local"/> (any 127.x.y.z is the loopback on Linux).</summary>
    private static HttpClient From(IPAddress local, string baseUrl, string key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
