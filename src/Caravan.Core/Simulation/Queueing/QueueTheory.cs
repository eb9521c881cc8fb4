namespace Caravan.Simulation;

/// <summary>Closed forms for the queues <see cref="MmcQueue"/> simulates, to validate against.</summary>
public static class QueueTheory
{
    /// <summary>
    /// Erlang C: the probability that an arrival to a stable M/M/c queue has to wait,
    /// C(c, a) = [aᶜ/c! · 1/(1−ρ)] / [Σₖ₌₀..c₋₁ aᵏ/k! + aᶜ/c! · 1/(1−ρ)] with a = λ/μ and ρ = a/c.
    /// Terms are built by multiplication (aᵏ/k! = aᵏ⁻¹/(k−1)! · a/k) so large c neither overflows nor loses digits.
    /// </summary>
    public static double ErlangC(int servers, double arrivalRate, double serviceRate)
    {
        double rho = CheckStable(servers, arrivalRate, serviceRate);
        double a = arrivalRate / serviceRate;
        double term = 1, sum = 0; // term = aᵏ/k!
        for (int k = 0; k < servers; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        double waiting = term / (1 - rho); // term is now aᶜ/c!
        return waiting / (sum + waiting);
    }

    /// <summary>M/M/c mean wait in queue Wq = C(c, a) / (cμ − λ).</summary>
    public static double MmcMeanWait(int servers, double arrivalRate, double serviceRate) =>
        ErlangC(servers, arrivalRate, serviceRate) / (servers * serviceRate - arrivalRate);

    /// <summary>M/D/1 mean wait by Pollaczek–Khinchine with zero service variance: Wq = ρ / (2μ(1 − ρ)).</summary>
    public static double Md1MeanWait(double arrivalRate, double serviceRate)
    {
        double rho = CheckStable(1, arrivalRate, serviceRate);
        return rho / (2 * serviceRate * (1 - rho));
    }

    /// <summary>
    /// Mean wait for the options' model: exact for M/M/c and M/D/1; for M/D/c with c &gt; 1 the Allen–Cunneen
    /// approximation Wq ≈ Wq(M/M/c) · (cₐ² + cₛ²)/2 = Wq(M/M/c)/2, flagged by <paramref name="exact"/>.
    /// </summary>
    public static double MeanWait(QueueOptions options, out bool exact)
    {
        double mmc = MmcMeanWait(options.Servers, options.ArrivalRate, options.ServiceRate);
        if (options.Service == ServiceKind.Exponential)
        {
            exact = true;
            return mmc;
        }
        exact = options.Servers == 1;
        return exact ? Md1MeanWait(options.ArrivalRate, options.ServiceRate) : mmc / 2;
    }

    private static double CheckStable(int servers, double arrivalRate, double serviceRate)
    {
        if (servers < 1) throw new ArgumentOutOfRangeException(nameof(servers), servers, "Expected at least one server.");
        if (!(arrivalRate > 0)) throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "Expected a positive arrival rate.");
        if (!(serviceRate > 0)) throw new ArgumentOutOfRangeException(nameof(serviceRate), serviceRate, "Expected a positive service rate.");
        double rho = arrivalRate / (servers * serviceRate);
        if (!(rho < 1)) throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, $"ρ = {rho} must be below 1 for a steady state.");
        return rho;
    }
}
