using System.Globalization;

namespace Caravan.Cli.Options;

/// <summary>
/// Numbers typed on the command line, read here rather than by System.CommandLine so that a bad one gets the
/// same "--option: found 'x', expected …" message as every other bad value.
/// </summary>
internal static class Numbers
{
    public static int PositiveInt(string field, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new CliUsageException(field, text, "a whole number > 0");

    public static double PositiveNumber(string field, string text, string expected) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double x) && x > 0 && double.IsFinite(x)
            ? x
            : throw new CliUsageException(field, text, expected);

    public static ulong Seed(string field, string text) =>
        ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s)
            ? s
            : throw new CliUsageException(field, text, "a whole number ≥ 0");
}
