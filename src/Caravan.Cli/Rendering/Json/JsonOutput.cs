using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Cli.Rendering.Json;

/// <summary>
/// Writes one JSON document per command to standard output: camelCase names, enums as camelCase strings, nulls
/// written out (a field is always present; docs/cli-json.md lists them), non-ASCII text as is. The plan, quote and
/// network documents are the HTTP API's own types (Caravan.Server.Contracts), so both write the same shapes.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Node names such as "Xi'an" and arrows stay readable; the output goes to a file or a pipe, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter output, T document)
    {
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
