using System.CommandLine;
using Caravan.Cli.Options;
using Caravan.Server;
using Caravan.Server.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Caravan.Cli.Commands;

/// <summary>`caravan serve`: the HTTP service (docs/api.md) on the default or a given network and store, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';'). Default: http://localhost:5000.",
            HelpName = "URL",
        };
        var db = new Option<string?>("--db")
        {
            Description = $"The store: a PostgreSQL connection string (Host=…;Database=…;Username=…) or Data Source=FILE for SQLite. " +
                          $"Default: ${CaravanServer.DatabaseVariable}, else the SQLite file {ServerOptions.DefaultSqliteFile} in the current directory.",
            HelpName = "CONNECTION",
        };
        var network = NetworkOption.Create();
        var holdFor = new Option<string?>("--hold-minutes")
        {
            Description = "How long a booking holds its capacity before it expires unless confirmed. Default: 30.",
            HelpName = "MINUTES",
        };
        var maxHeldTeu = new Option<string?>("--max-held-teu")
        {
            Description = "The most TEU one organisation may hold at once in held bookings (summed over legs). Default: no cap.",
            HelpName = "TEU",
        };
        var keyLimit = new Option<string?>("--key-rate-limit")
        {
            Description = "Requests per API key: a token bucket of PERMITS refilled every PERIOD (s, min or h). Default: 10000/s.",
            HelpName = "PERMITS/PERIOD",
        };
        var failedAuthLimit = new Option<string?>("--failed-auth-limit")
        {
            Description = "Failed authentications (wrong or missing key) per client address before it gets 429 without a key look-up. Default: 100/min.",
            HelpName = "PERMITS/PERIOD",
        };

        var command = new Command("serve", "Run the HTTP API: network, plan, quote, departures and bookings (see docs/api.md). " +
                                           "On an empty store, prints a new admin API key once.");
        command.Options.Add(urls);
        command.Options.Add(db);
        command.Options.Add(network);
        command.Options.Add(holdFor);
        command.Options.Add(maxHeldTeu);
        command.Options.Add(keyLimit);
        command.Options.Add(failedAuthLimit);
        command.SetAction(async (parse, ct) =>
        {
            // Loaded here so that a bad file gets the CLI's one-line error, like every other command.
            var model = NetworkOption.Load(parse.GetValue(network));
            var database = parse.GetValue(db) ?? NonEmpty(Environment.GetEnvironmentVariable(CaravanServer.DatabaseVariable));
            ServeStartup.Check(parse.GetValue(urls), database, context.Error);
            var defaults = new ServerOptions();
            var app = CaravanServer.Build(new ServerOptions
            {
                Urls = parse.GetValue(urls),
                Database = database,
                Network = model,
                Output = context.Out,
                Clock = context.Clock,
                HoldDuration = parse.GetValue(holdFor) is { } minutes
                    ? NodaTime.Duration.FromMinutes(Numbers.PositiveNumber("--hold-minutes", minutes, "a number of minutes > 0"))
                    : defaults.HoldDuration,
                MaxHeldTeuPerOrganisation = parse.GetValue(maxHeldTeu) is { } teu
                    ? Numbers.PositiveNumber("--max-held-teu", teu, "a number of TEU > 0")
                    : null,
                KeyRateLimit = RateLimitOption("--key-rate-limit", parse.GetValue(keyLimit)) ?? defaults.KeyRateLimit,
                FailedAuthenticationLimit = RateLimitOption("--failed-auth-limit", parse.GetValue(failedAuthLimit)) ?? defaults.FailedAuthenticationLimit,
            });
            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (ServeStartup.Describe(e, parse.GetValue(urls), database) is { } failure)
            {
                await app.DisposeAsync();
                throw failure;
            }
            context.Out.WriteLine($"Caravan API on {string.Join(", ", app.Urls)} ({model.Name} {model.Version}); docs at /docs. Ctrl+C stops.");
            context.Out.Flush();
            await app.WaitForShutdownAsync(ct);
            await app.DisposeAsync();
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static RateLimit? RateLimitOption(string field, string? text) =>
        text is null ? null : RateLimit.TryParse(text) ?? throw new CliUsageException(field, text, RateLimit.Expected);
}
