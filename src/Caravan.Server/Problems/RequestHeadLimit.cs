using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Caravan.Server.Problems;

/// <summary>
/// The limits Kestrel puts on the request line (8 KB) and the headers (32 KB), enforced here as problems: Kestrel's
/// own 414 and 431 have empty bodies, written before the application runs. Kestrel's limits are raised to
/// <see cref="KestrelRequestLineBytes"/> and <see cref="KestrelHeaderBytes"/> so that requests between the two
/// reach this check; only beyond those does Kestrel answer itself.
/// </summary>
internal sealed class RequestHeadLimit(RequestDelegate next)
{
    public const int MaxTargetChars = 8 * 1024;
    public const int MaxHeaderChars = 32 * 1024;
    public const int KestrelRequestLineBytes = 64 * 1024;
    public const int KestrelHeaderBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (target.Length > MaxTargetChars)
            throw Problem(StatusCodes.Status414UriTooLong, "The request target is too long.", "path", target.Length, MaxTargetChars, "path and query");
        long headers = 0;
        foreach (var (name, values) in context.Request.Headers)
            foreach (var value in values) headers += name.Length + (value?.Length ?? 0) + 4;
        if (headers > MaxHeaderChars)
            throw Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.", "headers", headers, MaxHeaderChars, "headers");
        return next(context);
    }

    private static RequestProblemException Problem(int status, string title, string field, long found, int limit, string what)
    {
        string message = FieldErrors.Message($"{found} characters", $"{what} of at most {limit} characters");
        return new RequestProblemException(status, title, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
    }
}
