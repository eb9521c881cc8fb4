using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Caravan.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// The canonical example docs/examples/tiny-network.json (copied next to the tests), and small tools to mutate it
/// by path ("links[0].distanceKm") and check which errors the loader reports.
/// </summary>
internal static partial class TinyNetworkFile
{
    public const string FileName = "tiny.json";

    public static string Text => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tiny-network.json"));

    public static JsonObject Document() => JsonNode.Parse(Text)!.AsObject();

    public static NetworkLoadResult Parse(Action<JsonObject> mutate)
    {
        var doc = Document();
        mutate(doc);
        return NetworkLoader.Parse(doc.ToJsonString(), FileName);
    }

    /// <summary>Sets the value at <paramref name="path"/> to the JSON <paramref name="json"/>, creating the last property or array item if needed.</summary>
    public static void Set(JsonObject doc, string path, string json)
    {
        var (parent, last) = Walk(doc, path);
        var value = JsonNode.Parse(json);
        if (last is int i && i == parent.AsArray().Count) parent.AsArray().Add(value);
        else if (last is int j) parent.AsArray()[j] = value;
        else parent.AsObject()[(string)last] = value;
    }

    public static void Remove(JsonObject doc, string path)
    {
        var (parent, last) = Walk(doc, path);
        if (last is int i) parent.AsArray().RemoveAt(i);
        else Assert.True(parent.AsObject().Remove((string)last), $"{path} is not in the example");
    }

    /// <summary>Appends a deep copy of the item at <paramref name="path"/> to its array, changed by <paramref name="change"/>.</summary>
    public static void AppendCopy(JsonObject doc, string path, Action<JsonObject>? change = null)
    {
        var (parent, last) = Walk(doc, path);
        var copy = parent.AsArray()[(int)last]!.DeepClone().AsObject();
        change?.Invoke(copy);
        parent.AsArray().Add(copy);
    }

    public static JsonNode Get(JsonObject doc, string path)
    {
        var (parent, last) = Walk(doc, path);
        return (last is int i ? parent.AsArray()[i] : parent.AsObject()[(string)last])!;
    }

    /// <summary>Asserts the loader returned no network and reported exactly the errors at these paths, in any order.</summary>
    public static void AssertErrors(NetworkLoadResult result, params string[] paths)
    {
        Assert.Null(result.Network);
        Assert.False(result.Ok);
        Assert.All(result.Errors, e => Assert.Equal(FileName, e.File));
        var actual = result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        var expected = paths.Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected errors at [{string.Join(", ", expected)}] but got:\n{string.Join("\n", result.Errors)}");
    }

    /// <summary>Asserts exactly one error, at <paramref name="path"/>, and returns it.</summary>
    public static NetworkError AssertOnlyError(NetworkLoadResult result, string path)
    {
        AssertErrors(result, path);
        return result.Errors[0];
    }

    public static void AssertValid(NetworkLoadResult result)
    {
        Assert.True(result.Errors.Count == 0, "Unexpected errors:\n" + string.Join("\n", result.Errors));
        Assert.NotNull(result.Network);
        Assert.True(result.Ok);
    }

    [GeneratedRegex(@"([^.\[\]]+)|\[(\d+)\]")]
    private static partial Regex PathToken();

    private static (JsonNode Parent, object Last) Walk(JsonObject doc, string path)
    {
        var tokens = PathToken().Matches(path)
            .Select(m => m.Groups[2].Success ? (object)int.Parse(m.Groups[2].Value) : m.Groups[1].Value)
            .ToList();
        JsonNode node = doc;
        foreach (var token in tokens.SkipLast(1))
            node = (token is int i ? node.AsArray()[i] : node.AsObject()[(string)token])
                ?? throw new InvalidOperationException($"{path}: nothing at {token}");
        return (node, tokens[^1]);
    }
}
