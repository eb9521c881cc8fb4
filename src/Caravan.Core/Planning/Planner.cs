using Caravan.Network;

namespace Caravan.Planning;

/// <summary>
/// Plans shipments on one network: the Pareto set of itineraries over arrival time, cost, CO2e and, with a
/// deadline, the probability of arriving by it. Thread-safe; build once per network and reuse.
/// </summary>
public sealed partial class Planner
{
    public NetworkModel Network { get; }

    public Planner(NetworkModel network)
    {
        Network = network;
    }

    /// <summary>Plans a request; throws <see cref="PlanRequestException"/> naming the field when the request is invalid.</summary>
    public PlanResult Plan(PlanRequest request) => throw new InvalidOperationException("planner under construction");
}

/// <summary>A request the planner cannot answer as asked: names the field, the value and what was expected.</summary>
public sealed class PlanRequestException(string field, string? value, string expected)
    : Exception($"{field}: found {(value is null ? "nothing" : $"'{value}'")}, expected {expected}")
{
    public string Field { get; } = field;
    public string? Value { get; } = value;
    public string Expected { get; } = expected;
}
