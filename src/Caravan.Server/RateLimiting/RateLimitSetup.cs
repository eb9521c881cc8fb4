using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.RateLimiting;

/// <summary>ASP.NET Core's rate limiter with <see cref="CaravanRateLimits"/>; a refusal is a 429 problem with Retry-After.</summary>
internal static class RateLimitSetup
{
    public static void AddCaravanRateLimits(this IServiceCollection services, ServerOptions options)
    {
        var limits = new CaravanRateLimits(options);
        services.AddSingleton(limits);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limits.Global;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => WriteTooManyRequestsAsync(rejected.HttpContext, rejected.Lease, options);
        });
        // Every operation in the document needs a key, so every one may answer 429.
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("429", new OpenApiResponse
            {
                Description = "Too many requests from this API key, or too many failed authentications from this address (an RFC 9457 problem).",
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds until the limit refills.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                },
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
            });
            return Task.CompletedTask;
        }));
    }

    /// <summary>After authentication (the limits depend on who is calling) and before authorisation (so that a 429 wins over a 401).</summary>
    public static void UseCaravanRateLimits(this WebApplication app) => app.UseRateLimiter();

    private static async ValueTask WriteTooManyRequestsAsync(HttpContext context, RateLimitLease lease, ServerOptions options)
    {
        // The token bucket says when it refills; whole seconds, rounded up, as Retry-After wants (RFC 9110 §10.2.3).
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 1;
        seconds = Math.Max(seconds, 1);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        bool authenticated = context.User.Identity?.IsAuthenticated == true;
        string detail = authenticated
            ? $"This API key made more requests than its limit ({options.KeyRateLimit}); retry after {seconds} s."
            : $"Too many failed authentications from {CaravanRateLimits.Address(context)} (limit {options.FailedAuthenticationLimit}); " +
              $"keys are not checked from this address until the limit refills: retry after {seconds} s with a valid key.";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
