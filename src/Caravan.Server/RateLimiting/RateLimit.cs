using System.Globalization;
using System.Text.RegularExpressions;

namespace Caravan.Server.RateLimiting;

/// <summary>
/// A token bucket: <see cref="Permits"/> requests at once, and the bucket refilled to <see cref="Permits"/> every
/// <see cref="Period"/>. Written "PERMITS/PERIOD", e.g. "10000/s", "100/min", "5/h".
/// </summary>
public sealed partial record RateLimit(int Permits, TimeSpan Period)
{
    public const string Expected = "PERMITS/PERIOD: a whole number > 0, '/', and s, min or h (e.g. 100/min)";

    public override string ToString() => $"{Permits.ToString(CultureInfo.InvariantCulture)}/{PeriodText}";

    private string PeriodText => Period == TimeSpan.FromSeconds(1) ? "s" : Period == TimeSpan.FromMinutes(1) ? "min"
        : Period == TimeSpan.FromHours(1) ? "h" : $"{Period.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";

    /// <summary>Null when the text is not PERMITS/PERIOD with a known unit; <see cref="Expected"/> says what is.</summary>
    public static RateLimit? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups["permits"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits <= 0)
            return null;
        var period = match.Groups["unit"].Value switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "min" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            _ => (TimeSpan?)null,
        };
        return period is { } p ? new RateLimit(permits, p) : null;
    }

    [GeneratedRegex(@"^(?<permits>\d{1,9})\s*/\s*(?<unit>s|min|h)$")]
    private static partial Regex Pattern();
}
