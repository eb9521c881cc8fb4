using Caravan.Planning.Compiled;

namespace Caravan.Planning.Search;

/// <summary>
/// When a ride departs and arrives, nominally and draw by draw. Shared by the search and by the replay that gives
/// each answer its arrival distribution, so both use one definition.
/// </summary>
internal sealed class RideTiming(QueryContext q, SampleTable? draws)
{
    public int DrawCount => draws?.Count ?? 0;

    /// <summary>
    /// Nominal departure: the next scheduled trip (the m-th when the cargo needs m departures) that can be made at
    /// the boarding stop, or for a vessel that sails when full the time the rest of it takes to fill, capped.
    /// long.MaxValue when the service never departs.
    /// </summary>
    public long Depart(CompiledService service, int board, long ready, int fillSeconds)
    {
        if (service.SailsWhenFull)
        {
            // Full vessels leave at once; only the part-filled last one waits. A measured wait is where a random
            // unit falls in a filling vessel (and the wait for a vessel): a shipment that fills a share of it has
            // that share fewer places to wait for. The file's fill time is the empty-vessel case, capped.
            double rest = 1 - q.LastShare(service.Index);
            double wait = service.MeasuredWait is not null
                ? fillSeconds * Math.Min(1, rest / service.RestAfterOneUnit) // one unit: exactly the measured wait
                : Math.Min(service.MaxWaitSeconds, fillSeconds * rest);
            return ready + (long)Math.Round(wait, MidpointRounding.AwayFromZero);
        }
        long offset = service.OffsetSeconds[board];
        long first = service.Calendar!.Next(ready - offset, q.DeparturesNeeded(service.Index));
        return first == long.MaxValue ? first : first + offset;
    }

    /// <summary>Nominal time the cargo is ready to board at a node: arrival + dwell + transshipment.</summary>
    public long Ready(long arrival, int node, bool blockTrainConnection, int rule) =>
        arrival + q.Net.DwellSeconds(node, blockTrainConnection) + (rule >= 0 ? q.Net.TransshipmentSeconds[rule] : 0);

    /// <summary>
    /// Departure draws (seconds after the request's ready time) given arrival draws at the boarding node;
    /// false when a draw finds no departure. A draw equal to <paramref name="late"/> is already too late for the
    /// deadline and stays so without being computed.
    /// </summary>
    public bool DepartDraws(ReadOnlySpan<int> arrived, int node, bool blockTrainConnection, CompiledService service, int board, int rule, Span<int> departures, int late = int.MaxValue)
    {
        var dwell = draws!.Dwell(node, blockTrainConnection);
        int[]? trans = rule >= 0 ? draws.Transshipment(rule) : null;
        int[]? fill = service.SailsWhenFull ? draws.Fill(service.Index) : null;
        long origin = q.ReadySeconds;
        for (int k = 0; k < departures.Length; k++)
        {
            if (arrived[k] >= late)
            {
                departures[k] = late;
                continue;
            }
            long ready = origin + arrived[k] + dwell[k] + (trans?[k] ?? 0);
            long departure = Depart(service, board, ready, fill?[k] ?? 0);
            if (departure == long.MaxValue) return false;
            departures[k] = (int)(departure - origin);
        }
        return true;
    }

    /// <summary>Adds the running-time draws of one leg of a service.</summary>
    public void AddRunning(CompiledService service, int leg, Span<int> times)
    {
        var running = draws!.Running(service.Legs[leg]);
        for (int k = 0; k < times.Length; k++) times[k] += running[k];
    }
}
