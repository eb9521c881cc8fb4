using System.Globalization;
using Caravan.Network;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using Caravan.Shipments;

namespace Caravan.Server.Requests;

/// <summary>
/// Turns a request's "cargo" into a <see cref="Cargo"/>, refusing what the CLI refuses (and what the planner's own
/// checks would refuse) with the field named: a negative count, no cargo at all, two kinds at once, absurd sizes.
/// The body's shape (which fields go together) is checked here; the limits and their words are <see cref="CargoRules"/>.
/// </summary>
internal static class CargoReader
{
    public static Cargo? Read(CargoBody? body, string field, FieldErrors errors)
    {
        if (body is null)
        {
            errors.Add(field, null, "an object such as {\"containers40\": 2}, {\"kind\": \"dryBulk\", \"tonnes\": 5000} or {\"wagons\": 3}");
            return null;
        }
        int before = CountOf(errors);
        Count(body.Containers20, $"{field}.containers20", errors);
        Count(body.Containers40, $"{field}.containers40", errors);
        Count(body.Wagons, $"{field}.wagons", errors);
        if (body.Tonnes is { } t && !CargoRules.IsTonnes(t))
            errors.Add($"{field}.tonnes", Text(t), CargoRules.TonnesExpected);
        if (body.DangerousGoodsClass is { } dg && !CargoRules.IsDangerousGoodsClass(dg))
            errors.Add($"{field}.dangerousGoodsClass", dg.ToString(CultureInfo.InvariantCulture), CargoRules.DangerousGoodsExpected);

        bool containers = (body.Containers20 ?? 0) + (body.Containers40 ?? 0) > 0 || body.Containers20 is not null || body.Containers40 is not null;
        bool wagons = body.Wagons is not null;
        var kind = body.Kind ?? (containers ? CargoKind.Container : wagons ? CargoKind.Wagon : (CargoKind?)null);
        switch (kind)
        {
            case null:
                errors.Add($"{field}.kind", null, "container, dryBulk, liquidBulk or wagon (or give containers20/containers40 or wagons)");
                break;
            case CargoKind.Container:
                if (wagons) errors.Add($"{field}.wagons", Text(body.Wagons), "no wagons for container cargo (containers20/containers40 count it)");
                if ((body.Containers20 ?? 0) + (body.Containers40 ?? 0) == 0 && !HasErrorFor(errors, field))
                    errors.Add($"{field}.containers", "0", "at least one container in containers20 or containers40");
                break;
            case CargoKind.Wagon:
                if (containers) errors.Add($"{field}.containers20", Text(body.Containers20 ?? body.Containers40), "no containers for wagonload cargo");
                if (!wagons) errors.Add($"{field}.wagons", null, CargoRules.WagonsExpected);
                break;
            default:
                if (containers || wagons) errors.Add($"{field}.kind", kind.ToString(), "container or wagon when containers or wagons are given");
                if (body.Tonnes is null) errors.Add($"{field}.tonnes", null, "the tonnes of bulk cargo");
                break;
        }
        if (CountOf(errors) > before || kind is null) return null;

        return new Cargo
        {
            Kind = kind.Value,
            Containers20 = body.Containers20 ?? 0,
            Containers40 = body.Containers40 ?? 0,
            WagonCount = body.Wagons ?? 0,
            Tonnes = body.Tonnes ?? 0,
            DangerousGoodsClass = body.DangerousGoodsClass,
            Reefer = body.Reefer ?? false,
            Oversize = body.Oversize ?? false,
        };
    }

    private static void Count(int? value, string field, FieldErrors errors)
    {
        if (value is { } n && !CargoRules.IsUnitCount(n))
            errors.Add(field, n.ToString(CultureInfo.InvariantCulture), CargoRules.UnitCountExpected);
    }

    private static int CountOf(FieldErrors errors) => errors.Count;
    private static bool HasErrorFor(FieldErrors errors, string prefix) => errors.HasAnyUnder(prefix);
    private static string Text(double? x) => x?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
