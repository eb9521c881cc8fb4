using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caravan.Cli.Rendering;
using Caravan.Cli.Options;
using Caravan.Cli.Rendering.Json;
using Caravan.Cli.Rendering.Sheets;
using Caravan.Simulation;
using NodaTime;

namespace Caravan.Cli.Simulation;

/// <summary>
/// `caravan simulate queue`: runs the M/M/c (or M/D/c) queue on the simulation engine and sets the result beside
/// queueing theory. It is how anyone can check the engine: the numbers must agree within the confidence interval.
/// </summary>
public static class SimulateQueueCommand
{
    /// <summary>The command, writing to the invocation's output and error writers.</summary>
    public static Command Create() => Create(null);

    /// <summary>The command, writing through <paramref name="context"/> like the other commands.</summary>
    public static Command Create(CliContext? context)
    {
        var servers = new Option<string>("--servers") { Description = "Servers c (berths, cranes): a whole number > 0.", HelpName = "C", DefaultValueFactory = _ => "1" };
        var arrivalRate = new Option<string>("--arrival-rate") { Description = "Poisson arrival rate λ per hour.", HelpName = "L", Required = true };
        var serviceRate = new Option<string>("--service-rate") { Description = "Service rate μ per server per hour (mean service 1/μ h).", HelpName = "M", Required = true };
        var customers = new Option<string>("--customers") { Description = "Customers to simulate, warm-up included.", HelpName = "N", DefaultValueFactory = _ => "1000000" };
        var warmup = new Option<string?>("--warmup") { Description = "First customers left out of the statistics (default: a tenth of --customers).", HelpName = "N" };
        var seed = new Option<string>("--seed") { Description = "Random seed; the same seed gives the same numbers bit for bit.", HelpName = "S", DefaultValueFactory = _ => "1" };
        var service = new Option<string>("--service") { Description = "Service-time distribution: exponential (M/M/c) or deterministic (M/D/c).", HelpName = "exponential|deterministic", DefaultValueFactory = _ => "exponential" };
        var output = new OutputOptions("one row per measure", "Write one JSON object instead of a table; the same as --format json.");

        var command = new Command("queue", "Simulate an M/M/c or M/D/c queue and compare it with queueing theory (Erlang C, Pollaczek–Khinchine).");
        foreach (Option option in new Option[] { servers, arrivalRate, serviceRate, customers, warmup, seed, service, output.Json, output.Format })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            CliContext ctx = context ?? ContextFor(parse);
            QueueOptions options;
            OutputFormat format;
            try
            {
                format = output.Read(parse, ctx);
                options = QueueArguments.Read(
                    parse.GetValue(servers)!, parse.GetValue(arrivalRate)!, parse.GetValue(serviceRate)!,
                    parse.GetValue(customers)!, parse.GetValue(warmup), parse.GetValue(seed)!, parse.GetValue(service)!);
            }
            catch (CliUsageException e)
            {
                // Answered here rather than left to the host so the command behaves the same wherever it is mounted.
                ctx.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            var clock = Stopwatch.StartNew();
            QueueResult result = MmcQueue.Run(options);
            var report = QueueReport.Of(options, result, clock.Elapsed.TotalSeconds);
            if (format == OutputFormat.Json) JsonOutput.Write(ctx.Out, report);
            else if (format == OutputFormat.Tsv) SheetWriter.Tsv(ctx.Out, QueueReport.Measures(report));
            else QueueReport.Render(new Page(ctx, format), report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static CliContext ContextFor(ParseResult parse)
    {
        var invocation = parse.InvocationConfiguration;
        return ReferenceEquals(invocation.Output, System.Console.Out)
            ? CliContext.FromSystem()
            : CliContext.ForWriters(invocation.Output, invocation.Error, SystemClock.Instance);
    }
}

/// <summary>The command line's values, checked one by one so each bad value gets its own "--option: found …, expected …".</summary>
internal static class QueueArguments
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static QueueOptions Read(string servers, string arrivalRate, string serviceRate, string customers, string? warmup, string seed, string service)
    {
        int c = int.TryParse(servers.Trim(), NumberStyles.AllowLeadingSign, Invariant, out int s) && s > 0
            ? s : throw new CliUsageException("--servers", servers, "a whole number of servers > 0");
        double lambda = Rate("--arrival-rate", arrivalRate);
        double mu = Rate("--service-rate", serviceRate);
        long n = long.TryParse(customers.Trim(), NumberStyles.AllowLeadingSign, Invariant, out long k) && k > 0
            ? k : throw new CliUsageException("--customers", customers, "a whole number of customers > 0");
        long? w = null;
        if (warmup is not null)
            w = long.TryParse(warmup.Trim(), NumberStyles.AllowLeadingSign, Invariant, out long x) && x >= 0 && x < n
                ? x : throw new CliUsageException("--warmup", warmup, $"a whole number ≥ 0 and below --customers ({n})");
        long seedValue = long.TryParse(seed.Trim(), NumberStyles.AllowLeadingSign, Invariant, out long sd)
            ? sd : throw new CliUsageException("--seed", seed, "a whole number");
        ServiceKind kind = service.Trim().ToLowerInvariant() switch
        {
            "exponential" or "m" => ServiceKind.Exponential,
            "deterministic" or "d" => ServiceKind.Deterministic,
            _ => throw new CliUsageException("--service", service, "exponential or deterministic"),
        };

        double rho = lambda / (c * mu);
        if (!(rho < 1))
            throw new CliUsageException("--arrival-rate", arrivalRate,
                $"a rate below --servers × --service-rate = {(c * mu).ToString("G6", Invariant)} for a steady state (now ρ = λ/(cμ) = {rho.ToString("0.###", Invariant)}, must be < 1)");

        return new QueueOptions { Servers = c, ArrivalRate = lambda, ServiceRate = mu, Customers = n, WarmupCustomers = w, Seed = seedValue, Service = kind };
    }

    private static double Rate(string field, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, Invariant, out double x) && x > 0 && double.IsFinite(x)
            ? x : throw new CliUsageException(field, text, "a rate per hour > 0");
}
