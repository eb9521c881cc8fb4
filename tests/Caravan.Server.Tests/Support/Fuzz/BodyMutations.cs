using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Caravan.Server.Tests.Support.Fuzz.HostileValues;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>
/// Spoils a valid JSON body: a value anywhere in it replaced (wrong type, odd number, hostile string or time, deep
/// nesting, a huge string or array), a field removed, added or given twice, the text cut or made invalid UTF-8, or
/// the body made larger than the server takes. Replacements are spliced in as text, so that what no JSON writer would
/// write (1e400, NaN, a lone surrogate, a raw 0xFF) reaches the server as it would from a hostile client.
/// </summary>
internal static class BodyMutations
{
    private const string Marker = "@@FUZZ@@";
    private const int Limit = 256 * 1024;

    public static void Spoil(RequestDraft draft, Random random)
    {
        var root = JsonNode.Parse(draft.Body!)!;
        var slots = Slots(root).ToList();
        string kind;
        byte[] body;
        int choice = random.Next(16);
        // A body without values (an operation added later with an empty schema) can still be cut, replaced or oversized.
        if (slots.Count == 0) choice = random.Pick<int>([11, 12, 14, 15]);
        switch (choice)
        {
            case 0: (kind, body) = Replace(root, Typed(slots, JsonValueKind.Number, random), "number", random.Pick(Numbers)); break;
            case 1: (kind, body) = Replace(root, random.Pick(slots), "wrong-type", random.Pick(WrongTypes)); break;
            case 2 or 3: (kind, body) = Replace(root, Typed(slots, JsonValueKind.String, random), "string", random.Pick(Strings)); break;
            case 4: (kind, body) = Replace(root, Typed(slots, JsonValueKind.String, random), "time", $"\"{random.Pick(Times)}\""); break;
            case 5: (kind, body) = Replace(root, random.Pick(slots), "deep", Deep(random, random.Next(2) == 0 ? 65 : 10_000)); break;
            case 6: (kind, body) = Replace(root, random.Pick(slots), "long-string-100k", $"\"{Long(random, random.Next(100_000, 200_000))}\""); break;
            case 7: (kind, body) = Replace(root, random.Pick(slots), "many-items", "[" + string.Join(",", Enumerable.Repeat(FirstItemOrObject(root), 1500)) + "]"); break;
            case 8: (kind, body) = ("body.remove-field", RemoveField(root, random)); break;
            case 9: (kind, body) = ("body.unknown-field", UnknownField(root, random)); break;
            case 10: (kind, body) = ("body.duplicate-key", DuplicateKey(root, random)); break;
            case 11: (kind, body) = ("body.root", Encoding.UTF8.GetBytes(random.Pick(Roots))); break;
            case 12: (kind, body) = ("body.truncated", Truncate(root, random)); break;
            case 13: (kind, body) = Splice(root, random.Pick(slots), "invalid-utf8", random.Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0x01], [0x00]])); break;
            case 14: (kind, body) = Wrap(root, random); break;
            default:
                (kind, body) = ("body.over-limit", Encoding.UTF8.GetBytes(root.ToJsonString() + new string(' ', Limit + random.Next(1, 64 * 1024))));
                draft.Chunked = random.Next(2) == 0;
                break;
        }
        draft.Kind = kind;
        draft.Body = body;
    }

    /// <summary>Every place a value sits: (parent, property name or array index).</summary>
    private static IEnumerable<(JsonNode Parent, string? Name, int Index)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
            foreach (var (name, child) in o.ToList())
            {
                yield return (o, name, -1);
                if (child is not null) foreach (var slot in Slots(child)) yield return slot;
            }
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child) foreach (var slot in Slots(child)) yield return slot;
            }
    }

    /// <summary>Mostly a slot holding a value of <paramref name="kind"/> (a number for an odd number), so that the spoilt value meets the code reading that kind.</summary>
    private static (JsonNode Parent, string? Name, int Index) Typed(List<(JsonNode Parent, string? Name, int Index)> slots, JsonValueKind kind, Random random)
    {
        var typed = slots.Where(s => (s.Name is { } n ? s.Parent[n] : s.Parent[s.Index])?.GetValueKind() == kind).ToList();
        return random.Pick(typed.Count > 0 && random.Next(5) > 0 ? typed : slots);
    }

    private static (string, byte[]) Replace(JsonNode root, (JsonNode Parent, string? Name, int Index) slot, string kind, string json) =>
        Splice(root, slot, kind, Encoding.UTF8.GetBytes(json));

    /// <summary>The body with the value at <paramref name="slot"/> replaced by raw bytes (a string's contents when not JSON on their own).</summary>
    private static (string, byte[]) Splice(JsonNode root, (JsonNode Parent, string? Name, int Index) slot, string kind, byte[] replacement)
    {
        var copy = root.DeepClone();
        var parent = Locate(copy, root, slot.Parent)!;
        if (parent is JsonObject o) o[slot.Name!] = Marker;
        else parent.AsArray()[slot.Index] = Marker;
        var parts = copy.ToJsonString().Split($"\"{Marker}\"");
        bool inString = kind == "invalid-utf8";
        byte[] value = inString ? [(byte)'"', (byte)'a', .. replacement, (byte)'b', (byte)'"'] : replacement;
        return ("body." + kind + (slot.Name is { } n ? "@" + n : $"@[{slot.Index}]"), [.. Encoding.UTF8.GetBytes(parts[0]), .. value, .. Encoding.UTF8.GetBytes(parts[1])]);
    }

    /// <summary>The node in <paramref name="copy"/> at the place <paramref name="target"/> has in <paramref name="original"/>.</summary>
    private static JsonNode? Locate(JsonNode copy, JsonNode original, JsonNode target)
    {
        if (ReferenceEquals(original, target)) return copy;
        if (original is JsonObject o)
            foreach (var (name, child) in o)
                if (child is not null && Locate(copy[name]!, child, target) is { } found) return found;
        if (original is JsonArray a)
            for (int i = 0; i < a.Count; i++)
                if (a[i] is { } child && Locate(copy[i]!, child, target) is { } found) return found;
        return null;
    }

    private static string FirstItemOrObject(JsonNode root) =>
        Slots(root).Select(s => s.Parent).OfType<JsonArray>().FirstOrDefault(a => a.Count > 0)?[0]?.ToJsonString() ?? "{\"a\":1}";

    private static IEnumerable<JsonObject> Objects(JsonNode root) => Slots(root).Select(s => s.Parent).OfType<JsonObject>().Distinct().Prepend(root as JsonObject).OfType<JsonObject>();

    private static byte[] RemoveField(JsonNode root, Random random)
    {
        var copy = root.DeepClone();
        var target = random.Pick(Objects(copy).Where(o => o.Count > 0).ToList());
        target.Remove(random.Pick(target.Select(p => p.Key).ToList()));
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private static byte[] UnknownField(JsonNode root, Random random)
    {
        var copy = root.DeepClone();
        var target = random.Pick(Objects(copy).ToList());
        // A name in another case is the same field to a case-insensitive reader: a duplicate in disguise.
        string name = random.Pick<string>([
            "colour", "__proto__", "constructor", "\u0000", "", "a\u202eb", "🚂", .. target.Select(p => p.Key.ToUpperInvariant()), .. target.Select(p => " " + p.Key)]);
        target[name] = random.Next(2) == 0 ? "red" : null;
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private static byte[] DuplicateKey(JsonNode root, Random random)
    {
        string text = root.ToJsonString();
        var names = Objects(root).SelectMany(o => o.Select(p => p.Key)).Distinct().ToList();
        string quoted = $"\"{random.Pick(names)}\":";
        int at = text.IndexOf(quoted, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[..at] + quoted + random.Pick<string>(["null", "1", "\"x\"", "{}"]) + "," + text[at..]);
    }

    private static byte[] Truncate(JsonNode root, Random random)
    {
        string text = root.ToJsonString();
        return Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]);
    }

    /// <summary>Valid JSON with something around it: a BOM, trailing text, a second document, comments, a trailing comma.</summary>
    private static (string, byte[]) Wrap(JsonNode root, Random random)
    {
        string text = root.ToJsonString();
        return random.Next(6) switch
        {
            0 => ("body.bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]),
            1 => ("body.trailing-text", Encoding.UTF8.GetBytes(text + " x")),
            2 => ("body.two-documents", Encoding.UTF8.GetBytes(text + text)),
            3 => ("body.comment", Encoding.UTF8.GetBytes("/* c */" + text)),
            4 => ("body.trailing-comma", Encoding.UTF8.GetBytes(text[..^1] + ",}")),
            _ => ("body.utf16", Encoding.Unicode.GetBytes(text)),
        };
    }
}
