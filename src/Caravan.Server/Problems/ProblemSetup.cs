using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Problems;

/// <summary>RFC 9457 problem details for every error the service answers, whoever produces it.</summary>
internal static class ProblemSetup
{
    public static void AddCaravanProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The framework answers a wrong content type and a chunked body over the limit itself, without an
            // exception: name the field here as the exception handler does for the others.
            if (c.ProblemDetails.Detail is null && ProblemExceptionHandler.ForStatus(c.ProblemDetails.Status, c.HttpContext) is { } named)
            {
                c.ProblemDetails.Title = named.Title;
                c.ProblemDetails.Detail = named.Detail;
                c.ProblemDetails.Extensions["errors"] = named.Errors;
            }
            // Responses with an empty body (401 from the challenge, 403, unmatched routes) get a sentence too.
            c.ProblemDetails.Detail ??= c.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "Send an API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.",
                StatusCodes.Status403Forbidden => "Your organisation may not do this.",
                StatusCodes.Status404NotFound => $"Nothing is found at {c.HttpContext.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{c.HttpContext.Request.Method} is not allowed on {c.HttpContext.Request.Path}.",
                _ => null,
            };
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
    }

    /// <summary>Exceptions and bodiless error statuses both become problems; the body-size check comes first, before anything reads the body.</summary>
    public static void UseCaravanProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestHeadLimit>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseMiddleware<RequestTextCheck>();
    }
}
