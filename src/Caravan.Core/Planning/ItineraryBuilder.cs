using Caravan.Emissions;
using Caravan.Planning.Compiled;
using Caravan.Planning.Search;
using Caravan.Tariffs;
using NodaTime;

namespace Caravan.Planning;

/// <summary>Turns a destination label into an itinerary: legs, charges, emissions and the arrival distribution.</summary>
internal sealed class ItineraryBuilder(QueryContext q, LabelSearch search, RideTiming timing)
{
    public Itinerary Build(int target)
    {
        var chain = new List<Label>();
        for (int i = target; search[i].Parent >= 0; i = search[i].Parent) chain.Add(search[i]);
        chain.Reverse();

        var legs = new List<ItineraryLeg>(chain.Count);
        long arrivedAt = q.ReadySeconds;
        int arrivedOn = -1;
        foreach (var label in chain)
        {
            legs.Add(BuildLeg(label, arrivedAt, arrivedOn));
            arrivedOn = label.Service;
            arrivedAt = label.Arrival;
        }

        // Replayed rather than taken from the search, whose draws are capped at the deadline.
        int[] arrival = Replay(chain);
        Array.Sort(arrival);
        double? onTime = q.Request.Deadline is { } deadline
            ? arrival.Count(a => q.ReadySeconds + a <= deadline.ToUnixTimeSeconds()) / (double)arrival.Length
            : null;

        var charges = legs.SelectMany(l => l.Charges).ToList();
        return new Itinerary
        {
            Legs = legs,
            ReadyTime = q.Request.ReadyTime,
            Departure = legs[0].Departure,
            Arrival = legs[^1].Arrival,
            TotalCost = charges.Sum(c => c.AmountInQuote),
            Charges = charges,
            Emissions = legs.Aggregate(EmissionResult.Zero, (sum, l) => sum.Add(l.Emissions).Add(l.TransshipmentEmissions)),
            ArrivalDistribution = new ArrivalDistribution(At(Percentile(arrival, 0.10)), At(Percentile(arrival, 0.50)), At(Percentile(arrival, 0.90)), arrival.Length),
            OnTimeProbability = onTime,
        };
    }

    private ItineraryLeg BuildLeg(Label label, long arrivedAt, int arrivedOn)
    {
        var service = q.Net.Services[label.Service];
        var svc = service.Service;
        int node = service.Stops[label.Board];
        var links = svc.Legs.Skip(label.Board).Take(label.Alight - label.Board).ToList();
        double km = links.Sum(l => l.Link.DistanceKm);
        var transshipment = label.Transshipment >= 0 ? q.Net.Model.Transshipments[label.Transshipment] : null;

        var charges = new List<Charge>();
        if (transshipment is not null) charges.AddRange(q.Tariffs.PriceTransshipment(transshipment, q.Cargo));
        if (q.Tariffs.TryPriceRide(svc, km, q.Cargo, out var rideCharges)) charges.AddRange(rideCharges);

        int dwell = q.Net.DwellSeconds(node, q.Net.BlockTrainConnection(arrivedOn, service));
        int transSeconds = label.Transshipment >= 0 ? q.Net.TransshipmentSeconds[label.Transshipment] : 0;
        long ready = arrivedAt + dwell + transSeconds;
        return new ItineraryLeg
        {
            Service = svc,
            From = q.Net.Nodes[node],
            To = q.Net.Nodes[service.Stops[label.Alight]],
            Links = links,
            DistanceKm = km,
            ArrivedAtBoardingNode = At(arrivedAt - q.ReadySeconds),
            Dwell = Duration.FromSeconds(dwell),
            Transshipment = transshipment,
            TransshipmentTime = Duration.FromSeconds(transSeconds),
            Wait = Duration.FromSeconds(label.Departure - ready),
            Departure = Instant.FromUnixTimeSeconds(label.Departure),
            Arrival = Instant.FromUnixTimeSeconds(label.Arrival),
            DeparturesUsed = q.DeparturesNeeded(label.Service),
            Charges = charges,
            Emissions = q.Emissions.ForRide(svc, km, q.Cargo),
            TransshipmentEmissions = transshipment is null ? EmissionResult.Zero : q.Emissions.ForTransshipment(transshipment, q.Cargo),
        };
    }

    /// <summary>Arrival draws of an itinerary, replayed ride by ride.</summary>
    private int[] Replay(List<Label> chain)
    {
        var arrived = new int[timing.DrawCount];
        var next = new int[timing.DrawCount];
        int arrivedOn = -1;
        foreach (var label in chain)
        {
            var service = q.Net.Services[label.Service];
            bool blockTrain = q.Net.BlockTrainConnection(arrivedOn, service);
            arrivedOn = label.Service;
            if (!timing.DepartDraws(arrived, service.Stops[label.Board], blockTrain, service, label.Board, label.Transshipment, next))
            {
                Array.Fill(arrived, int.MaxValue);
                return arrived;
            }
            for (int leg = label.Board; leg < label.Alight; leg++) timing.AddRunning(service, leg, next);
            (arrived, next) = (next, arrived);
        }
        return arrived;
    }

    private Instant At(long secondsAfterReady) => Instant.FromUnixTimeSeconds(q.ReadySeconds + secondsAfterReady);

    /// <summary>Nearest-rank percentile of sorted draws.</summary>
    internal static long Percentile(int[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
