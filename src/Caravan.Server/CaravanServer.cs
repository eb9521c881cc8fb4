using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Caravan.Network;
using Caravan.Server.Auth;
using Caravan.Server.Bookings;
using Caravan.Server.Endpoints;
using Caravan.Server.Hosting;
using Caravan.Server.OpenApi;
using Caravan.Server.Problems;
using Caravan.Server.RateLimiting;
using Caravan.Server.Schedules;
using Caravan.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Caravan.Server;

/// <summary>
/// The Caravan HTTP service: network, plan, quote, departures, bookings, organisations and API keys. Built here
/// without a Program so that `caravan serve` and the tests host the same application.
/// </summary>
public static class CaravanServer
{
    /// <summary>The environment variable naming the store when <see cref="ServerOptions.Database"/> is null.</summary>
    public const string DatabaseVariable = "CARAVAN_DB";

    /// <summary>
    /// The configured application: run it with <c>RunAsync</c>, or <c>StartAsync</c> and read <c>Urls</c>. The network
    /// loads now (a bad file fails here, before listening); the store migrates and bootstraps its admin on start.
    /// </summary>
    public static WebApplication Build(ServerOptions options)
    {
        Validate(options);
        var network = options.Network ?? (options.NetworkPath is { } path ? Caravan.Files.NetworkFiles.Load(path) : NetworkLoader.LoadDefault());
        string? database = options.Database ?? NonEmpty(Environment.GetEnvironmentVariable(DatabaseVariable));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Production always: the developer exception page would show stack traces.
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(CaravanServer).Assembly.GetName().Name,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            // Above the limits RequestHeadLimit enforces, so that it, not Kestrel, refuses a long target or large headers, with a problem.
            k.Limits.MaxRequestLineSize = RequestHeadLimit.KestrelRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestHeadLimit.KestrelHeaderBytes;
        });
        if (options.Urls is { } urls) builder.WebHost.UseUrls(urls);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(network);
        services.AddSingleton<IClock>(options.Clock);
        services.AddSingleton(new NodeLookup(network));
        services.AddSingleton(new Caravan.Planning.Planner(network));
        services.AddSingleton<ServiceTimetable>();
        services.AddSingleton<BookingRequestReader>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ICaravanStore>(_ => CaravanStore.Open(database, options.Clock));
        services.AddHostedService<StoreBootstrap>();
        services.AddHostedService<HoldExpirySweeper>();
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddCaravanProblems();
        services.AddCaravanAuthorization();
        services.AddCaravanRateLimits(options);
        services.AddCaravanOpenApi();

        var app = builder.Build();
        app.UseCaravanProblems();
        app.UseAuthentication();
        app.UseCaravanRateLimits();
        app.UseAuthorization();
        app.MapCaravanOpenApi();
        app.MapNetworkEndpoints();
        app.MapPlanEndpoints();
        app.MapDepartureEndpoints();
        app.MapVoyageEndpoints();
        app.MapBookingEndpoints();
        app.MapOrganisationEndpoints();
        return app;
    }

    /// <summary>
    /// camelCase, enums as camelCase strings, nulls written, non-ASCII node names as they are. Read exactly as
    /// docs/api.md says and no looser: unknown fields refused (a misspelt optional field would otherwise be silently
    /// ignored), a field given twice refused (which one would win?), numbers only as numbers (the web default also
    /// takes "12"), no control characters in strings.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.AllowDuplicateProperties = false;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { Caravan.Server.Problems.NoControlCharacters.Modify },
        };
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.WriteIndented = true;
        json.Converters.Add(new Caravan.Server.Problems.StrictEnumConverter());
    }

    /// <summary>Options a caller got wrong fail here, before anything starts, naming the option.</summary>
    private static void Validate(ServerOptions options)
    {
        if (options.HoldDuration <= Duration.Zero)
            throw new ArgumentException($"HoldDuration must be positive, not {options.HoldDuration}.", nameof(options));
        if (options.HoldSweepInterval <= TimeSpan.Zero)
            throw new ArgumentException($"HoldSweepInterval must be positive, not {options.HoldSweepInterval}.", nameof(options));
        if (options.MaxHeldTeuPerOrganisation is { } cap && !(cap >= 0 && double.IsFinite(cap)))
            throw new ArgumentException($"MaxHeldTeuPerOrganisation must be a finite number ≥ 0, not {cap}.", nameof(options));
        foreach (var (name, limit) in new[] { ("KeyRateLimit", options.KeyRateLimit), ("FailedAuthenticationLimit", options.FailedAuthenticationLimit) })
            if (limit is null || limit.Permits <= 0 || limit.Period <= TimeSpan.Zero)
                throw new ArgumentException($"{name} must allow at least one request per positive period, not {limit}.", nameof(options));
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
