using Caravan.Network;
using NodaTime;

namespace Caravan.Bench.Planning;

/// <summary>The services of the generated network: rail along rows and columns, trucking lines, through trains, Caspian shipping.</summary>
internal sealed partial class LargeNetworkBuilder
{
    private readonly List<Service> _services = [];
    private static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private void AddRegionServices(CorridorRegion r)
    {
        var ids = _grid[r];
        for (int row = 0; row < r.Rows; row++)
        {
            var line = Enumerable.Range(0, r.Cols).Select(c => ids[row, c]).ToList(); // west → east
            _beyondEnd.TryGetValue((r, row, true), out var westEnd);
            _beyondEnd.TryGetValue((r, row, false), out var eastEnd);

            // A daily all-stops train across the whole region each way, into the border or port beyond each end: the
            // long rides that let a far query cross a region in one or two rides.
            var full = WithEnds(line, westEnd, eastEnd);
            AddRailService(r, full, Daily());
            AddRailService(r, Reversed(full), Daily());

            // Shorter, overlapping segment trains with their own timetables.
            for (int start = _rng.Next(0, 4); start < r.Cols - 3; start += 5 + _rng.Next(0, 4))
            {
                int end = Math.Min(r.Cols - 1, start + 9 + _rng.Next(0, 10));
                var segment = WithEnds(line.GetRange(start, end - start + 1), start == 0 ? westEnd : null, end == r.Cols - 1 ? eastEnd : null);
                AddRailService(r, segment, RegularPattern());
                AddRailService(r, Reversed(segment), RegularPattern());
            }
        }

        // North–south trains on the columns that have track.
        for (int col = 1; col < r.Cols; col += 3)
            for (int start = 0; start < r.Rows - 2; start += 4 + _rng.Next(0, 3))
            {
                int end = Math.Min(r.Rows - 1, start + 5 + _rng.Next(0, 6));
                var segment = Enumerable.Range(start, end - start + 1).Select(row => ids[row, col]).ToList();
                AddRailService(r, segment, RegularPattern());
                AddRailService(r, Reversed(segment), RegularPattern());
            }

        // Trucking lines between hubs: along every fourth row and every eighth column, a few hubs long.
        for (int row = 0; row < r.Rows; row += 4)
            for (int start = 0; start + 4 < r.Cols; start += 2 * (2 + _rng.Next(0, 3)))
            {
                int hubs = 3 + _rng.Next(0, 4);
                var chain = Enumerable.Range(0, hubs).Select(k => start + 2 * k).Where(c => c < r.Cols).Select(c => ids[row, c]).ToList();
                if (chain.Count < 2) continue;
                AddRoadService(chain);
                AddRoadService(Reversed(chain));
            }
        for (int col = 0; col < r.Cols; col += 8)
            for (int start = 0; start + 2 < r.Rows; start += 6)
            {
                var chain = Enumerable.Range(0, 4).Select(k => start + 2 * k).Where(row => row < r.Rows).Select(row => ids[row, col]).ToList();
                if (chain.Count < 2) continue;
                AddRoadService(chain);
                AddRoadService(Reversed(chain));
            }
    }

    /// <summary>Same-gauge trains that run through a border: a whole row on each side, like the China–Europe block trains.</summary>
    private void AddThroughServices(CorridorRegions.Border b)
    {
        for (int i = 0; i < b.ThroughServices; i++)
        {
            int k = i % b.EastRows.Length;
            var eastLine = Enumerable.Range(0, b.East.Cols).Select(c => _grid[b.East][b.EastRows[k], c]);
            var westLine = Enumerable.Range(0, b.West.Cols).Select(c => _grid[b.West][b.WestRows[k], c]);
            var westbound = eastLine.Reverse().Append($"BX{b.East.Code}{b.West.Code}{k}").Concat(westLine.Reverse()).ToList();
            var pattern = _rng.Next(2) == 0 ? (DeparturePattern)new IntervalPattern(24, Epoch(_rng.Next(24), 0)) : Timetable(4 + _rng.Next(3), 1);
            AddService(b.ThroughCarrier, TransportMode.Rail, westbound, pattern, RailCapacity(), "rail-electric");
            AddService(b.ThroughCarrier, TransportMode.Rail, Reversed(westbound), pattern, RailCapacity(), "rail-electric");
        }
    }

    private void AddCaspianServices()
    {
        var east = _eastCaspianPorts;
        var west = _westCaspianPorts;
        for (int i = 0; i < east.Count; i++)
        {
            // Westbound rail ferries sail when full, as on the real Aktau/Kuryk–Alat run; the second calls at two ports.
            int j = i % west.Count, j2 = (i + 1) % west.Count;
            int next = j2 + 1 < west.Count ? j2 + 1 : j2 - 1;
            AddService("ASCO", TransportMode.Ferry, [east[i], west[j]], SailWhenFull(), FerryCapacity(), "ferry-rail");
            AddService("ASCO", TransportMode.Ferry, [east[i], west[j2], west[next]], SailWhenFull(), FerryCapacity(), "ferry-rail");
        }
        foreach (var w in west)
            foreach (var e in east)
            {
                // Eastbound ferries keep a timetable (so no sail-when-full ferry ever feeds another: see the baseline).
                if (_rng.Next(2) == 0) AddService("ASCO", TransportMode.Ferry, [w, e], Timetable(2, 1), FerryCapacity(), "ferry-rail");
                if (_rng.Next(3) == 0)
                {
                    AddService("KMTF", TransportMode.Sea, [e, w], Timetable(1 + _rng.Next(2), 1), new DepartureCapacity(300, null, 4000), "sea-feeder");
                    AddService("KMTF", TransportMode.Sea, [w, e], Timetable(1 + _rng.Next(2), 1), new DepartureCapacity(300, null, 4000), "sea-feeder");
                }
            }
    }

    private void AddRailService(CorridorRegion r, List<string> stops, DeparturePattern pattern) =>
        AddService(_sideOf[stops[0]].RailCarrier, TransportMode.Rail, stops, pattern, RailCapacity(),
            r.Code is "CN" or "RU" or "EU" ? "rail-electric" : "rail-diesel",
            _rng.Next(5) == 0 ? ContainersOnly : null);

    private void AddRoadService(List<string> stops) =>
        AddService(_sideOf[stops[0]].RoadCarrier, TransportMode.Road, stops,
            new IntervalPattern(new[] { 8, 12, 24 }[_rng.Next(3)], Epoch(_rng.Next(24), 15 * _rng.Next(4))),
            // A departure is a convoy slot of two trucks: 4 TEU.
            new DepartureCapacity(4, null, 50), "truck-40t", ContainersOnly);

    private void AddService(string carrier, TransportMode mode, List<string> stops, DeparturePattern pattern,
        DepartureCapacity capacity, string vehicleClass, IReadOnlySet<CargoKind>? kinds = null)
    {
        var legs = new List<LinkTraversal>(stops.Count - 1);
        for (int k = 0; k + 1 < stops.Count; k++)
            legs.Add(new LinkTraversal(_linkBetween[(stops[k], stops[k + 1], mode)], stops[k], stops[k + 1]));
        _services.Add(new Service
        {
            Id = $"{mode.ToString().ToUpperInvariant()[..2]}{_services.Count:D5}",
            Name = $"{carrier} {stops[0]}–{stops[^1]}",
            Operator = carrier, Carrier = carrier, Mode = mode, Stops = stops, Legs = legs, Departures = pattern,
            CapacityPerDeparture = capacity, VehicleClass = vehicleClass, CargoKinds = kinds, Source = Source,
        });
    }

    private static List<string> WithEnds(List<string> westToEast, string? westEnd, string? eastEnd)
    {
        var stops = new List<string>(westToEast.Count + 2);
        if (westEnd is not null) stops.Add(westEnd);
        stops.AddRange(westToEast);
        if (eastEnd is not null) stops.Add(eastEnd);
        return stops;
    }

    private static List<string> Reversed(List<string> stops) => Enumerable.Reverse(stops).ToList();

    private DeparturePattern Daily() => Timetable(7, 1);

    /// <summary>A timetable on <paramref name="days"/> random weekdays at <paramref name="times"/> random quarter hours.</summary>
    private TimetablePattern Timetable(int days, int times)
    {
        var chosen = Week.OrderBy(_ => _rng.Next()).Take(days).ToHashSet();
        var at = Enumerable.Range(0, times).Select(_ => new LocalTime(_rng.Next(24), 15 * _rng.Next(4))).Distinct().ToList();
        return new TimetablePattern(chosen, at);
    }

    /// <summary>Segment and column trains: a weekly timetable, or a fixed interval from a first departure.</summary>
    private DeparturePattern RegularPattern() =>
        _rng.Next(100) < 55
            ? Timetable(3 + _rng.Next(5), 1 + _rng.Next(2))
            : new IntervalPattern(new[] { 12, 24, 24, 48 }[_rng.Next(4)], Epoch(_rng.Next(24), 15 * _rng.Next(4)));

    private SailWhenFullPattern SailWhenFull()
    {
        double median = Math.Round(24 + _rng.NextDouble() * 36, 1);
        return new SailWhenFullPattern(96 + 24 * _rng.Next(4), new LogNormalDistribution(median, Math.Round(median * 2.5, 1), 6));
    }

    private static LocalDateTime Epoch(int hour, int minute) => new(LargeNetworkGenerator.CalendarYear, 1, 1, hour, minute);

    private DepartureCapacity RailCapacity()
    {
        int teu = 80 + 2 * _rng.Next(0, 16);
        return new DepartureCapacity(teu, teu / 2, 2500);
    }

    private DepartureCapacity FerryCapacity() => new(100 + 2 * _rng.Next(0, 7), 56, 3500);
}
