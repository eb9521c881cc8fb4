namespace Caravan.Planning.Search;

/// <summary>Which criteria the search keeps labels for.</summary>
internal enum SearchProfile
{
    /// <summary>Earliest nominal arrival only: a time-dependent Dijkstra.</summary>
    EarliestArrival,
    /// <summary>Arrival, cost, CO2e and rides (plus the arrival draws when a deadline is given): the full Pareto set.</summary>
    Pareto,
}
