using System.Text;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>
/// What hostile clients put where a value belongs, as JSON text (for bodies) or as already percent-encoded text
/// (for paths and queries). Long values are made on demand so that the lists stay cheap.
/// </summary>
internal static class HostileValues
{
    /// <summary>JSON values of the wrong type, out of range, or not JSON at all (NaN, 0x10, 01).</summary>
    public static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
        "1.7976931348623157e308", "-1", "0", "-0", "0.5", "1E2", "4096", "4097", "15", "NaN", "Infinity", "-Infinity",
        "\"NaN\"", "\"Infinity\"", "\"12\"", "\"1e3\"", "0x10", "01", "+1", ".5", "1.", "99999999999999999999999999999",
    ];

    public static readonly string[] WrongTypes = ["true", "false", "[]", "{}", "\"x\"", "0", "null", "[null]", "[1, \"a\"]", "{\"a\": 1}"];

    /// <summary>Strings with control characters, lone surrogates, invisible and right-to-left marks, emoji, injections.</summary>
    public static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"CN\\u0000XAN\"", "\"a\\u0001b\"", "\"\\u001f\"", "\"\\u007f\"", "\"\\u0085\"", "\"a\\nb\"", "\"\\t\"",
        "\"\\ud800\"", "\"\\udfff\"", "\"\\ud800\\u0041\"", "\"\\udc00\\ud800\"", "\"🚂📦\"", "\"\\ud83d\\ude82\"", "\"\u202eKZDOS\"",
        "\"CNXAN\u200f\"", "\"\u200b\"", "\"\ufeffCNXAN\"", "\"' OR 1=1 --\"", "\"'; DROP TABLE bookings; --\"", "\"../../etc/passwd\"",
        "\"%00\"", "\"${jndi:ldap://x/a}\"", "\"<script>alert(1)</script>\"", "\"Ақтау\"", "\"أكتاو\"", "\"ＣＮＸＡＮ\"",
        "\"cnxan\"", "\"CNXAN \"", "\"\\\\\"", "\"\\/\"",
    ];

    /// <summary>Times at the edges: years 0001 and 9999, just outside 2000–2099, odd offsets, impossible dates, other syntaxes.</summary>
    public static readonly string[] Times =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "2099-12-31T23:59:59+14:00",
        "2000-01-01T00:00:00-12:00", "2026-12-03T00:00:00+14:59", "2026-12-03T00:00:00+25:00", "2026-12-03T00:00:00-00:00",
        "2026-12-03T00:00:00+05:45", "2026-12-03T00:00:00.123456789Z", "2026-02-30T00:00:00Z", "2026-12-03T24:00:00Z",
        "2026-12-03T23:59:60Z", "2026-12-03", "2026-W49-4", "2026-12-03T00:00:00+0530", "2026-12-03 00:00:00Z",
        "-2026-12-03T00:00:00Z", "+002026-12-03T00:00:00Z", "2026-12-03T00:00:00Z[Asia/Almaty]", "2026-12-03T00:00:00z",
        "2026-12-03T00:00:00+14:00", "2026-12-03T00:00:00-12:00", "2026-12-03T00:00", "T00:00:00Z", "2026-13-01", "20261203T000000Z",
    ];

    /// <summary>Not a body at all, or a body that is almost JSON.</summary>
    public static readonly string[] Roots =
    [
        "", " ", "null", "[]", "\"x\"", "1e400", "{", "}", "{}", "[{}]", "{\"a\": 1}", "{,}", "{\"a\" 1}", "{'from': 'CNXAN'}",
        "{\"from\": \"CNXAN\",}", "{/* comment */}", "NaN", "true", "\"\\ud800\"", "{\"\\u0000\": 1}", "{\"\": 1}",
    ];

    /// <summary>Percent-encoded path segments and query values.</summary>
    public static readonly string[] UrlTexts =
    [
        "%01", "%0A", "%0D%0A", "%7F", "%C2%85", "..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "..%5C..%5C", "%2F", "%20", "*", "%25", "%FF", "%C3%28",
        "%ED%A0%80", "%EF%BF%BF", "%F0%9F%9A%82", "%E2%80%AE", "%D0%90%D2%9B%D1%82%D0%B0%D1%83", "'%20OR%201=1%20--", "'", "%22", "%3Cscript%3E",
        "bkg_", "org_", "key_", "XAN-DOS-BLOCK@", "XAN-DOS-BLOCK@9999-12-31T00:00:00Z", "XAN-DOS-BLOCK@0001-01-01T00:00:00Z",
        "XAN-DOS-BLOCK@2026-12-03T00:00:00%2B14:59", "AKT-ALT-FERRY@2026-12-05T00:00:00Z", "-1", "0", "2147483648", "99999999999999999999", "1e3", "NaN",
        "", "%2B", "+", "%26", "%3D", "%23",
    ];

    /// <summary>A string of <paramref name="length"/> characters that is not all one character, so nothing compresses it away.</summary>
    public static string Long(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>Nested arrays or objects deeper than any reader should follow.</summary>
    public static string Deep(Random random, int depth) => random.Next(2) == 0
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
