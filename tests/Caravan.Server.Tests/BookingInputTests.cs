using System.Net;
using System.Text;
using Caravan.Server.Tests.Support;
using Caravan.Storage;
using NodaTime;

namespace Caravan.Server.Tests;

/// <summary>Every kind of bad booking request: a problem naming the field, no stack trace, and nothing written to the store.</summary>
public sealed class BookingInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private ServerHost Host => fixture.Host;

    // Mon 2027-02-01: a block train at 00:00 UTC; the daily train to Aktau at 12:00 UTC on Fri 2027-02-05.
    private const string Leg0 = """{"service": "XAN-DOS-BLOCK", "departure": "2027-02-01T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}""";
    private const string Leg1 = """{"service": "DOS-AKT-DAILY", "departure": "2027-02-05T12:00:00Z", "from": "KZDOS", "to": "KZAKT"}""";
    private const string Cargo = """{"containers40": 2}""";

    private static string Body(string cargo = Cargo, string legs = $"[{Leg0}, {Leg1}]", string extra = "") =>
        $$"""{"cargo": {{cargo}}, "legs": {{legs}}{{extra}}}""";

    public static TheoryData<string, string> BadBodies => new()
    {
        { Body(cargo: """{"containers40": -1}"""), "cargo.containers40" },
        { Body(cargo: """{"containers40": 1000000}"""), "cargo.containers40" },
        { Body(cargo: """{"containers40": 0}"""), "cargo.containers" },
        { Body(cargo: """{"containers40": 2.5}"""), "cargo.containers40" },
        { Body(cargo: """{"containers40": 2, "pallets": 4}"""), "cargo.pallets" },
        { Body(cargo: """{"kind": "liquidBulk", "tonnes": -5}"""), "cargo.tonnes" },
        { Body(cargo: "null"), "cargo" },
        { Body(legs: "[]"), "legs" },
        { Body(legs: $"[{Leg0.Replace("XAN-DOS-BLOCK", "ORIENT-EXPRESS")}]"), "legs[0].service" },
        { Body(legs: $"[{Leg0.Replace("\"CNXAN\"", "\"Atlantis\"")}]"), "legs[0].from" },
        { Body(legs: $"[{Leg0.Replace("\"KZDOS\"", "\"CNXAN\"")}]"), "legs[0].to" },
        { Body(legs: $"[{Leg0.Replace("2027-02-01T00:00:00Z", "2027-02-02T00:00:00Z")}]"), "legs[0].departure" },
        { Body(legs: $"[{Leg0.Replace("2027-02-01T00:00:00Z", "next monday")}]"), "legs[0].departure" },
        { Body(legs: $"[{Leg0.Replace("2027-02-01T00:00:00Z", "2026-11-23T00:00:00Z")}]"), "legs[0].departure" },
        { Body(legs: $"[{Leg0}, {Leg1.Replace("12:00:00Z", "13:00:00Z")}]"), "legs[1].departure" },
        { Body(legs: $"[{Leg0}, {Leg1.Replace("2027-02-05", "2027-02-02")}]"), "legs[1].departure" },
        { Body(legs: $"[{Leg0}, {Leg1.Replace("\"from\": \"KZDOS\"", "\"from\": \"CNXAN\"")}]"), "legs[1].from" },
        { Body(legs: $"[{Leg0}, {Leg1.Replace("\"service\"", "\"servise\"")}]"), "legs[1].servise" },
        { Body(legs: $"[{Leg0}, 42]"), "legs[1]" },
        { Body(extra: $", \"reference\": \"{new string('x', 101)}\""), "reference" },
        { Body(extra: """, "price": 1"""), "price" },
        { Body()[..^5], "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_booking_names_the_field_and_writes_nothing(string body, string field)
    {
        await (await Host.ShipperA.Client.PostJson("/bookings", body)).Problem(HttpStatusCode.BadRequest, field);
        await AssertNothingWritten();
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_naming_the_header()
    {
        await (await Host.ShipperA.Client.PostJson("/bookings", Body(), "text/plain")).Problem(HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await AssertNothingWritten();
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_is_not_read()
    {
        // 300 KB of reference text: over the 256 KB limit, whatever else is in the body.
        string body = Body(extra: $", \"reference\": \"{new string('x', 300 * 1024)}\"");
        // "Expect: 100-continue", as curl sends for large bodies: the client waits for the server's word before sending
        // the body, so the early 413 is not lost to a connection reset while the client is still writing.
        var sized = new HttpRequestMessage(HttpMethod.Post, "/bookings") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        sized.Headers.ExpectContinue = true;
        await (await Host.ShipperA.Client.SendAsync(sized)).Problem(HttpStatusCode.RequestEntityTooLarge, "body");

        // Chunked (no Content-Length): Kestrel stops reading at the limit.
        var chunked = new StringContent(body, Encoding.UTF8, "application/json");
        chunked.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/bookings") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;
        await (await Host.ShipperA.Client.SendAsync(request)).Problem(HttpStatusCode.RequestEntityTooLarge, "body");
        await AssertNothingWritten();
    }

    [Fact]
    public async Task A_bad_idempotency_key_is_refused_before_anything_is_held()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/bookings") { Content = new StringContent(Body(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 201));
        await (await Host.ShipperA.Client.SendAsync(request)).Problem(HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertNothingWritten();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("status=lost", "status")]
    public async Task A_bad_listing_query_names_the_parameter(string query, string field)
    {
        await (await Host.ShipperA.Client.GetAsync($"/bookings?{query}")).Problem(HttpStatusCode.BadRequest, field);
    }

    /// <summary>Shipper A makes no booking in this class: the store must hold none of its bookings and nothing on the departures.</summary>
    private async Task AssertNothingWritten()
    {
        await using var store = await Host.OpenStoreAsync();
        var page = await store.ListBookingsAsync(new BookingQuery(OrganisationId: Host.ShipperA.Id, Limit: 500));
        Assert.Empty(page.Items);
        var block = await store.GetDepartureAsync(new DepartureRef("XAN-DOS-BLOCK", Instant.FromUtc(2027, 2, 1, 0, 0)), new Capacity(110, 55, 3000));
        Assert.Equal(new Capacity(0, 0, 0), block.Held);
        var daily = await store.GetDepartureAsync(new DepartureRef("DOS-AKT-DAILY", Instant.FromUtc(2027, 2, 5, 12, 0)), new Capacity(null, 57, null));
        Assert.Equal(new Capacity(0, 0, 0), daily.Held);
    }
}
