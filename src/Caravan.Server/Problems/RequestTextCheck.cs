using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Caravan.Server.Problems;

/// <summary>
/// What the endpoints never need to see: control characters in the path or a query parameter (a NUL reaches
/// PostgreSQL as error 22021; a newline in an id is never meant), and a body that is not plain
/// <c>application/json</c> (the framework also takes any <c>+json</c> type, such as merge-patch, whose meaning differs).
/// </summary>
internal sealed class RequestTextCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (FirstControl(request.Path.Value) is { } inPath)
            throw RequestProblemException.Field("path", Visible(request.Path.Value!), $"a path without control characters (found U+{(int)inPath:X4})");
        foreach (var (name, values) in request.Query)
        {
            if (FirstControl(name) is { } inName)
                throw RequestProblemException.Field(Visible(name), Visible(name), $"a query parameter name without control characters (found U+{(int)inName:X4})");
            foreach (var value in values)
                if (FirstControl(value) is { } inValue)
                    throw RequestProblemException.Field(name, Visible(value!), $"a value without control characters (found U+{(int)inValue:X4})");
        }
        if (HasBody(request) && !IsJson(request.ContentType))
            throw new BadHttpRequestException("Unsupported media type.", StatusCodes.Status415UnsupportedMediaType);
        return next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>application/json, with any parameters (charset), and nothing else.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    private static char? FirstControl(string? text)
    {
        if (text is null) return null;
        foreach (var c in text) if (char.IsControl(c)) return c;
        return null;
    }

    /// <summary>The text with control characters written as \uXXXX, so that the problem itself is clean JSON text.</summary>
    private static string Visible(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 100));
        foreach (var c in text.Length > 100 ? text[..100] : text)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c);
        return builder.ToString();
    }
}
