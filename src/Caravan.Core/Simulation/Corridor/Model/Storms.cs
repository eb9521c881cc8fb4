namespace Caravan.Simulation.Corridor;

/// <summary>
/// Storms: for each port in the scenario's weather list, a Poisson number of storms per calendar month placed
/// uniformly in the month, each closing the port for a drawn duration. Drawn once per replication from its own
/// sub-stream, so two scenarios with the same weather and seed see the same storms. A closed port starts no
/// handling and no vessel sails from it.
/// </summary>
internal sealed class Storms
{
    private readonly CorridorPlan _plan;
    private readonly (double From, double To)[][] _closures;

    /// <summary>Draws the replication's storms (nothing is scheduled until <see cref="CloseTerminals"/>).</summary>
    public Storms(CorridorPlan plan, RandomStream rng)
    {
        _plan = plan;
        var weather = plan.Scenario.Weather;
        _closures = new (double, double)[plan.WeatherPorts.Length][];
        for (int p = 0; p < _closures.Length; p++)
        {
            var storms = new List<(double From, double To)>();
            int first = (int)Math.Floor(-plan.WarmupHours / CorridorTime.Month), last = (int)Math.Ceiling(plan.HorizonHours / CorridorTime.Month);
            for (int m = first; m < last; m++)
            {
                double start = plan.WarmupHours + m * CorridorTime.Month;
                int count = Poisson(rng, weather!.StormsPerMonth[(int)CorridorTime.Mod(m, 12)]);
                for (int k = 0; k < count; k++)
                {
                    double from = start + rng.NextDouble() * CorridorTime.Month;
                    double to = from + weather.Duration.Quantile(rng.NextDouble());
                    from = Math.Max(0, from);
                    if (to > from && from < plan.EndHours) storms.Add((from, to));
                }
            }
            _closures[p] = Merge(storms);
        }
    }

    /// <summary>Closes the handling servers of each stormy port for its storms.</summary>
    public void CloseTerminals(Simulator sim, Terminals terminals)
    {
        for (int p = 0; p < _closures.Length; p++)
        {
            if (_closures[p].Length == 0) continue;
            for (int h = 0; h < _plan.Handling.Length; h++)
            {
                if (_plan.Handling[h].WeatherPort != p) continue;
                var schedule = new CapacitySchedule(sim, terminals.Handling[h]);
                foreach (var (from, to) in _closures[p]) schedule.Closure(from, to);
            }
        }
    }

    /// <summary>The earliest time at or after <paramref name="t"/> when the port is open.</summary>
    public double OpenAt(int port, double t)
    {
        var closures = _closures[port];
        int lo = 0, hi = closures.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (closures[mid].To <= t) lo = mid + 1;
            else if (closures[mid].From > t) hi = mid - 1;
            else return closures[mid].To;
        }
        return t;
    }

    /// <summary>Hours the ports were closed within the measured window, added over ports.</summary>
    public double ClosedHoursInWindow() => _closures.Sum(port => port.Sum(c =>
        Math.Max(0, Math.Min(c.To, _plan.EndHours) - Math.Max(c.From, _plan.WarmupHours))));

    private static (double From, double To)[] Merge(List<(double From, double To)> intervals)
    {
        intervals.Sort();
        var merged = new List<(double From, double To)>();
        foreach (var c in intervals)
        {
            if (merged.Count > 0 && c.From <= merged[^1].To) merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, c.To));
            else merged.Add(c);
        }
        return merged.ToArray();
    }

    /// <summary>Knuth's product of uniforms: fine for the handful of storms a month has.</summary>
    private static int Poisson(RandomStream rng, double mean)
    {
        if (mean <= 0) return 0;
        double limit = Math.Exp(-mean), product = rng.NextDouble();
        int k = 0;
        while (product > limit)
        {
            k++;
            product *= rng.NextDouble();
        }
        return k;
    }
}
