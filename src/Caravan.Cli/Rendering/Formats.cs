using System.Globalization;
using Caravan.Network;
using Caravan.Planning;
using Caravan.Contracts;
using NodaTime;
using NodaTime.Text;

namespace Caravan.Cli.Rendering;

/// <summary>How the CLI writes times, money, durations and emissions for people (JSON has its own, in Caravan.Contracts).</summary>
internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly ZonedDateTimePattern LocalWithOffset =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm o<+HH:mm>", null);

    /// <summary>"2026-11-26 08:00 +08:00": local time at the node with its UTC offset, so both readings are at hand.</summary>
    public static string Local(Instant instant, Node node) => LocalWithOffset.Format(instant.InZone(node.TimeZone));

    /// <summary>"12,345.67 USD".</summary>
    public static string Money(decimal amount, string currency) => $"{amount.ToString("N2", Invariant)} {currency}";

    /// <summary>"12,346": whole units, for tables where cents are noise.</summary>
    public static string WholeMoney(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("N0", Invariant);

    public static string Amount(decimal amount) => amount.ToString("N2", Invariant);

    /// <summary>Grams of CO2e as tonnes with two decimals: "4.21".</summary>
    public static string Tonnes(double grams) => (grams / 1e6).ToString("N2", Invariant);

    public static string Hours(Duration duration) => $"{duration.TotalHours.ToString("0.#", Invariant)} h";

    public static string Days(Duration duration) => duration.TotalDays.ToString("0.0", Invariant);

    public static string Km(double km) => km.ToString("N0", Invariant);

    public static string Percent(double share) => $"{(share * 100).ToString("0", Invariant)} %";

    /// <summary>"Xi'an (CNXAN)".</summary>
    public static string NodeName(Node node) => $"{node.Name} ({node.Id})";

    public static string Mode(TransportMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>"rail terminal" from RailTerminal.</summary>
    public static string Words<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The nodes where the cargo boards, changes vehicle and arrives: "Xi'an → Dostyk → Aktau → Alat".</summary>
    public static string Route(Itinerary itinerary) =>
        string.Join(" → ", DocumentValues.RouteNodes(itinerary).Select(n => n.Name));

    public static string Number(double value, string format) => value.ToString(format, Invariant);

    /// <summary>Word-wraps prose from data files (a network's description) to lines of at most <paramref name="width"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width = CliContext.RedirectedWidth)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}

/// <summary>How `--format tsv` writes values: ISO times, numbers without thousands separators, the unit in the field name.</summary>
internal static class MachineFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"2026-12-03T10:00:00+08:00": local time at the node with its offset, as the JSON's "local".</summary>
    public static string Time(Instant instant, Node node) => TimeJson.At(instant, node).Local;

    /// <summary>"15064.12": two decimals, a point, no separators.</summary>
    public static string Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", Invariant);

    /// <summary>"18.52".</summary>
    public static string Days(Duration duration) => duration.TotalDays.ToString("0.##", Invariant);

    public static string Hours(Duration duration) => duration.TotalHours.ToString("0.##", Invariant);

    /// <summary>Grams of CO2e as tonnes: "8.764".</summary>
    public static string Tonnes(double grams) => (grams / 1e6).ToString("0.###", Invariant);

    /// <summary>A number as it is, with a point and no separators; "" for none (NaN, infinity).</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("R", Invariant) : "";

    public static string Number(double? value) => value is { } v ? Number(v) : "";

    public static string Number(long value) => value.ToString(Invariant);

    /// <summary>A share 0–1 as a percentage, "98.4".</summary>
    public static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.##", Invariant) : "";
}
