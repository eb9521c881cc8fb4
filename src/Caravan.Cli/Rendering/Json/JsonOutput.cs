using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Cli.Rendering.Json;

/// <summary>
/// Writes one JSON document per command to standard output: camelCase names, enums as camelCase strings, nulls
/// written out (a field is always present; docs/cli-json.md lists them), non-ASCII text as is. The plan, quote and
/// network documents are the HTTP API's own types (Caravan.Contracts), so both write the same shapes.
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

    /// <summary>
    /// Which shape a document has: raised when a field of any CLI document changes meaning or goes (adding one does
    /// not). Every document starts with it, so a script can refuse a shape it does not know.
    /// </summary>
    public const int SchemaVersion = 1;

    public static void Write<T>(TextWriter output, T document)
    {
        var node = JsonSerializer.SerializeToNode(document, Options);
        if (node is System.Text.Json.Nodes.JsonObject obj && !obj.ContainsKey("schemaVersion"))
        {
            var versioned = new System.Text.Json.Nodes.JsonObject { ["schemaVersion"] = SchemaVersion };
            foreach (var (key, value) in obj.ToList())
            {
                obj.Remove(key);
                versioned[key] = value;
            }
            node = versioned;
        }
        output.WriteLine(node?.ToJsonString(Options) ?? "null");
    }
}
