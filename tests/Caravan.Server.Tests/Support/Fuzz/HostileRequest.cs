using System.Text;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>
/// One generated request, as bytes on the wire. <see cref="ServerRefuses"/> marks what Kestrel itself answers before
/// the application runs (a NUL in the path, a control or non-ASCII byte in a header, a request line beyond its
/// limit): such answers cannot be problems, see FuzzTests.
/// </summary>
internal sealed record HostileRequest(
    int Index, string Operation, string Kind, string Party, string Method, byte[] Target,
    IReadOnlyList<(string Name, byte[] Value)> Headers, byte[]? Body, bool Chunked, bool ServerRefuses)
{
    public bool IsWrite => Method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE");

    /// <summary>The path the server routes on, as HttpClient would report it (dot segments removed), for the contract check.</summary>
    public string RoutedPath
    {
        get
        {
            string target = Encoding.Latin1.GetString(Target);
            int query = target.IndexOf('?');
            string path = query < 0 ? target : target[..query];
            return Uri.TryCreate(new Uri("http://fuzz.invalid"), path, out var uri) ? uri.AbsolutePath : path;
        }
    }

    public override string ToString()
    {
        static string Short(string text) => text.Length > 160 ? text[..160] + $"…({text.Length} chars)" : text;
        static string Visible(byte[] bytes) => Short(string.Concat(Encoding.Latin1.GetString(bytes).Select(c => c < 0x20 || c >= 0x7f ? $"\\x{(int)c:X2}" : c.ToString())));
        var text = new StringBuilder($"#{Index} [{Kind}] {Operation} as {Party}: {Method} {Visible(Target)}");
        foreach (var (name, value) in Headers) text.Append($"\n    {name}: {Visible(value)}");
        if (Body is not null) text.Append($"\n    body{(Chunked ? " (chunked)" : "")}: {Visible(Body)}");
        return text.ToString();
    }
}
