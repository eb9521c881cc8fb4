using System.Text.Json;
using System.Text.RegularExpressions;

namespace Caravan.Server.Problems;

/// <summary>
/// Turns System.Text.Json's exceptions into a field name and an expectation a client can act on: "$.legs[1].departure"
/// becomes "legs[1].departure", "could not be converted to System.Int32" becomes "a whole number".
/// </summary>
internal static partial class JsonErrors
{
    /// <summary>The field at fault and a message saying what was found or expected there.</summary>
    public static (string Field, string Message) Describe(JsonException e)
    {
        string path = e.Path ?? "$";
        string message = e.Message;
        if (e is JsonValueException value) return (Field(path), value.Expected);

        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            // The path ends at the object holding the unknown property, or (in recent runtimes) at the property itself.
            string name = unmapped.Groups["name"].Value;
            string field = Field(path);
            if (!field.EndsWith(name, StringComparison.Ordinal)) field = field == "body" ? name : $"{field}.{name}";
            return (field, "found an unknown field, expected only the fields of this request (the OpenAPI document at /openapi/v1.json lists them)");
        }
        if (Duplicate().IsMatch(message))
            return (Field(path), "found this field twice, expected each field once");
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return (Field(path), $"expected {Expected(converted.Groups["type"].Value)}");
        if (MissingRequired().Match(message) is { Success: true } missing)
            return (Field(path) == "body" ? missing.Groups["names"].Value.Split(',')[0].Trim(' ', '\'') : Field(path), "expected a value (the field is required)");
        // A syntax error is about the whole body; where it broke helps find it.
        string where = path == "$" ? "" : $" at {Field(path)}";
        return ("body", $"expected well-formed JSON (RFC 8259); it breaks{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(message)}");
    }

    /// <summary>"$.legs[1].departure" → "legs[1].departure"; the document itself is "body".</summary>
    public static string Field(string path)
    {
        string field = path.StartsWith('$') ? path[1..] : path;
        field = field.TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    private static string Expected(string clrType)
    {
        string t = NullableOf().Match(clrType) is { Success: true } m ? m.Groups["inner"].Value : clrType;
        return t switch
        {
            "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt32" => "a whole number",
            "System.Double" or "System.Decimal" or "System.Single" => "a number",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            _ when t.EndsWith("[]", StringComparison.Ordinal) || t.Contains("List", StringComparison.Ordinal) => "an array",
            "Caravan.Network.CargoKind" => "one of \"container\", \"dryBulk\", \"liquidBulk\", \"wagon\"",
            "Caravan.Network.TransportMode" => "one of \"rail\", \"road\", \"ferry\", \"sea\", \"pipeline\"",
            "Caravan.Storage.OrganisationRole" => "one of \"shipper\", \"operator\", \"admin\"",
            _ => "a JSON object",
        };
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^Duplicate property '[^']*'")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.?\s")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
