using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Network;

/// <summary>A wait-set file that cannot be used: the message names the file, the path and what was expected.</summary>
public sealed class WaitSetFileException(string message) : Exception(message);

/// <summary>
/// Reads and writes wait sets (data/waits/*.json). The default one, measured on baseline-2024, ships inside the
/// library beside the default network; `caravan calibrate --write-waits FILE` measures a new one.
/// </summary>
public static class WaitSetFile
{
    public const string DefaultResourceName = "Caravan.Waits.default.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record FileShape(int FormatVersion, string Scenario, string Network, string NetworkVersion, string NetworkFingerprint,
        int Replications, long Seed, SortedDictionary<string, ServiceShape> Services);

    private sealed record ServiceShape(double Units, double[] QuantileHours);

    /// <summary>The shipped wait set, or null when the library carries none.</summary>
    public static WaitSet? LoadDefault()
    {
        using var stream = typeof(WaitSetFile).Assembly.GetManifestResourceStream(DefaultResourceName);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "waits/default.json");
    }

    public static WaitSet Parse(string json, string file)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(json, Options);
        }
        catch (JsonException e)
        {
            throw new WaitSetFileException($"{file}: {e.Path}: found invalid content ({e.Message}), expected a wait set (docs/planner.md)");
        }
        if (shape is null || shape.FormatVersion != 1)
            throw new WaitSetFileException($"{file}: formatVersion: found {shape?.FormatVersion.ToString() ?? "nothing"}, expected 1");
        foreach (var (id, s) in shape.Services)
        {
            bool ordered = s.QuantileHours.Length == ServiceWait.Points
                && s.QuantileHours.All(q => q >= 0 && double.IsFinite(q))
                && s.QuantileHours.Zip(s.QuantileHours.Skip(1)).All(p => p.First <= p.Second);
            if (!ordered)
                throw new WaitSetFileException($"{file}: services.{id}.quantileHours: found {s.QuantileHours.Length} values, expected {ServiceWait.Points} non-decreasing waits ≥ 0 (0 %, 5 %, …, 100 %)");
        }
        return new WaitSet
        {
            Scenario = shape.Scenario, Network = shape.Network, NetworkVersion = shape.NetworkVersion,
            NetworkFingerprint = shape.NetworkFingerprint, Replications = shape.Replications, Seed = shape.Seed,
            Services = shape.Services.ToDictionary(kv => kv.Key, kv => new ServiceWait(kv.Value.QuantileHours, kv.Value.Units), StringComparer.Ordinal),
        };
    }

    public static string Format(WaitSet waits) => JsonSerializer.Serialize(new FileShape(1, waits.Scenario, waits.Network,
        waits.NetworkVersion, waits.NetworkFingerprint, waits.Replications, waits.Seed,
        new SortedDictionary<string, ServiceShape>(waits.Services.ToDictionary(kv => kv.Key,
            kv => new ServiceShape(Math.Round(kv.Value.Units), kv.Value.QuantileHours.Select(q => Math.Round(q, 2)).ToArray())), StringComparer.Ordinal)),
        Options) + "\n";
}
