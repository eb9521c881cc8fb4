namespace Caravan.Server.Tests.Support;

/// <summary>
/// Sits in every test client (see <see cref="ServerHost.Client"/>) and checks each answer against the OpenAPI
/// document, so that the whole server suite is the contract suite: an answer the document does not describe fails
/// the test that received it, naming the operation, the status and what is wrong.
/// </summary>
public sealed class ContractCheckingHandler(OpenApiContract contract) : DelegatingHandler(new HttpClientHandler())
{
    private static readonly bool Regenerating = Environment.GetEnvironmentVariable("CARAVAN_UPDATE_OPENAPI") == "1";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // Buffered, so that the test still reads the body after this check has.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        // While docs/openapi.json is being regenerated (see OpenApiDocumentTests) the old copy is no contract.
        if (Regenerating) return response;
        string path = request.RequestUri!.AbsolutePath;
        var problems = contract.Check(request.Method, path, response, body);
        if (problems.Count > 0)
            throw new ContractViolationException(
                $"docs/openapi.json does not describe the answer to {contract.Describe(request.Method, path)} " +
                $"(request {request.Method} {path}): status {(int)response.StatusCode}:\n  " + string.Join("\n  ", problems) +
                $"\nbody: {(body.Length > 2000 ? body[..2000] + "…" : body)}");
        return response;
    }
}

/// <summary>An answer that breaks docs/openapi.json; not an HttpRequestException, so no test's retry loop swallows it.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
