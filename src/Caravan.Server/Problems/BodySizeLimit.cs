using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Caravan.Server.Problems;

/// <summary>
/// Refuses an oversized body with 413 before it is read: at once when Content-Length says so, and while reading
/// otherwise (the limit is set on the server's body-size feature, which Kestrel enforces for chunked bodies too).
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next, ServerOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is { } length && length > options.MaxRequestBodyBytes)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = options.MaxRequestBodyBytes;
        return next(context);
    }
}
