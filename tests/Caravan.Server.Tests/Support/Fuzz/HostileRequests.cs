using System.Text;
using static Caravan.Server.Tests.Support.Fuzz.HostileValues;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>The real ids and keys of a running server, from which valid requests start before they are spoilt.</summary>
internal sealed record FuzzContext(IReadOnlyList<(string Name, string Key)> Parties, IReadOnlyDictionary<string, string> Ids);

/// <summary>
/// A seeded stream of hostile requests over every operation of the document: each starts as a valid request of its
/// operation, by a party that may make it, and then one thing about it is spoilt (the body, a query parameter, a
/// path id, the media type, the method, the key, a header, the size). The same seed gives the same requests.
/// </summary>
internal sealed class HostileRequests(IReadOnlyList<FuzzOperation> operations, FuzzContext context, int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FUZZ"];

    public HostileRequest Next(int index)
    {
        // Round robin over the operations so that each gets its share whatever the count.
        var operation = operations[index % operations.Count];
        var draft = new RequestDraft(operation, context, random);
        var families = new List<(double Weight, Action Spoil)>
        {
            (0.6, () => draft.Kind = "valid"),
            (2, () => SpoilAuthorization(draft)),
            (0.8, () => SpoilMethod(draft)),
            (1, () => SpoilHeaders(draft)),
            (0.5, () => SpoilLength(draft)),
            (operation.QueryParameters.Count > 0 ? 3 : 0.6, () => SpoilQuery(draft)),
        };
        if (operation.PathParameters.Count > 0) families.Add((3, () => SpoilPath(draft)));
        if (operation.BodySchema is not null)
        {
            families.Add((8, () => BodyMutations.Spoil(draft, random)));
            families.Add((1.2, () => SpoilContentType(draft)));
        }
        else families.Add((1, () => SpoilBodiless(draft)));

        double roll = random.NextDouble() * families.Sum(f => f.Weight);
        foreach (var (weight, spoil) in families)
        {
            if ((roll -= weight) > 0) continue;
            spoil();
            break;
        }
        return draft.Build(index);
    }

    private void SpoilAuthorization(RequestDraft draft)
    {
        string key = draft.Key ?? context.Parties[0].Key;
        byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
        var (kind, value, refused) = random.Next(16) switch
        {
            0 => ("auth.none", null, false),
            1 => ("auth.unknown-key", Bytes("Bearer " + Long(random, 40)), false),
            2 => ("auth.empty-bearer", Bytes("Bearer "), false),
            3 => ("auth.long-key", Bytes("Bearer " + Long(random, 10_000)), false),
            4 => ("auth.basic", Bytes("Basic dXNlcjpwYXNz"), false),
            5 => ("auth.lowercase-scheme", Bytes("bearer " + key), false),
            6 => ("auth.nul-in-key", [.. Bytes("Bearer " + key), 0, .. Bytes("x")], true),
            7 => ("auth.non-ascii-byte", [.. Bytes("Bearer " + key[..^2]), 0xFF, 0xFE], true),
            8 => ("auth.sql", Bytes("Bearer ' OR 1=1 --"), false),
            9 => ("auth.one-char-off", Bytes("Bearer " + key[..^1] + (key[^1] == 'a' ? 'b' : 'a')), false),
            10 => ("auth.percent-nul", Bytes("Bearer %00"), false),
            11 => ("auth.emoji", Bytes("Bearer 🚂"), true),
            12 => ("auth.header-over-32k", Bytes("Bearer " + Long(random, 40_000)), false),
            13 => ("auth.spaces", Bytes("Bearer    " + key + "   "), false),
            14 => ("auth.scheme-only", Bytes("Bearer"), false),
            _ => ("auth.x-api-key-wrong", null, false),
        };
        draft.Kind = kind;
        draft.Key = null;
        draft.ServerRefuses = refused;
        if (value is not null) draft.Headers.Add(("Authorization", value));
        if (kind == "auth.x-api-key-wrong")
            draft.Headers.Add(("X-Api-Key", Bytes(random.Next(2) == 0 ? "" : key + "x")));
    }

    private void SpoilMethod(RequestDraft draft)
    {
        draft.Method = random.Pick(Methods.Where(m => m != draft.Method).ToList());
        draft.Kind = "method." + draft.Method;
        // A body-less method still gets the body of the operation, as a confused client would send it.
    }

    private void SpoilHeaders(RequestDraft draft)
    {
        byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
        bool idempotent = draft.Operation.HeaderParameters.Contains("Idempotency-Key");
        string name = idempotent ? "Idempotency-Key" : "X-Fuzz";
        var (kind, value, refused) = random.Next(8) switch
        {
            0 => ("header.long", Bytes(Long(random, 10_000)), false),
            1 => ("header.empty", Bytes(""), false),
            2 => ("header.emoji", Bytes("🚂📦"), true),
            3 => ("header.sql", Bytes("' OR 1=1 --"), false),
            4 => ("header.nul", [.. Bytes("key"), 0, .. Bytes("1")], true),
            5 => ("header.over-32k", Bytes(Long(random, 40_000)), false),
            6 => ("header.41-chars", Bytes(Long(random, 41)), false),
            _ => ("header.percent-nul", Bytes("%00"), false),
        };
        draft.Kind = kind + (idempotent ? ".idempotency-key" : "");
        draft.ServerRefuses = refused;
        draft.Headers.Add((name, value));
    }

    /// <summary>A request line longer than Kestrel takes by default (8 KB), and one longer than the server's own raised limit.</summary>
    private void SpoilLength(RequestDraft draft)
    {
        bool beyondKestrel = random.Next(8) == 0;
        int length = beyondKestrel ? 70_000 : random.Next(9_000, 20_000);
        draft.ServerRefuses = beyondKestrel;
        if (draft.Operation.PathParameters.Count > 0 && random.Next(2) == 0)
        {
            draft.PathValues[random.Pick(draft.Operation.PathParameters)] = Long(random, length);
            draft.Kind = beyondKestrel ? "length.path-over-64k" : "length.path-10k";
        }
        else
        {
            draft.Query.Add((draft.Operation.QueryParameters.Count > 0 ? random.Pick(draft.Operation.QueryParameters).Name : "x", Long(random, length)));
            draft.Kind = beyondKestrel ? "length.query-over-64k" : "length.query-10k";
        }
    }

    private void SpoilQuery(RequestDraft draft)
    {
        var parameters = draft.Operation.QueryParameters;
        if (parameters.Count == 0 || random.Next(8) == 0)
        {
            // Parameters the operation does not take, with hostile names.
            draft.Query.Add((random.Pick<string>(["x", "%00", "from%00", "..%2F", "limit", "%F0%9F%9A%82", "'%20OR%201=1"]), random.Pick(UrlTexts)));
            draft.Kind = "query.unknown";
            return;
        }
        var (name, type) = random.Pick(parameters);
        draft.Query.RemoveAll(q => q.Name == name);
        switch (random.Next(5))
        {
            case 0:
                draft.Query.Add((name, "%00"));
                draft.Kind = "query.percent-nul";
                break;
            case 1:
                draft.Query.Add((name, Uri.EscapeDataString(random.Pick(Times))));
                draft.Kind = "query.time";
                break;
            case 2:
                // Unescaped: '+' becomes a space, ':' stays (a raw space would end the request line: Kestrel's empty 400).
                draft.Query.Add((name, random.Pick(Times).Replace(" ", "%20", StringComparison.Ordinal)));
                draft.Kind = "query.time-unescaped";
                break;
            case 3:
                draft.Query.Add((name, random.Pick(UrlTexts)));
                draft.Query.Add((name, random.Pick(UrlTexts)));
                draft.Kind = "query.repeated";
                break;
            default:
                draft.Query.Add((name, type == "integer" ? random.Pick<string>(["-1", "0", "2147483648", "99999999999999999999", "1e3", "NaN", "1.5", "0x10", "%00", ""]) : random.Pick(UrlTexts)));
                draft.Kind = "query.value";
                break;
        }
    }

    private void SpoilPath(RequestDraft draft)
    {
        string parameter = random.Pick(draft.Operation.PathParameters);
        switch (random.Next(6))
        {
            case 0:
                // Kestrel refuses a NUL anywhere in the decoded path with an empty 400 before routing.
                draft.PathValues[parameter] = draft.PathValues[parameter] + "%00";
                draft.Kind = "path.percent-nul";
                draft.ServerRefuses = true;
                break;
            case 1:
                // Bytes, not percent-escapes: the target is written as Latin-1, one byte per char.
                draft.PathValues[parameter] = "\u00ff\u00c3(";
                draft.Kind = "path.raw-invalid-utf8";
                draft.ServerRefuses = true;
                break;
            case 2:
                draft.PathValues[parameter] = random.Pick<string>(["..", "../..", "./.", "..%2F..", "%2E%2E%2F%2E%2E", "...."]);
                draft.Kind = "path.dot-segments";
                break;
            default:
                draft.PathValues[parameter] = random.Pick(UrlTexts);
                draft.Kind = "path.value";
                break;
        }
    }

    private void SpoilContentType(RequestDraft draft)
    {
        string? type = random.Pick<string?>([
            null, "text/plain", "application/merge-patch+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/json; charset=latin1", "application/jsonx", "APPLICATION/JSON",
            "application/json, text/plain", "*/*", "application/json;;;", "", "json", "application/xml", "application/problem+json",
        ]);
        draft.ContentType = type;
        draft.Kind = "content-type." + (type ?? "none");
    }

    private void SpoilBodiless(RequestDraft draft)
    {
        switch (random.Next(4))
        {
            case 0:
                draft.SetBody("{\"a\": 1}");
                draft.Kind = "bodiless.json-body";
                break;
            case 1:
                draft.SetBody("junk");
                draft.ContentType = "text/plain";
                draft.Kind = "bodiless.text-body";
                break;
            case 2:
                draft.SetBody(new string(' ', 300 * 1024));
                draft.Kind = "bodiless.body-over-limit";
                break;
            default:
                draft.SetBody(Deep(random, 10_000));
                draft.Kind = "bodiless.deep-body";
                break;
        }
    }
}
