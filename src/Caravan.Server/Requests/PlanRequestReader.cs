using Caravan.Network;
using Caravan.Planning;
using Caravan.Server.Contracts;
using Caravan.Server.Problems;
using NodaTime;
using Caravan.Planning.Requests;

namespace Caravan.Server.Requests;

/// <summary>
/// Turns a POST /plan or /quote body into the <see cref="PlanRequest"/> the planner takes, with names resolved to
/// node ids, as `caravan plan` does with its options. Every field at fault is reported at once, with its JSON path.
/// </summary>
internal sealed class PlanRequestReader(NetworkModel network, NodeLookup lookup, IClock clock)
{
    public PlanRequest Read(PlanBody body)
    {
        var errors = new FieldErrors();
        var from = ResolveNode(body.From, "from", errors);
        var to = ResolveNode(body.To, "to", errors);
        var cargo = CargoReader.Read(body.Cargo, "cargo", errors);
        Instant? ready = body.ReadyTime is { } r && from is not null ? errors.Try(() => (Instant?)TimeReader.Read(r, from.TimeZone, "readyTime")) : null;
        Instant? deadline = body.Deadline is { } d && to is not null ? errors.Try(() => (Instant?)TimeReader.Read(d, to.TimeZone, "deadline", dateMeansEndOfDay: true)) : null;
        var constraints = ReadConstraints(body.Constraints, errors);
        if (body.Samples is { } s && s is < 16 or > 4096) errors.Add("samples", s.ToString(), "a number of draws from 16 to 4096");
        // The planner takes any ulong, but clients generated from the OpenAPI document hold the seed in an int64.
        if (body.Seed is > long.MaxValue) errors.Add("seed", body.Seed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a whole number from 0 to {long.MaxValue}");
        errors.ThrowIfAny();

        var defaults = new PlanRequest { From = "", To = "", ReadyTime = default, Cargo = cargo! };
        var request = new PlanRequest
        {
            From = from!.Id,
            To = to!.Id,
            Cargo = cargo!,
            ReadyTime = ready ?? clock.GetCurrentInstant(),
            Deadline = deadline,
            Constraints = constraints,
            Samples = body.Samples ?? defaults.Samples,
            Seed = body.Seed ?? defaults.Seed,
        };
        if (request.From == request.To)
            throw RequestProblemException.Field("to", body.To, "a destination different from the origin");
        if (request.Deadline is { } dl && dl <= request.ReadyTime)
            throw RequestProblemException.Field("deadline", body.Deadline, "a time after the ready time");
        return request;
    }

    public Node? ResolveNode(string? query, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            errors.Add(field, query, "a node id or name of the network (GET /network/nodes lists them)");
            return null;
        }
        try
        {
            return lookup.Resolve(query, field);
        }
        catch (PlanRequestException e)
        {
            errors.Add(e.Field, e.Value, e.Expected);
            return null;
        }
    }

    private PlanConstraints ReadConstraints(ConstraintsBody? body, FieldErrors errors)
    {
        if (body is null) return PlanConstraints.None;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, i) in (body.AvoidCountries ?? []).Select((c, i) => (c, i)))
        {
            if (code is { Length: 2 } && code.All(char.IsAsciiLetter) && CountryCodes.IsAssigned(code.ToUpperInvariant())) countries.Add(code.ToUpperInvariant());
            else errors.Add($"constraints.avoidCountries[{i}]", code, "an assigned ISO 3166-1 alpha-2 country code such as RU or IR");
        }
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, i) in (body.AvoidNodes ?? []).Select((n, i) => (n, i)))
            if (ResolveNode(name, $"constraints.avoidNodes[{i}]", errors) is { } node) nodes.Add(node.Id);
        return new PlanConstraints
        {
            AvoidCountries = countries,
            AvoidNodes = nodes,
            AvoidModes = (body.AvoidModes ?? []).ToHashSet(),
            IncludePlanned = body.IncludePlanned ?? false,
        };
    }

    /// <summary>The network this reader resolves against.</summary>
    public NetworkModel Network => network;
}
