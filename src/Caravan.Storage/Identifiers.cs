using System.Security.Cryptography;
using NodaTime;

namespace Caravan.Storage;

/// <summary>
/// Random identifiers. Booking ids start with the creation time in milliseconds (hex) so that id order, which the
/// keyset paging uses, is roughly creation order across processes; the random tail makes them unique without any
/// coordination between processes. Only lowercase hex after the prefix, so ordinal and database order agree.
/// </summary>
internal static class Identifiers
{
    public static string NewOrganisationId() => "org_" + RandomHex(10);

    /// <summary>A key id never contains '_', which separates it from the random part in a secret.</summary>
    public static string NewKeyId() => RandomHex(8);

    public static string NewBookingId(Instant now) =>
        "bkg_" + now.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture) + RandomHex(8);

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
