using Microsoft.AspNetCore.Http;

namespace Caravan.Server.Problems;

/// <summary>
/// A request the service refuses because of what the client sent: the HTTP status, a sentence for people, and the
/// fields at fault with what was expected of each. <see cref="ProblemExceptionHandler"/> writes it as an RFC 9457
/// problem; nothing has been written to the store when it is thrown.
/// </summary>
public sealed class RequestProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>400 for one field: "cargo.containers40: found '-1', expected …".</summary>
    public static RequestProblemException Field(string field, string? found, string expected) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid.", $"{field}: {FieldErrors.Message(found, expected)}",
            new Dictionary<string, string[]> { [field] = [FieldErrors.Message(found, expected)] });
}

/// <summary>Collects every field error of a request so that one answer lists them all, not the first only.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many fields have an error.</summary>
    public int Count => _errors.Count;

    /// <summary>Whether a field under <paramref name="prefix"/> (e.g. "cargo") already has an error.</summary>
    public bool HasAnyUnder(string prefix) => _errors.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal));

    public void Add(string field, string? found, string expected) => AddMessage(field, Message(found, expected));

    public void AddMessage(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Runs <paramref name="read"/>, recording a <see cref="RequestProblemException"/> it throws instead of letting it out.</summary>
    public T? Try<T>(Func<T> read)
    {
        try { return read(); }
        catch (RequestProblemException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var m in messages) AddMessage(field, m);
            return default;
        }
    }

    /// <summary>Throws a 400 problem listing every error collected so far, if any.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        var first = errors.First();
        string more = errors.Count > 1 ? $" (and {errors.Count - 1} more field{(errors.Count > 2 ? "s" : "")})" : "";
        throw new RequestProblemException(StatusCodes.Status400BadRequest, "The request is not valid.", $"{first.Key}: {first.Value[0]}{more}", errors);
    }

    /// <summary>"found '2x45ft', expected …": the same phrasing as the CLI's usage errors.</summary>
    public static string Message(string? found, string expected) =>
        $"found {(found is null ? "nothing" : $"'{found}'")}, expected {expected}";
}
