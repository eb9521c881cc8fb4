using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Support.Fuzz;

/// <summary>A valid request of one operation, by a party that may make it, until a spoiler changes one thing about it.</summary>
internal sealed class RequestDraft
{
    public FuzzOperation Operation { get; }
    public string Method { get; set; }
    public string Kind { get; set; } = "valid";
    public string? Key { get; set; }
    public string PartyName { get; }
    public Dictionary<string, string> PathValues { get; } = [];
    public List<(string Name, string Value)> Query { get; } = [];
    public List<(string Name, byte[] Value)> Headers { get; } = [];
    public byte[]? Body { get; set; }
    public string? ContentType { get; set; } = "application/json";
    public bool Chunked { get; set; }
    public bool ServerRefuses { get; set; }

    public RequestDraft(FuzzOperation operation, FuzzContext context, Random random)
    {
        Operation = operation;
        Method = operation.Method;
        (PartyName, Key) = PartyFor(operation, context, random);

        var segments = operation.Template.Split('/');
        for (int i = 1; i < segments.Length; i++)
            if (segments[i].StartsWith('{'))
                PathValues[segments[i][1..^1]] = context.Ids.GetValueOrDefault(segments[i - 1], "x");
        foreach (var (name, type) in operation.QueryParameters)
            if (random.Next(3) > 0) Query.Add((name, ValidQuery(name, type, context)));
        if (operation.HeaderParameters.Contains("Idempotency-Key") && random.Next(2) == 0)
            Headers.Add(("Idempotency-Key", Encoding.ASCII.GetBytes($"fuzz-{random.NextInt64():x}")));
        if (operation.BodySchema is not null) SetBody(ValidBodies.For(operation));
    }

    public void SetBody(string json) => Body = Encoding.UTF8.GetBytes(json);

    public HostileRequest Build(int index)
    {
        var target = new StringBuilder();
        foreach (var segment in Operation.Template.Split('/').Skip(1))
            target.Append('/').Append(segment.StartsWith('{') ? PathValues[segment[1..^1]] : segment);
        if (Query.Count > 0) target.Append('?').AppendJoin('&', Query.Select(q => $"{q.Name}={q.Value}"));

        var headers = new List<(string Name, byte[] Value)>();
        if (Key is not null) headers.Add(("Authorization", Encoding.ASCII.GetBytes("Bearer " + Key)));
        if (Body is not null && ContentType is not null) headers.Add(("Content-Type", Encoding.ASCII.GetBytes(ContentType)));
        headers.AddRange(Headers);
        // Latin-1: each char of the target is one byte, so a spoiler can place raw bytes (0xFF) as well as escapes.
        return new HostileRequest(index, Operation.ToString(), Kind, Key is null && !Headers.Any(h => h.Name == "Authorization") ? "anonymous" : PartyName,
            Method, Encoding.Latin1.GetBytes(target.ToString()), headers, Body, Chunked, ServerRefuses);
    }

    /// <summary>Mostly the party whose role the operation is for, sometimes anyone (or no one), so that every role meets every operation.</summary>
    private static (string Name, string? Key) PartyFor(FuzzOperation operation, FuzzContext context, Random random)
    {
        if (random.Next(10) < 3)
        {
            int pick = random.Next(context.Parties.Count + 1);
            return pick == context.Parties.Count ? ("anonymous", null) : context.Parties[pick];
        }
        string name = operation.Template.StartsWith("/organisations", StringComparison.Ordinal) || operation.Template.StartsWith("/api-keys", StringComparison.Ordinal) ? "admin"
            : operation.Template.StartsWith("/departures/", StringComparison.Ordinal) ? "operatorKtz"
            : operation.Template.StartsWith("/bookings", StringComparison.Ordinal) ? "shipperA"
            : context.Parties[random.Next(context.Parties.Count)].Name;
        return context.Parties.First(p => p.Name == name);
    }

    private static string ValidQuery(string name, string type, FuzzContext context) => name switch
    {
        "service" => "XAN-DOS-BLOCK",
        "from" => "2026-12-01T00:00:00Z",
        "to" => "2026-12-08T00:00:00Z",
        "limit" => "5",
        "status" => "held",
        "after" => context.Ids.GetValueOrDefault("bookings", "x"),
        _ => type == "integer" ? "1" : "x",
    };
}

/// <summary>A valid body for each operation that takes one; for an operation added later, one built from its schema.</summary>
internal static class ValidBodies
{
    public static string For(FuzzOperation operation) => operation.Id switch
    {
        "plan" => """{"from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 1, "tonnes": 20, "reefer": false}, "readyTime": "2026-12-01T00:00", "deadline": "2026-12-20", "constraints": {"avoidCountries": ["RU"], "avoidModes": ["road"], "includePlanned": false}, "samples": 16, "seed": 7}""",
        "quote" => """{"option": 1, "from": "CNXAN", "to": "KZAKT", "cargo": {"containers40": 1, "dangerousGoodsClass": 3}, "readyTime": "2026-12-01T00:00:00+08:00", "samples": 16, "seed": 7}""",
        "createBooking" => """{"cargo": {"containers40": 1}, "legs": [{"service": "XAN-DOS-BLOCK", "departure": "2026-12-07T00:00:00Z", "from": "CNXAN", "to": "KZDOS"}, {"service": "DOS-AKT-DAILY", "departure": "2026-12-11T12:00:00Z", "from": "Dostyk", "to": "KZAKT"}], "reference": "PO-fuzz"}""",
        "setDepartureCapacity" => """{"teu": 100, "wagons": 55, "tonnes": 3000}""",
        "createOrganisation" => """{"name": "Fuzz Forwarding", "role": "operator", "carriers": ["KTZ"]}""",
        _ => FromSchema(operation.BodySchema!, operation.Components, 0)?.ToJsonString() ?? "{}",
    };

    private static JsonNode? FromSchema(JsonObject schema, JsonObject components, int depth)
    {
        schema = FuzzOperation.Resolve(schema, components);
        if (schema["oneOf"] is JsonArray choices)
            return choices.OfType<JsonObject>().Where(c => !IsNull(c)).Select(c => FromSchema(c, components, depth + 1)).FirstOrDefault();
        var types = schema["type"] is JsonArray list ? list.Select(t => (string)t!).ToList() : [(string?)schema["type"] ?? "object"];
        string type = types.FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "object" when depth < 5 => new JsonObject((schema["required"]?.AsArray() ?? [])
                .Select(r => (string)r!)
                .Select(r => KeyValuePair.Create(r, schema["properties"]?[r] is JsonObject p ? FromSchema(p, components, depth + 1) : null))),
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            "string" => schema["enum"] is JsonArray e ? e[0]!.DeepClone() : "x",
            _ => null,
        };
    }

    private static bool IsNull(JsonObject schema) => schema["type"] is JsonValue type && (string?)type == "null";
}
