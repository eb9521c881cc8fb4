using NodaTime;

namespace Caravan.Network;

/// <summary>The spellings and value sets of the file format that several readers share.</summary>
internal static class FormatNames
{
    /// <summary>Track gauges in use on real railways, in mm: metre, Cape, standard, Russian (and its Finnish 1524), Irish, Iberian.</summary>
    public static readonly IReadOnlyList<int> RealGauges = [1000, 1067, 1435, 1520, 1524, 1600, 1668];

    public static readonly string RealGaugesText = string.Join(", ", RealGauges);

    /// <summary>UN dangerous-goods classes are 1 to 9.</summary>
    public static bool IsDangerousGoodsClass(int c) => c is >= 1 and <= 9;

    public static readonly IReadOnlyDictionary<string, IsoDayOfWeek> Days = new Dictionary<string, IsoDayOfWeek>(StringComparer.Ordinal)
    {
        ["Mon"] = IsoDayOfWeek.Monday, ["Tue"] = IsoDayOfWeek.Tuesday, ["Wed"] = IsoDayOfWeek.Wednesday,
        ["Thu"] = IsoDayOfWeek.Thursday, ["Fri"] = IsoDayOfWeek.Friday, ["Sat"] = IsoDayOfWeek.Saturday,
        ["Sun"] = IsoDayOfWeek.Sunday,
    };

    /// <summary>The file spelling of an enum value: its C# name in camelCase ("railTerminal", "perContainer40Km").</summary>
    public static string CamelCase<T>(T value) where T : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static T? ParseEnum<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (CamelCase(value) == text) return value;
        return null;
    }

    public static string EnumChoices<T>() where T : struct, Enum =>
        "one of: " + string.Join(", ", Enum.GetValues<T>().Select(CamelCase));
}
