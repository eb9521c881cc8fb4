namespace Caravan.Calibration;

/// <summary>
/// Published figures the default corridor must reproduce (data/calibration/targets.json): each check names what is
/// measured on the model, the published value, the band it must fall in and where the figure comes from.
/// </summary>
public sealed record CalibrationTable(string Description, IReadOnlyList<CalibrationTarget> Targets);

/// <summary>One published figure and the model measure it is held against.</summary>
public sealed record CalibrationTarget
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required CalibrationMeasure Measure { get; init; }
    /// <summary>The figure as published (the centre of a range when the source gives one).</summary>
    public required double Published { get; init; }
    public required string Unit { get; init; }
    public required Tolerance Tolerance { get; init; }
    public required string Source { get; init; }
    /// <summary>When the figure was published or what period it covers, e.g. "2024-12".</summary>
    public required string Date { get; init; }
}

/// <summary>The band a model value must fall in, inclusive, and how the table wrote it ("±10 %", "8–11").</summary>
public sealed record Tolerance(double Low, double High, string Text)
{
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>What a check measures on the model.</summary>
public abstract record CalibrationMeasure
{
    /// <summary>Scenarios the measure needs simulated (to run each one once for all the checks that read it).</summary>
    public virtual string? Scenario => null;
}

/// <summary>Delivered cargo of a simulated scenario, Mt a year.</summary>
public sealed record DeliveredMegatonnes(string ScenarioName) : CalibrationMeasure
{
    public override string? Scenario => ScenarioName;
}

/// <summary>Delivered containers of a simulated scenario, TEU a year.</summary>
public sealed record DeliveredTeu(string ScenarioName) : CalibrationMeasure
{
    public override string? Scenario => ScenarioName;
}

/// <summary>Delivered containers of a simulated scenario that rode block trains all the way, TEU a year.</summary>
public sealed record BlockTrainTeu(string ScenarioName) : CalibrationMeasure
{
    public override string? Scenario => ScenarioName;
}

/// <summary>
/// Planner: days from the first departure to the median arrival of the fastest itinerary that rides block trains
/// only, averaged over the seven weekdays a shipment can be ready on (so the timetable's phase does not bias it).
/// </summary>
public sealed record BlockTrainDays(string From, string To) : CalibrationMeasure;

/// <summary>Network: median running hours of a service between two of its stops (a sea crossing, a rail run).</summary>
public sealed record RunningHours(string Service, string From, string To) : CalibrationMeasure;
