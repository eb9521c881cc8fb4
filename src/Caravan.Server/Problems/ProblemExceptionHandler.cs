using System.Text.Json;
using Caravan.Planning;
using Caravan.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Caravan.Server.Problems;

/// <summary>
/// The one place where exceptions become answers. What the client got wrong becomes a 4xx problem naming the field;
/// anything else is a bug and becomes a 500 that says so with a trace id and never the exception text or stack,
/// which go to the log only.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (context.Response.HasStarted) return false;
        var problem = Describe(exception, context);
        if (problem is null)
        {
            // The client went away; there is nobody to answer.
            if (context.RequestAborted.IsCancellationRequested) return true;
            log.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "The service failed to handle this request; this is a bug in Caravan. Quote the traceId when you report it.",
            };
        }
        context.Response.StatusCode = problem.Status!.Value;
        if (exception is StoreUnavailableException)
        {
            log.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = ((int)StoreUnavailableException.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>The problem a client error maps to, or null for a bug.</summary>
    private static ProblemDetails? Describe(Exception exception, HttpContext context) => exception switch
    {
        RequestProblemException e => Validation(e.Status, e.Title, e.Detail, e.Errors),
        PlanRequestException e => Field(e.Field, e.Value, e.Expected),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException e when e.StatusCode == StatusCodes.Status413PayloadTooLarge => BodyTooLarge(context),
        BadHttpRequestException e when e.StatusCode == StatusCodes.Status415UnsupportedMediaType => WrongContentType(context),
        BadHttpRequestException e when e.Message.Contains("was not provided from body", StringComparison.Ordinal)
                                       || e.Message.Contains("no body was provided", StringComparison.Ordinal) =>
            Validation(400, "The request is not valid.", "body: found nothing, expected a JSON object", new Dictionary<string, string[]> { ["body"] = ["found nothing, expected a JSON object"] }),
        BadHttpRequestException e when e.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) => FromBinding(e),
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request", Detail = "The request could not be read." },
        JsonException json => FromJson(json),
        StoreUnavailableException { OutcomeUnknown: true } => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable",
            Detail = "The database connection broke while the change was being committed, so it may or may not have been made. " +
                     "Repeat the request with the same Idempotency-Key to find out safely.",
        },
        StoreUnavailableException => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable",
            Detail = "The database is not available at the moment; nothing was changed. Try again after the Retry-After seconds.",
        },
        _ => null,
    };

    /// <summary>The named problem for a status the framework sets without an exception (413 for a chunked body, 415), or null.</summary>
    public static HttpValidationProblemDetails? ForStatus(int? status, HttpContext context) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge(context),
        StatusCodes.Status415UnsupportedMediaType => WrongContentType(context),
        _ => null,
    };

    public static HttpValidationProblemDetails Validation(int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Field(string field, string? found, string expected)
    {
        string message = FieldErrors.Message(found, expected);
        return Validation(400, "The request is not valid.", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
    }

    private static HttpValidationProblemDetails FromJson(JsonException json)
    {
        var (field, message) = JsonErrors.Describe(json);
        return Validation(400, "The request body is not valid JSON for this request.", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>A query or route value of the wrong type: "Failed to bind parameter \"int limit\" from \"abc\".".</summary>
    private static HttpValidationProblemDetails FromBinding(BadHttpRequestException e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, "parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"");
        string field = match.Success ? match.Groups["name"].Value : "query";
        string found = match.Success ? match.Groups["value"].Value : "";
        string expected = match.Success && match.Groups["type"].Value.StartsWith("int", StringComparison.Ordinal) ? "a whole number" : "a value of the right type";
        return Field(field, found, expected);
    }

    private static HttpValidationProblemDetails BodyTooLarge(HttpContext context)
    {
        long limit = context.RequestServices.GetService(typeof(ServerOptions)) is ServerOptions o ? o.MaxRequestBodyBytes : 0;
        string message = $"expected a body of at most {limit} bytes";
        return Validation(413, "The request body is too large.", $"body: {message}", new Dictionary<string, string[]> { ["body"] = [message] });
    }

    private static HttpValidationProblemDetails WrongContentType(HttpContext context)
    {
        string message = FieldErrors.Message(context.Request.ContentType, "application/json");
        return Validation(415, "Unsupported media type.", $"Content-Type: {message}", new Dictionary<string, string[]> { ["Content-Type"] = [message] });
    }
}
