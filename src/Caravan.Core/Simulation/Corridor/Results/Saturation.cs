using System.Globalization;

namespace Caravan.Simulation.Corridor;

/// <summary>
/// Whether a scenario's queues grow without bound over the horizon, so that its transit percentiles describe this
/// horizon only (a longer horizon would report longer ones) rather than a steady state.
/// </summary>
/// <remarks>
/// Two signs, each a mean over replications; either one is enough:
/// <list type="bullet">
/// <item><b>Backlog growth</b>: units in the corridor at the end of the horizon exceed those at its start by more
/// than <see cref="BacklogGrowthLimit"/> of the units accepted during it. A corridor that keeps up ends about where it
/// started (the built-in scenarios that do: within ±1 % over a year); one that does not piles up the excess
/// (12–30 % in the saturated ones), a share that stays the same at any horizon.</item>
/// <item><b>Transit growth</b>: units delivered in the second half of the horizon took on average more than
/// <see cref="TransitGrowthLimit"/> longer than those delivered in the first half (stable scenarios: within 8 %,
/// storms and seasons included; saturated ones: 45–80 %).</item>
/// </list>
/// A warm-up shorter than the transit time also shows growth, the corridor still filling up; the reason then says so.
/// </remarks>
public sealed record Saturation(bool Saturated, string? Reason, double BacklogGrowthShare, double TransitGrowthShare)
{
    public const double BacklogGrowthLimit = 0.05;
    public const double TransitGrowthLimit = 0.25;

    /// <summary>The sentence the CLI prints for a saturated scenario.</summary>
    public const string Warning = "Saturated: demand exceeds what the corridor carries; transit times grow without bound over the horizon, " +
        "so percentiles describe this horizon only.";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Saturation Of(CorridorPlan plan, IReadOnlyList<ReplicationResult> replications)
    {
        double accepted = Mean(replications, r => r.ArrivedUnits - r.RefusedUnits);
        double growth = Mean(replications, r => r.InSystemAtEnd - r.InSystemAtStart);
        double first = Mean(replications, r => r.TransitMeanDaysFirstHalf);
        double second = Mean(replications, r => r.TransitMeanDaysSecondHalf);
        double backlogShare = accepted > 0 ? growth / accepted : double.NaN;
        double transitShare = first > 0 ? second / first - 1 : double.NaN;

        var signs = new List<string>();
        if (backlogShare > BacklogGrowthLimit)
            signs.Add(string.Format(Inv, "units in the corridor grew by {0:N0} over the horizon, {1:0.0} % of the {2:N0} it accepted (limit {3:0} %)",
                growth, 100 * backlogShare, accepted, 100 * BacklogGrowthLimit));
        if (transitShare > TransitGrowthLimit)
            signs.Add(string.Format(Inv, "units delivered in the second half of the horizon took {0:0.0} days on average against {1:0.0} in the first (+{2:0} %, limit {3:0} %)",
                second, first, 100 * transitShare, 100 * TransitGrowthLimit));
        if (signs.Count == 0) return new Saturation(false, null, backlogShare, transitShare);

        double refused = Mean(replications, r => r.ArrivedUnits > 0 ? (double)r.RefusedUnits / r.ArrivedUnits : 0);
        if (refused > 0.001)
            signs.Add(string.Format(Inv, "{0:0.0} % of arriving units were refused at the origin", 100 * refused));
        // Against the first half's transit, not the whole horizon's, which saturation itself lengthens.
        if (plan.Scenario.WarmupDays < first)
            signs.Add(string.Format(Inv, "the warm-up ({0:0.#} days) is shorter than the mean transit at the start ({1:0.0} days), so part of this may be " +
                "the corridor still filling up: lengthen warmupDays to tell", plan.Scenario.WarmupDays, first));
        string reason = string.Join("; ", signs);
        return new Saturation(true, char.ToUpperInvariant(reason[0]) + reason[1..] + ".", backlogShare, transitShare);
    }

    private static double Mean(IReadOnlyList<ReplicationResult> replications, Func<ReplicationResult, double> f)
    {
        var values = replications.Select(f).Where(double.IsFinite).ToList();
        return values.Count > 0 ? values.Average() : double.NaN;
    }
}
