using System.Globalization;
using Caravan.Network;
using Caravan.Planning;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// Compiles a scenario against a network into a <see cref="CorridorPlan"/>. Routes come from the planner (one
/// query per stream, so the model cannot drift from the network); capacities come from the network's data unless
/// the scenario replaces or scales them. Every reference the scenario makes is checked here, with the file and path.
/// </summary>
public static class CorridorBuilder
{
    /// <summary>Time 0 of a run: a Monday at 00:00, local time at every node (timetables are local).</summary>
    private static readonly LocalDateTime Epoch = new(2024, 1, 1, 0, 0);
    private const double HoursPerYear = 8760;
    private const double DefaultTurnaroundHours = 6;
    private const int PlanningSamples = 32;

    public static CorridorPlan Build(Scenario scenario, NetworkModel network)
    {
        var errors = Check(scenario, network);
        if (errors.Count > 0) throw new ScenarioLoadException(errors);
        return new Compiler(scenario, network).Compile();
    }

    // ---------------------------------------------------------------- references

    private static List<ScenarioError> Check(Scenario s, NetworkModel net)
    {
        var errors = new List<ScenarioError>();
        var lookup = new NodeLookup(net);
        var services = net.Services.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var operators = net.Services.Select(x => x.Operator).ToHashSet(StringComparer.Ordinal);

        void Node(string file, string path, string id)
        {
            if (net.NodesById.ContainsKey(id)) return;
            var close = lookup.Suggest(id, 3).Select(n => n.Id);
            errors.Add(new ScenarioError(file, path, Quote(id), $"a node id of network {net.Name}; did you mean: {string.Join(", ", close)}"));
        }

        foreach (var d in s.Demand)
        {
            Node(d.File, d.Path + ".from", d.From);
            Node(d.File, d.Path + ".to", d.To);
            if (d.From == d.To) errors.Add(new ScenarioError(d.File, d.Path + ".to", Quote(d.To), "a destination other than the origin"));
            foreach (var n in d.AvoidNodes) Node(d.File, d.Path + ".avoidNodes", n);
        }
        foreach (var (id, o) in s.Nodes) Node(o.File, o.Path, id);
        foreach (var (id, o) in s.Services)
            if (!services.ContainsKey(id))
                errors.Add(new ScenarioError(o.File, o.Path, Quote(id), "a service id of the network"));
        foreach (var (id, o) in s.Ferries)
            if (!services.TryGetValue(id, out var f) || f.Departures is not SailWhenFullPattern)
                errors.Add(new ScenarioError(o.File, o.Path, Quote(id), "the id of a sail-when-full (ferry) service of the network: "
                    + string.Join(", ", net.Services.Where(x => x.Departures is SailWhenFullPattern).Select(x => x.Id))));
        foreach (var (name, o) in s.Locomotives)
            if (!operators.Contains(name))
                errors.Add(new ScenarioError(o.File, o.Path, Quote(name), "an operator of the network's services, e.g. " + string.Join(", ", operators.Take(6))));
        if (s.Weather is { } w)
            for (int i = 0; i < w.Ports.Count; i++) Node(w.File, $"{w.Path}.ports[{i}]", w.Ports[i]);
        return errors;
    }

    private static string Quote(string s) => "\"" + s + "\"";

    // ---------------------------------------------------------------- compilation

    private sealed class Compiler(Scenario scenario, NetworkModel network)
    {
        private readonly List<ElementInfo> _elements = [];
        private readonly List<string> _segments = [];
        private readonly List<string> _notes = [];
        private readonly List<StepPlan> _steps = [];
        private readonly List<RoutePlan> _routes = [];
        private readonly List<StreamRoute> _routeInfo = [];
        private readonly List<CarrierPlan> _carriers = [];
        private readonly Dictionary<(string, string, string), int> _carrierIndex = [];
        private readonly Dictionary<int, Service> _carrierService = [];
        private readonly List<FerryDraft> _ferries = [];
        private readonly List<HandlingDraft> _handling = [];
        private readonly Dictionary<(string, bool), int> _handlingIndex = [];
        private readonly string[] _weatherPorts = scenario.Weather?.Ports.Distinct().ToArray() ?? [];

        private sealed class FerryDraft
        {
            public required Service A;
            public Service? B;
            public double VolumeA, VolumeB;
            public readonly List<(int Step, bool SideA)> Steps = [];
        }

        private sealed class HandlingDraft
        {
            public required string Node;
            public required bool Containers;
            public required double UnitsPerYear;
            public required string Description;
            public readonly List<double> HoldMeans = [];
        }

        public CorridorPlan Compile()
        {
            var disabled = scenario.Services.Where(kv => kv.Value.Disabled).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            var routingNetwork = disabled.Count == 0 ? network : Without(network, disabled);
            var planner = new Planner(routingNetwork);

            var streams = new List<StreamInfo>();
            var streamPlans = new List<StreamPlan>();
            foreach (var d in scenario.Demand)
            {
                double units = CargoUnits.PerYear(d) * scenario.DemandScale;
                double tpu = CargoUnits.TonnesPerUnit(d.Cargo);
                var (primary, alternative, front) = Routes(planner, d);
                var blockTrain = d.BlockTrainShare > 0 ? Routes(planner, d, startOnBlockTrain: true).Fastest : null;
                if (d.BlockTrainShare > 0 && blockTrain is null)
                    _notes.Add($"stream {d.Id}: no itinerary leaves {d.From} on a block train; its block-train share takes the other routes");
                double blockShare = blockTrain is null ? 0 : d.BlockTrainShare;
                double fastestShare = alternative is null || d.FastestShare <= 0 ? 0 : d.FastestShare;
                int route = primary is null ? -1 : AddRoute(d, primary, d.Route == RouteChoice.Fastest ? "fastest" : "cheapest", 1 - fastestShare - blockShare, units);
                int alt = -1, block = -1;
                if (fastestShare > 0) alt = AddRoute(d, alternative!, "fastest", fastestShare, units);
                if (blockShare > 0 && primary is not null) block = AddRoute(d, blockTrain!, "block train", blockShare, units);
                double valueOfTime = ValueOfTimePerDay(d) / 24;
                int[]? candidates = null;
                if (d.Routing == Routing.Adaptive && primary is not null && 1 - fastestShare - blockShare > 0)
                {
                    // The main share chooses per consignment among the front's best itineraries for this shipper.
                    var others = front.Where(i => !SameServices(i, primary))
                        .DistinctBy(i => string.Join(",", i.Legs.Select(l => l.Service.Id)))
                        .OrderBy(i => (double)i.TotalCost + valueOfTime * i.Duration.TotalHours)
                        .Take(MaxCandidates - 1).ToList();
                    double each = (1 - fastestShare - blockShare) / (others.Count + 1);
                    candidates = [route, .. others.Select(i => AddRoute(d, i, "adaptive", 0, units * each))];
                    if (candidates.Length == 1) candidates = null;
                }
                int[,]? shared = null;
                if (candidates is not null)
                {
                    shared = new int[candidates.Length, candidates.Length];
                    for (int a = 0; a < candidates.Length; a++)
                        for (int b = 0; b < candidates.Length; b++)
                        {
                            var sa = _routeInfo[candidates[a]].Services;
                            var sb = _routeInfo[candidates[b]].Services;
                            int n = 0;
                            while (n < sa.Count && n < sb.Count && sa[n] == sb[n]) n++;
                            shared[a, b] = n;
                        }
                }
                if (primary is null) _notes.Add($"stream {d.Id}: the planner finds no route from {d.From} to {d.To} for {d.Cargo}; its demand is refused");

                var months = d.Seasonality ?? scenario.Seasonality;
                double mean = months.Average();
                var rate = months.Select(m => mean > 0 ? units / HoursPerYear * m / mean / d.ConsignmentUnits : 0).ToArray();
                streams.Add(new StreamInfo(d.Id, d.From, d.To, d.Cargo, units, units * tpu, tpu, primary is not null));
                streamPlans.Add(new StreamPlan
                {
                    Index = streamPlans.Count, Kind = d.Cargo, UnitsPerYear = units, TonnesPerUnit = tpu,
                    ConsignmentUnits = d.ConsignmentUnits, MonthlyRate = rate, Route = route, AlternativeRoute = alt,
                    AlternativeShare = alt >= 0 ? fastestShare : 0, BlockTrainRoute = block,
                    Candidates = candidates, SharedRides = shared, ValueOfTimePerHour = valueOfTime,
                    BlockTrainShare = block >= 0 ? blockShare : 0, BacklogLimitUnits = double.PositiveInfinity,
                });
            }

            var ferries = FinishFerries();
            var handling = FinishHandling();
            var pools = FinishPools();
            var steps = _steps.ToArray();
            foreach (var f in _ferries)
                foreach (var (step, sideA) in f.Steps)
                    steps[step].FerryDirection = sideA == (f.VolumeA >= f.VolumeB) ? FerryDirection.Loaded : FerryDirection.Backhaul;

            // A consignment is refused when its first carrier already has this many days of capacity waiting.
            foreach (var sp in streamPlans)
            {
                if (sp.Route < 0) continue;
                var first = steps[_routes[sp.Route].FirstStep];
                double perDay = first.Carrier >= 0
                    ? _carriers[first.Carrier].Capacity * _carriers[first.Carrier].DeparturesPerDay
                    : ferries[first.Ferry].Capacity * ferries[first.Ferry].Vessels * 24 / ferries[first.Ferry].RoundTripHours;
                sp.BacklogLimitUnits = Math.Max(sp.ConsignmentUnits, perDay * scenario.OriginBacklogLimitDays);
            }

            return new CorridorPlan
            {
                Scenario = scenario, Network = network,
                WarmupHours = scenario.WarmupDays * 24, HorizonHours = scenario.HorizonDays * 24,
                Streams = streams, Routes = _routeInfo, Elements = _elements, Segments = _segments, Notes = _notes,
                StreamPlans = streamPlans.ToArray(), RoutePlans = _routes.ToArray(), Steps = steps,
                Carriers = _carriers.ToArray(), Ferries = ferries, Handling = handling, Pools = pools,
                WeatherPorts = _weatherPorts,
            };
        }

        /// <summary>Routes a consignment of an adaptive stream chooses among: its main route and up to three more.</summary>
        private const int MaxCandidates = 4;

        /// <summary>
        /// USD a unit's day of transit is worth to the shipper, unless the stream says: estimate, the carrying cost of
        /// the goods plus a margin for being late; a container load (≈ USD 50,000 of goods) ≈ 25 a day for a shipper
        /// who books the cheapest route, ten times that for one who books the fastest; bulk and wagonload ≈ 10.
        /// </summary>
        private static double ValueOfTimePerDay(DemandStream d) => d.ValueOfTimeUsdPerDay
            ?? (d.Cargo != CargoKind.Container ? 10 : d.Route == RouteChoice.Fastest ? 250 : 25);

        private static bool SameServices(Itinerary a, Itinerary b) =>
            a.Legs.Select(l => l.Service.Id).SequenceEqual(b.Legs.Select(l => l.Service.Id));

        private (Itinerary? Primary, Itinerary? Fastest, IReadOnlyList<Itinerary> Front) Routes(Planner planner, DemandStream d, bool startOnBlockTrain = false)
        {
            var request = new PlanRequest
            {
                From = d.From, To = d.To,
                ReadyTime = Epoch.InUtc().ToInstant(),
                Cargo = CargoUnits.PlanningCargo(d.Cargo),
                Samples = PlanningSamples,
                Constraints = new PlanConstraints
                {
                    AvoidCountries = (d.AvoidCountries ?? scenario.AvoidCountries).ToHashSet(StringComparer.Ordinal),
                    AvoidNodes = d.AvoidNodes.ToHashSet(StringComparer.Ordinal),
                    IncludePlanned = scenario.IncludePlanned,
                    StartOnBlockTrain = startOnBlockTrain,
                },
            };
            PlanResult result;
            try
            {
                result = planner.Plan(request);
            }
            catch (PlanRequestException e)
            {
                throw new ScenarioLoadException([new ScenarioError(d.File, d.Path, e.Value is null ? null : Quote(e.Value), $"a stream the planner accepts ({e.Field}: {e.Expected})")]);
            }
            if (result.Itineraries.Count == 0) return (null, null, []);
            var fastest = result.Itineraries[0];
            var cheapest = result.Itineraries.OrderBy(i => i.TotalCost).ThenBy(i => i.Arrival).First();
            var primary = d.Route == RouteChoice.Fastest ? fastest : cheapest;
            return (primary, ReferenceEquals(primary, fastest) ? null : fastest, result.Itineraries);
        }

        private int AddRoute(DemandStream d, Itinerary it, string choice, double share, double unitsPerYear)
        {
            int first = _steps.Count;
            Service? arrivedOn = null;
            foreach (var leg in it.Legs)
            {
                _steps.Add(Step(d, leg, arrivedOn, unitsPerYear * share));
                arrivedOn = leg.Service;
            }
            _routes.Add(new RoutePlan
            {
                FirstStep = first, EndStep = _steps.Count, CostPerUnit = (double)it.TotalCost, NominalHours = it.Duration.TotalHours,
                RideCost = it.Legs.Select(l => (double)l.Charges.Sum(c => c.AmountInQuote)).ToArray(),
                RideHours = it.Legs.Select(l => (l.Arrival - l.ArrivedAtBoardingNode).TotalHours).ToArray(),
            });
            if (it.Legs.Any(l => l.Service.Planned)) _notes.Add($"stream {d.Id}: the {choice} route uses planned services");
            _routeInfo.Add(new StreamRoute(d.Id, choice, share,
                it.Legs.Select(l => l.Service.Id).ToList(),
                it.Legs.Select(l => l.From.Id).Append(it.Legs[^1].To.Id).ToList(),
                Math.Round(it.Duration.TotalDays, 2)));
            return _routes.Count - 1;
        }

        private StepPlan Step(DemandStream d, ItineraryLeg leg, Service? arrivedOn, double unitsPerYear)
        {
            var node = leg.From;
            var step = new StepPlan
            {
                Dwell = leg.Dwell > Duration.Zero ? node.DwellBetween(arrivedOn, leg.Service) : null,
                Handling = -1,
                Hold = leg.Transshipment?.Time,
                Carrier = -1,
                Ferry = -1,
                Segment = Segment(leg.Service.Operator),
                Kind = (int)d.Cargo,
                TonnesPerUnit = CargoUnits.TonnesPerUnit(d.Cargo),
            };
            // A border post with a capacity in the scenario serves its dwell on that capacity.
            bool borderServer = step.Hold is null && node.Kind == NodeKind.BorderCrossing && step.Dwell is not null
                && scenario.Nodes.ContainsKey(node.Id);
            if (borderServer)
            {
                step.Hold = step.Dwell;
                step.Dwell = null;
            }
            // A port's TEU capacity is its ship-to-shore container handling: it binds on containers lifted between a
            // ship and the quay. Containers that stay on their wagon (rolled onto a rail ferry) or their truck
            // (onto a Ro-Ro) pass the port as vehicles and count against its tonnage.
            bool liftedAtQuay = leg.Transshipment is { } t && (t.FromMode == TransportMode.Sea || t.ToMode == TransportMode.Sea);
            if (step.Hold is not null && HandlingFor(node, d.Cargo == CargoKind.Container && liftedAtQuay) is int h)
            {
                step.Handling = h;
                _handling[h].HoldMeans.Add(step.Hold.Mean);
            }

            if (leg.Service.Departures is SailWhenFullPattern) AddFerryStep(leg, unitsPerYear, ref step);
            else step.Carrier = Carrier(leg);
            return step;
        }

        private int Segment(string name)
        {
            int i = _segments.IndexOf(name);
            if (i >= 0) return i;
            _segments.Add(name);
            return _segments.Count - 1;
        }

        private int Element(string name, ElementKind kind, string node, string capacity, string segment, string? service = null)
        {
            _elements.Add(new ElementInfo(_elements.Count, name, kind, node, capacity, segment, service));
            return _elements.Count - 1;
        }

        // ------------------------------------------------------------ handling

        private int? HandlingFor(Node node, bool containers)
        {
            scenario.Nodes.TryGetValue(node.Id, out var o);
            double scale = o?.CapacityScale ?? 1;
            double? teu = (o?.TeuPerYear ?? node.HandlingCapacity?.TeuPerYear) * scale;
            double? tonnes = (o?.TonnesPerYear ?? node.HandlingCapacity?.TonnesPerYear) * scale;
            bool useTeu = containers && teu is not null;
            if (!useTeu && tonnes is null) return null;
            var key = (node.Id, useTeu);
            if (_handlingIndex.TryGetValue(key, out int existing)) return existing;
            double units = useTeu ? teu!.Value / CargoUnits.TeuPerUnit : tonnes!.Value / Caravan.Shipments.Cargo.BulkTonnesPerWagon;
            string description = useTeu ? $"{teu!.Value.ToString("N0", CultureInfo.InvariantCulture)} TEU/yr" : $"{(tonnes!.Value / 1e6).ToString("0.##", CultureInfo.InvariantCulture)} Mt/yr";
            _handling.Add(new HandlingDraft { Node = node.Id, Containers = useTeu, UnitsPerYear = units, Description = description });
            _handlingIndex[key] = _handling.Count - 1;
            return _handling.Count - 1;
        }

        /// <summary>
        /// Servers c = capacity per year × mean handling time / 8,760 h, so that c servers busy all year handle exactly
        /// the stated yearly capacity (utilisation = demand / capacity).
        /// </summary>
        private HandlingPlan[] FinishHandling() => _handling.Select(h =>
        {
            double hold = h.HoldMeans.Average();
            int servers = Math.Max(1, (int)Math.Round(h.UnitsPerYear * hold / HoursPerYear));
            string name = $"{h.Node} {(h.Containers ? "container handling" : "handling")}";
            int element = Element(name, ElementKind.Handling, h.Node, $"{servers} servers ≈ {h.Description}", "terminals");
            return new HandlingPlan { Element = element, Servers = servers, WeatherPort = Array.IndexOf(_weatherPorts, h.Node) };
        }).ToArray();

        // ------------------------------------------------------------ scheduled services

        private int Carrier(ItineraryLeg leg)
        {
            var service = leg.Service;
            var key = (service.Id, leg.From.Id, leg.To.Id);
            if (_carrierIndex.TryGetValue(key, out int existing)) return existing;
            scenario.Services.TryGetValue(service.Id, out var o);
            int from = IndexOfStop(service, leg.From.Id), to = IndexOfStop(service, leg.To.Id, from + 1);
            double offset = 0;
            for (int i = 0; i < from; i++) offset += service.Legs[i].Link.RunningTime.Median;
            var running = new Distribution[to - from];
            for (int i = from; i < to; i++) running[i - from] = service.Legs[i].Link.RunningTime;

            int capacity = Math.Max(1, (int)Math.Round(CargoUnits.PerDeparture(o?.CapacityPerDeparture ?? service.CapacityPerDeparture) * (o?.CapacityScale ?? 1)));
            var plan = new CarrierPlan
            {
                Element = Element($"{service.Id} {leg.From.Id}→{leg.To.Id}", ElementKind.Service, leg.From.Id, $"{capacity} units per departure", service.Operator, service.Id),
                Capacity = capacity, Running = running, Pool = -1, DeparturesPerDay = 0,
            };
            double every = o?.EveryHours ?? (service.Departures as IntervalPattern)?.EveryHours ?? 0;
            if (service.Departures is TimetablePattern tt && o?.EveryHours is null)
            {
                plan.WeeklyOffsets = tt.Days.SelectMany(day => tt.Times.Select(t => ((int)day - 1) * 24 + t.TickOfDay / (double)NodaConstants.TicksPerHour))
                    .Select(h => Mod(h + offset, 168)).Order().ToArray();
                plan.DeparturesPerDay = plan.WeeklyOffsets.Length / 7.0;
            }
            else
            {
                double first = service.Departures switch
                {
                    IntervalPattern ip => (ip.FirstDeparture.InUtc().ToInstant() - Epoch.InUtc().ToInstant()).TotalHours,
                    TimetablePattern tp => tp.Times.Count > 0 ? tp.Times[0].TickOfDay / (double)NodaConstants.TicksPerHour : 0,
                    _ => 0,
                };
                plan.EveryHours = every;
                plan.Phase = Mod(first + offset, every);
                plan.DeparturesPerDay = 24 / every;
            }
            _carriers.Add(plan);
            _carrierService[_carriers.Count - 1] = service;
            _carrierIndex[key] = _carriers.Count - 1;
            return _carriers.Count - 1;
        }

        private static int IndexOfStop(Service s, string node, int start = 0) => s.IndexOfStop(node, start) is var i and >= 0
            ? i : throw new InvalidOperationException($"Service {s.Id} has no stop {node} at or after position {start}.");

        private static double Mod(double x, double m) => ((x % m) + m) % m;

        private PoolPlan[] FinishPools()
        {
            var pools = new List<PoolPlan>();
            foreach (var (name, pool) in scenario.Locomotives)
            {
                var users = _carrierService.Where(kv => kv.Value.Operator == name).Select(kv => kv.Key).ToList();
                if (users.Count == 0)
                {
                    _notes.Add($"locomotive pool {name}: no route of this scenario uses its services");
                    continue;
                }
                int element = Element($"{name} locomotives", ElementKind.Locomotives, "", $"{pool.Locomotives} locomotives", name);
                foreach (int c in users) _carriers[c].Pool = pools.Count;
                pools.Add(new PoolPlan { Element = element, Locomotives = pool.Locomotives, TurnaroundHours = pool.TurnaroundHours });
            }
            return pools.ToArray();
        }

        // ------------------------------------------------------------ ferries

        private void AddFerryStep(ItineraryLeg leg, double unitsPerYear, ref StepPlan step)
        {
            var s = leg.Service;
            int index = _ferries.FindIndex(f => f.A.Id == s.Id || f.B?.Id == s.Id);
            if (index < 0)
            {
                var reverse = network.Services.FirstOrDefault(r => r.Departures is SailWhenFullPattern && r.Mode == s.Mode
                    && r.Operator == s.Operator && r.Stops.SequenceEqual(s.Stops.Reverse()) && r.CapacityPerDeparture == s.CapacityPerDeparture);
                _ferries.Add(new FerryDraft { A = s, B = reverse });
                index = _ferries.Count - 1;
            }
            var draft = _ferries[index];
            bool sideA = draft.A.Id == s.Id;
            if (sideA) draft.VolumeA += unitsPerYear; else draft.VolumeB += unitsPerYear;
            draft.Steps.Add((_steps.Count, sideA));
            step.Ferry = index;
        }

        private FerryPlan[] FinishFerries() => _ferries.Select(f =>
        {
            bool primaryIsA = f.VolumeA >= f.VolumeB;
            var loaded = primaryIsA ? f.A : f.B!;
            var back = primaryIsA ? f.B : f.A;
            FerryFleet? fleet = scenario.Ferries.GetValueOrDefault(f.A.Id) ?? (f.B is null ? null : scenario.Ferries.GetValueOrDefault(f.B.Id));
            scenario.Services.TryGetValue(loaded.Id, out var o);
            int capacity = Math.Max(1, (int)Math.Round(CargoUnits.PerDeparture(o?.CapacityPerDeparture ?? loaded.CapacityPerDeparture) * (o?.CapacityScale ?? 1)));
            var crossing = loaded.Legs[0].Link.RunningTime;
            double turnaround = fleet?.TurnaroundHours ?? DefaultTurnaroundHours;
            double roundTrip = 2 * crossing.Mean + 2 * turnaround;
            int vessels;
            if (fleet?.Vessels is { } v) vessels = v;
            else if (loaded.Legs[0].Link.Capacity?.WagonsPerYear is { } wagons)
            {
                // Enough vessels for the crossing's yearly capacity, each sailing full once per round trip.
                vessels = Math.Max(1, (int)Math.Round(wagons / (capacity * HoursPerYear / roundTrip)));
                _notes.Add($"ferry {loaded.Id}: {vessels} vessels from the link's {wagons:N0} wagons/yr (no fleet in the scenario)");
            }
            else
            {
                vessels = 2;
                _notes.Add($"ferry {loaded.Id}: no fleet in the scenario and no link capacity; 2 vessels assumed");
            }
            double maxWait = fleet?.MaxWaitHours ?? ((SailWhenFullPattern)loaded.Departures).MaxWaitHours;
            string a = loaded.Stops[0], b = loaded.Stops[^1];
            int e0 = Element($"{loaded.Id} {a}→{b}", ElementKind.Ferry, a, $"{vessels} vessels × {capacity} units", loaded.Operator, loaded.Id);
            int e1 = Element($"{back?.Id ?? loaded.Id + " (return)"} {b}→{a}", ElementKind.FerryBackhaul, b, $"return sailings of the {vessels} vessels", loaded.Operator, back?.Id);
            return new FerryPlan
            {
                Elements = [e0, e1], Capacity = capacity, MaxWaitHours = maxWait, Vessels = vessels, Crossing = crossing,
                TurnaroundHours = turnaround, RoundTripHours = roundTrip,
                WeatherPort = [Array.IndexOf(_weatherPorts, a), Array.IndexOf(_weatherPorts, b)],
            };
        }).ToArray();

        private static NetworkModel Without(NetworkModel n, HashSet<string> services) => new()
        {
            Name = n.Name, Version = n.Version, Description = n.Description, Origin = n.Origin, Nodes = n.Nodes, Links = n.Links,
            Services = n.Services.Where(s => !services.Contains(s.Id)).ToList(),
            Transshipments = n.Transshipments, Tariffs = n.Tariffs, Currencies = n.Currencies, Emissions = n.Emissions,
            Fingerprint = n.Fingerprint, Waits = n.Waits,
        };
    }
}
