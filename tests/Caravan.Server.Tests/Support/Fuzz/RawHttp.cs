using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>
/// One HTTP/1.1 request written byte for byte on its own connection. HttpClient cannot send what a hostile client
/// sends: it normalises "../" away, refuses a NUL or a non-ASCII byte in a header, and re-encodes the path.
/// </summary>
internal static class RawHttp
{
    public sealed record Answer(int Status, HttpResponseMessage Message, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static async Task<Answer> SendAsync(Uri server, HostileRequest request, CancellationToken ct)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port, ct);
        await using var stream = client.GetStream();

        var head = new MemoryStream();
        void Ascii(string text) => head.Write(Encoding.Latin1.GetBytes(text));
        Ascii(request.Method + " ");
        head.Write(request.Target);
        Ascii($" HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\nConnection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            Ascii(name + ": ");
            head.Write(value);
            Ascii("\r\n");
        }
        byte[] body = request.Body ?? [];
        if (request.Chunked) Ascii("Transfer-Encoding: chunked\r\n");
        else if (request.Body is not null) Ascii($"Content-Length: {body.Length}\r\n");
        Ascii("\r\n");
        if (request.Chunked) body = Chunk(body);

        // Read while writing: a server that refuses a large body early answers and may close before taking it all.
        var reading = ReadToEndAsync(stream, ct);
        try
        {
            await stream.WriteAsync(head.ToArray(), ct);
            if (body.Length > 0) await stream.WriteAsync(body, ct);
            // No half-close: Kestrel takes a FIN as the client going away and drops the answer. "Connection: close"
            // makes the server close once it has answered.
        }
        catch (Exception e) when (e is IOException or SocketException) { }
        return Parse(await reading);
    }

    private static byte[] Chunk(byte[] body)
    {
        var chunked = new MemoryStream();
        for (int at = 0; at < body.Length; at += 16 * 1024)
        {
            int n = Math.Min(16 * 1024, body.Length - at);
            chunked.Write(Encoding.ASCII.GetBytes($"{n:X}\r\n"));
            chunked.Write(body, at, n);
            chunked.Write("\r\n"u8);
        }
        chunked.Write("0\r\n\r\n"u8);
        return chunked.ToArray();
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken ct)
    {
        var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0) all.Write(buffer, 0, n);
        }
        // A reset after the answer (the server closed with our body unread) still leaves the answer read.
        catch (IOException) when (all.Length > 0) { }
        return all.ToArray();
    }

    private static Answer Parse(byte[] bytes)
    {
        int end = IndexOf(bytes, "\r\n\r\n"u8, 0);
        if (end < 0) throw new InvalidDataException($"No HTTP answer (got {bytes.Length} bytes: '{Encoding.Latin1.GetString(bytes[..Math.Min(200, bytes.Length)])}').");
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var message = new HttpResponseMessage((HttpStatusCode)status);
        var headers = new List<(string Name, string Value)>();
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        byte[] body = bytes[(end + 4)..];
        if (headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            body = Dechunk(body);
        message.Content = new ByteArrayContent(body);
        foreach (var (name, value) in headers)
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        return new Answer(status, message, body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        int at = 0;
        while (at < chunked.Length)
        {
            int lineEnd = IndexOf(chunked, "\r\n"u8, at);
            if (lineEnd < 0) break;
            int size = int.Parse(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0) break;
            body.Write(chunked, lineEnd + 2, Math.Min(size, chunked.Length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.ToArray();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what, int from)
    {
        int i = bytes.AsSpan(from).IndexOf(what);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The media type of an answer, or null.</summary>
    public static string? MediaType(HttpResponseMessage message) =>
        message.Content.Headers.TryGetValues("Content-Type", out var values) && MediaTypeHeaderValue.TryParse(values.First(), out var media) ? media.MediaType : null;
}
