using System.Text.Json;

namespace Caravan.Network;

/// <summary>
/// Reads the properties of one JSON object by name. Every getter reports a missing, mistyped or out-of-range
/// value to the <see cref="ReadContext"/> with its path and returns null (or the fallback), so the caller
/// just carries on with the next property.
/// </summary>
internal sealed class ObjectReader
{
    private readonly ReadContext _ctx;
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _namesInFileOrder = [];

    public ObjectReader(ReadContext ctx, JsonElement element, string path)
    {
        _ctx = ctx;
        Path = path;
        Element = element;
        foreach (var property in element.EnumerateObject())
        {
            // JSON allows a name twice and silently keeps the last; in a hand-edited file that is always a slip.
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                ctx.Error(PathOf(property.Name), property.Value, "each property only once in an object");
                continue;
            }
            _namesInFileOrder.Add(property.Name);
        }
    }

    public string Path { get; }
    public JsonElement Element { get; }
    public ReadContext Context => _ctx;

    public string PathOf(string name) => ReadContext.Child(Path, name);

    public bool Has(string name) => _properties.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>Reports every property not in <paramref name="allowed"/>: typos must not pass silently.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (string name in _namesInFileOrder)
            if (!allowed.Contains(name))
                _ctx.Error(PathOf(name), ReadContext.Quote(name), "one of: " + string.Join(", ", allowed));
    }

    /// <summary>
    /// The value of a property. An absent property, or an optional one written as null, yields false; an absent or
    /// null required property is reported as well.
    /// </summary>
    public bool TryGet(string name, bool required, string expected, out JsonElement value)
    {
        bool present = _properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;
        if (!present && required) _ctx.Error(PathOf(name), _properties.ContainsKey(name) ? "null" : null, expected);
        return present;
    }

    public string? String(string name, bool required = true, string expected = "a non-empty string")
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        return ReadString(v, PathOf(name), expected);
    }

    public string? ReadString(JsonElement v, string path, string expected)
    {
        if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())) return v.GetString();
        _ctx.Error(path, v, expected);
        return null;
    }

    /// <summary>A source is compulsory everywhere: a citation, or "estimate…" saying how the value was estimated.</summary>
    public string? Source() => String("source", expected: "a source: a citation, or text starting with \"estimate\" saying how it was estimated");

    public double? Number(string name, string expected, Func<double, bool>? valid = null, bool required = true)
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        return ReadNumber(v, PathOf(name), expected, valid);
    }

    public double? ReadNumber(JsonElement v, string path, string expected, Func<double, bool>? valid = null)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d) && (valid is null || valid(d)))
            return d;
        _ctx.Error(path, v, expected);
        return null;
    }

    /// <summary>Money and exchange rates: read as decimal straight from the JSON text, never through double.</summary>
    public decimal? Decimal(string name, string expected, Func<decimal, bool>? valid = null, bool required = true)
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal m) && (valid is null || valid(m))) return m;
        _ctx.Error(PathOf(name), v, expected);
        return null;
    }

    public int? Int(string name, string expected, Func<int, bool>? valid = null, bool required = true)
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        return ReadInt(v, PathOf(name), expected, valid);
    }

    public int? ReadInt(JsonElement v, string path, string expected, Func<int, bool>? valid = null)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) && (valid is null || valid(i))) return i;
        _ctx.Error(path, v, expected);
        return null;
    }

    public bool Bool(string name, bool fallback)
    {
        if (!TryGet(name, false, "true or false", out var v)) return fallback;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        _ctx.Error(PathOf(name), v, "true or false");
        return fallback;
    }

    public T? Enum<T>(string name, bool required = true) where T : struct, System.Enum
    {
        if (!TryGet(name, required, FormatNames.EnumChoices<T>(), out var v)) return null;
        return ReadEnum<T>(v, PathOf(name));
    }

    public T? ReadEnum<T>(JsonElement v, string path) where T : struct, System.Enum
    {
        T? parsed = v.ValueKind == JsonValueKind.String ? FormatNames.ParseEnum<T>(v.GetString()!) : null;
        if (parsed is null) _ctx.Error(path, v, FormatNames.EnumChoices<T>());
        return parsed;
    }

    public ObjectReader? Object(string name, bool required, string expected)
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        return _ctx.Object(v, PathOf(name), expected);
    }

    /// <summary>The items of an array property with their paths, or null when it is absent or not an array.</summary>
    public IReadOnlyList<(JsonElement Value, string Path)>? Array(string name, bool required, string expected, bool allowEmpty = true)
    {
        if (!TryGet(name, required, expected, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Array || (!allowEmpty && v.GetArrayLength() == 0))
        {
            _ctx.Error(PathOf(name), v, expected);
            return null;
        }
        string path = PathOf(name);
        return v.EnumerateArray().Select((item, i) => (item, ReadContext.Item(path, i))).ToList();
    }

    /// <summary>An array of objects, each already checked to be an object.</summary>
    public IReadOnlyList<(ObjectReader Item, int Index)>? Objects(string name, bool required, string expected, string itemExpected)
    {
        var items = Array(name, required, expected);
        if (items is null) return null;
        var objects = new List<(ObjectReader, int)>();
        for (int i = 0; i < items.Count; i++)
            if (_ctx.Object(items[i].Value, items[i].Path, itemExpected) is { } o) objects.Add((o, i));
        return objects;
    }

    public IReadOnlyList<string>? Strings(string name, bool required, string expected, string itemExpected, bool allowEmpty = true)
    {
        var items = Array(name, required, expected, allowEmpty);
        return items?.Select(i => ReadString(i.Value, i.Path, itemExpected)).OfType<string>().ToList();
    }

    public IReadOnlySet<T>? EnumSet<T>(string name, bool required, bool allowEmpty = true) where T : struct, System.Enum
    {
        string expected = allowEmpty
            ? $"a list, each {FormatNames.EnumChoices<T>()}"
            : $"a non-empty list, each {FormatNames.EnumChoices<T>()}";
        var items = Array(name, required, expected, allowEmpty);
        if (items is null) return null;
        var set = new HashSet<T>();
        foreach (var (value, path) in items)
            if (ReadEnum<T>(value, path) is { } parsed) set.Add(parsed);
        return set;
    }

    /// <summary>UN dangerous-goods classes, each an integer 1 to 9.</summary>
    public IReadOnlySet<int>? DangerousGoodsClasses(bool required = false)
    {
        var items = Array("dangerousGoodsClasses", required, "a list of UN dangerous-goods classes, integers 1 to 9");
        if (items is null) return null;
        var set = new HashSet<int>();
        foreach (var (value, path) in items)
            if (ReadInt(value, path, "a UN dangerous-goods class, an integer 1 to 9", FormatNames.IsDangerousGoodsClass) is { } c) set.Add(c);
        return set;
    }

    public Distribution? Distribution(string name, bool required = true) => DistributionReader.Read(this, name, required);
}
