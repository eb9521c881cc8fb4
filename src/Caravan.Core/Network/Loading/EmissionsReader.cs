namespace Caravan.Network;

/// <summary>
/// The emission table and what services and transshipments may refer to in it (null when the lists could not be
/// read, to avoid follow-on errors).
/// </summary>
internal sealed record EmissionsEntry(
    EmissionTable? Model, IReadOnlyDictionary<string, TransportMode?>? VehicleClassModes, IReadOnlySet<string>? HubOperations);

/// <summary>Reads the <c>emissions</c> block: GLEC intensities per vehicle class and per hub operation.</summary>
internal static class EmissionsReader
{
    private const string Intensity = "g CO2e per tonne-km ≥ 0";
    private const string HubIntensity = "g CO2e per tonne handled ≥ 0";

    public static EmissionsEntry Read(ObjectReader root)
    {
        var e = root.Object("emissions", true, "an emissions block with version, source, vehicleClasses and hubOperations");
        if (e is null) return new EmissionsEntry(null, null, null);
        var ctx = e.Context;
        int errorsBefore = ctx.ErrorCount;
        e.AllowOnly("version", "source", "vehicleClasses", "hubOperations");

        string? version = e.String("version", expected: "the version of the intensities, e.g. \"GLEC v3.0 (2023)\"");
        string? source = e.Source();

        var classItems = e.Objects("vehicleClasses", true, "a list of vehicle classes", "a vehicle class object");
        var classes = classItems?.Select(i => ReadVehicleClass(i.Item)).ToList();
        if (classes is not null)
            SectionChecks.UniqueIds(ctx, classes.Select((c, i) => (c.Id, $"emissions.vehicleClasses[{classItems![i].Index}].id")), "vehicle class id");

        var hubItems = e.Objects("hubOperations", true, "a list of hub operations", "a hub operation object");
        var hubs = hubItems?.Select(i => ReadHubOperation(i.Item)).ToList();
        if (hubs is not null)
            SectionChecks.UniqueIds(ctx, hubs.Select((h, i) => (h.Id, $"emissions.hubOperations[{hubItems![i].Index}].id")), "hub operation id");

        EmissionTable? model = ctx.ErrorCount > errorsBefore ? null : new EmissionTable
        {
            Version = version!, Source = source!,
            VehicleClasses = classes!.ToDictionary(c => c.Id!, c => c.Model!, StringComparer.Ordinal),
            HubOperations = hubs!.ToDictionary(h => h.Id!, h => h.Model!, StringComparer.Ordinal),
        };
        var modes = classes?.Where(c => c.Id is not null).GroupBy(c => c.Id!).ToDictionary(g => g.Key, g => g.First().Mode, StringComparer.Ordinal);
        var hubIds = hubs?.Where(h => h.Id is not null).Select(h => h.Id!).ToHashSet(StringComparer.Ordinal);
        return new EmissionsEntry(model, modes, hubIds);
    }

    private static (string? Id, TransportMode? Mode, VehicleClass? Model) ReadVehicleClass(ObjectReader v)
    {
        int errorsBefore = v.Context.ErrorCount;
        v.AllowOnly("id", "mode", "description", "co2eIntensityWTW", "co2eIntensityTTW", "loadFactor", "emptyRunning", "cargoKinds", "source");
        string? id = v.String("id");
        TransportMode? mode = v.Enum<TransportMode>("mode");
        string? description = v.String("description");
        var (wtw, ttw) = ReadIntensities(v, Intensity);
        double? loadFactor = v.Number("loadFactor", "a load factor > 0 and ≤ 1", x => x is > 0 and <= 1);
        double? emptyRunning = v.Number("emptyRunning", "an empty-running share 0 to 2", x => x is >= 0 and <= 2);
        var cargoKinds = v.EnumSet<CargoKind>("cargoKinds", false, allowEmpty: false);
        string? source = v.Source();
        VehicleClass? model = v.Context.ErrorCount > errorsBefore ? null : new VehicleClass
        {
            Id = id!, Mode = mode!.Value, Description = description!, Co2eIntensityWTW = wtw!.Value, Co2eIntensityTTW = ttw!.Value,
            LoadFactor = loadFactor!.Value, EmptyRunning = emptyRunning!.Value, CargoKinds = cargoKinds, Source = source!,
        };
        return (id, mode, model);
    }

    private static (string? Id, HubOperation? Model) ReadHubOperation(ObjectReader h)
    {
        int errorsBefore = h.Context.ErrorCount;
        h.AllowOnly("id", "hubType", "co2eIntensityWTW", "co2eIntensityTTW", "source");
        string? id = h.String("id");
        string? hubType = h.String("hubType", expected: "a hub type, e.g. \"transhipment\"");
        var (wtw, ttw) = ReadIntensities(h, HubIntensity);
        string? source = h.Source();
        HubOperation? model = h.Context.ErrorCount > errorsBefore ? null : new HubOperation
        {
            Id = id!, HubType = hubType!, Co2eIntensityWTW = wtw!.Value, Co2eIntensityTTW = ttw!.Value, Source = source!,
        };
        return (id, model);
    }

    /// <summary>Tank-to-wheel is the part of well-to-wheel burnt in the vehicle, so it can never exceed it.</summary>
    private static (double? Wtw, double? Ttw) ReadIntensities(ObjectReader o, string unit)
    {
        double? wtw = o.Number("co2eIntensityWTW", unit, x => x >= 0);
        double? ttw = o.Number("co2eIntensityTTW", wtw is { } w ? $"{unit} and ≤ co2eIntensityWTW ({w})" : unit, x => x >= 0 && x <= (wtw ?? double.MaxValue));
        return (wtw, ttw);
    }
}
