using System.Text.Json;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>What every answer to a hostile request must be: below 500, declared by docs/openapi.json, and every error a problem.</summary>
internal static class AnswerChecks
{
    /// <summary>What is wrong with the answer, or null.</summary>
    public static string? Fault(HostileRequest request, RawHttp.Answer answer)
    {
        if (answer.Status >= 500) return "a server error";
        // Open finding: Kestrel answers some requests itself, before the application and its problem writer run
        // (a NUL in the decoded path, a control or non-ASCII byte in a header, a request line beyond even the raised
        // limit), with an empty body that cannot be a problem. Exactly those requests are marked; anything else the
        // server refuses must be a problem.
        if (request.ServerRefuses && answer.Body.Length == 0 && answer.Status is 400 or 414 or 431) return null;

        var contract = OpenApiContract.Committed.Check(new HttpMethod(request.Method), request.RoutedPath, answer.Message, answer.Text);
        if (contract.Count > 0) return "docs/openapi.json does not describe it: " + string.Join("; ", contract);
        if (answer.Status < 400) return null;
        // A HEAD answer has no body by definition (RFC 9110, 9.3.2); its headers are checked above.
        if (request.Method == "HEAD") return null;

        if (RawHttp.MediaType(answer.Message) != "application/problem+json")
            return $"an error of media type '{RawHttp.MediaType(answer.Message)}', not application/problem+json";
        JsonElement problem;
        try { problem = JsonDocument.Parse(answer.Body).RootElement; }
        catch (JsonException e) { return "a problem that is not JSON: " + e.Message; }
        if (!problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != answer.Status)
            return "a problem whose status is not the answer's";
        foreach (var field in new[] { "title", "detail" })
            if (!problem.TryGetProperty(field, out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
                return $"a problem without a {field}";
        if (answer.Text.Contains("   at ", StringComparison.Ordinal) || answer.Text.Contains("Exception", StringComparison.Ordinal))
            return "a problem that shows a stack trace or an exception";
        return null;
    }
}
