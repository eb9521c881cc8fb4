namespace Caravan.Bench.Planning;

/// <summary>
/// One side of a region: the country, time zone and carriers of the nodes west or east of <see cref="CorridorRegion.SplitLon"/>.
/// Two sides per region give the network several time zones and several carriers (and so currencies) per gauge.
/// </summary>
internal sealed record RegionSide(string Country, string Zone, string RailCarrier, string RoadCarrier);

/// <summary>
/// A country-sized block of the synthetic corridor: a jittered grid of rail terminals of one gauge, rows running
/// west–east. Coordinates are roughly where the real block lies so that distances, and so running times, are plausible.
/// </summary>
internal sealed record CorridorRegion(
    string Code,
    int Gauge,
    double LonWest,
    double LonEast,
    double LatSouth,
    double LatNorth,
    int Rows,
    int Cols,
    double RailKmh, // freight train speed including stops, km/h: slower in the Caucasus than on Chinese mainlines
    double SplitLon,
    RegionSide West,
    RegionSide East)
{
    public int NodeCount => Rows * Cols;

    public RegionSide SideAt(double lon) => lon < SplitLon ? West : East;
}

/// <summary>The six blocks, east to west, and how they join: gauge breaks, same-gauge borders and the Caspian ferries.</summary>
internal static class CorridorRegions
{
    public static readonly CorridorRegion China = new("CN", 1435, 80, 118, 30, 44, 24, 50, 45, 90,
        new RegionSide("CN", "Asia/Urumqi", "China Railway Xinjiang", "Xinjiang Trucking"),
        new RegionSide("CN", "Asia/Shanghai", "China Railway", "Sinotrans Road"));

    public static readonly CorridorRegion Kazakhstan = new("KZ", 1520, 53, 80, 42, 52, 20, 50, 38, 62,
        new RegionSide("KZ", "Asia/Aqtau", "KTZ West", "KZ Trucking"),
        new RegionSide("KZ", "Asia/Almaty", "KTZ", "KZ Trucking"));

    public static readonly CorridorRegion Russia = new("RU", 1520, 24, 52, 52, 58, 18, 50, 40, 32,
        new RegionSide("BY", "Europe/Minsk", "Belarusian Railway", "BY Trucking"),
        new RegionSide("RU", "Europe/Moscow", "RZD", "RU Trucking"));

    public static readonly CorridorRegion Caucasus = new("CA", 1520, 41, 50, 40, 43, 10, 40, 30, 46.5,
        new RegionSide("GE", "Asia/Tbilisi", "Georgian Railway", "Caucasus Trucking"),
        new RegionSide("AZ", "Asia/Baku", "ADY", "Caucasus Trucking"));

    public static readonly CorridorRegion Turkey = new("TR", 1435, 27, 43, 37, 41, 12, 50, 35, 35,
        new RegionSide("TR", "Europe/Istanbul", "TCDD Tasimacilik", "TR Trucking"),
        new RegionSide("TR", "Europe/Istanbul", "TCDD Tasimacilik", "TR Trucking"));

    public static readonly CorridorRegion Europe = new("EU", 1435, 5, 24, 45, 54, 20, 50, 42, 14,
        new RegionSide("DE", "Europe/Berlin", "DB Cargo", "EU Trucking"),
        new RegionSide("PL", "Europe/Warsaw", "PKP Cargo", "EU Trucking"));

    public static IReadOnlyList<CorridorRegion> All { get; } = [China, Kazakhstan, Russia, Caucasus, Turkey, Europe];

    /// <summary>
    /// A land border: border-crossing nodes joining the west end of rows of <paramref name="East"/> to the east end
    /// of rows of <paramref name="West"/>. <paramref name="ThroughServices"/> same-gauge trains run across it.
    /// </summary>
    public sealed record Border(CorridorRegion East, CorridorRegion West, int[] EastRows, int[] WestRows, string ThroughCarrier, int ThroughServices);

    public static IReadOnlyList<Border> Borders { get; } =
    [
        // Dostyk/Khorgos-like gauge breaks 1435/1520.
        new(China, Kazakhstan, [3, 9, 15, 21], [2, 7, 12, 17], "", 0),
        // Kazakhstan–Russia, both 1520: the ERA-like through trains cross here.
        new(Kazakhstan, Russia, [12, 15, 18], [1, 8, 15], "ERA Express", 3),
        // Brest/Małaszewicze-like gauge breaks 1520/1435.
        new(Russia, Europe, [2, 9, 16], [14, 17, 19], "", 0),
        // Akhalkalaki-like gauge breaks 1520/1435.
        new(Caucasus, Turkey, [3, 7], [5, 10], "", 0),
        // Kapıkule-like, both 1435.
        new(Turkey, Europe, [4, 8], [0, 3], "Transbalkan Express", 2),
    ];

    /// <summary>Caspian ports: on the west end of these Kazakh rows, and on the east end of these Caucasus rows.</summary>
    public static readonly int[] EastCaspianRows = [1, 3, 6, 9];
    public static readonly int[] WestCaspianRows = [2, 5, 8];
}
