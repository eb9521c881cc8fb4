using System.Security.Cryptography;
using System.Text;

namespace Caravan.Storage;

/// <summary>
/// API key secrets look like <c>cvn_&lt;keyid&gt;_&lt;random&gt;</c>. The key id lets the store find the one row to check
/// (no scan over all hashes); the store keeps only a per-key salt and HMAC-SHA-256(salt, secret), compared in
/// constant time. The random part has 256 bits, so a fast hash is enough: there is nothing to brute-force.
/// </summary>
internal static class ApiKeySecrets
{
    private const string Scheme = "cvn_";

    public static string Prefix(string keyId) => Scheme + keyId;

    public static string NewSecret(string keyId) =>
        Prefix(keyId) + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    public static bool Matches(byte[] salt, byte[] expectedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), expectedHash);

    /// <summary>The key id of a well-formed secret, or null.</summary>
    public static string? KeyIdOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(Scheme, StringComparison.Ordinal)) return null;
        var rest = secret.AsSpan(Scheme.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1) return null;
        var keyId = rest[..separator];
        foreach (var c in keyId)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return null;
        return keyId.ToString();
    }
}
