using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Caravan.Server.Problems;

/// <summary>
/// A value the JSON reader refused for a reason of ours, with what was expected there; <see cref="JsonErrors"/> names
/// the field from the path the serializer fills in.
/// </summary>
internal sealed class JsonValueException(string expected) : JsonException(expected)
{
    public string Expected { get; } = expected;
}

/// <summary>
/// Request strings carry no control characters (U+0000–U+001F, U+007F–U+009F): a NUL is refused by PostgreSQL and
/// would be stored by SQLite, and a tab or newline in an id or a reference is a mistake, never data. A check on each
/// string property's setter (and on each string of a string-list property) rather than a string converter, because a
/// custom converter would hide the property's type from the OpenAPI document.
/// </summary>
internal static class NoControlCharacters
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set) continue;
            if (property.PropertyType == typeof(string))
                property.Set = (target, value) => { Check(value as string); set(target, value); };
            else if (typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
                property.Set = (target, value) =>
                {
                    if (value is IEnumerable<string?> list) foreach (var item in list) Check(item);
                    set(target, value);
                };
        }
    }

    private static void Check(string? text)
    {
        if (text is null) return;
        foreach (var c in text)
            if (char.IsControl(c))
                throw new JsonValueException($"expected text without control characters, found U+{(int)c:X4}");
    }
}

/// <summary>
/// Enums read only as the exact camelCase names the documents write: System.Text.Json's own converter also takes
/// "Admin ", "ADMIN" and "shipper, admin" (as flags), which docs/api.md does not allow.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Of<>).MakeGenericType(typeToConvert))!;

    /// <summary>The camelCase names of an enum's values, as read and written.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n))];

    private sealed class Of<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);
        private static readonly Dictionary<T, string> NameOf = ByName.ToDictionary(p => p.Value, p => p.Key);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value)) return value;
            throw new JsonValueException("expected one of " + string.Join(", ", ByName.Keys.Select(k => $"\"{k}\"")));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(NameOf.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(T).Name} {value} has no name."));
    }
}
