using System.Data.Common;

namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public async Task<Organisation> CreateOrganisationAsync(NewOrganisation organisation, Actor actor, CancellationToken ct = default)
    {
        StoreInput.Organisation(organisation);
        StoreInput.Actor(actor);
        var created = new Organisation(Identifiers.NewOrganisationId(), organisation.Name.Trim(), organisation.Role,
            organisation.Carriers.Select(c => c.Trim()).ToArray(), Now());
        return await WriteAsync(async (connection, transaction) =>
        {
            await using (var insert = connection.Command(transaction, """
                INSERT INTO organisations (id, name, role, created_at, created_by_org, created_by_key)
                VALUES (@id, @name, @role, @now, @actor_org, @actor_key)
                """))
            {
                await insert.With("@id", created.Id).With("@name", created.Name).With("@role", RoleText(created.Role))
                    .With(Dialect, "@now", created.CreatedAt).WithActor(actor).ExecuteNonQueryAsync(ct);
            }
            for (var position = 0; position < created.Carriers.Count; position++)
            {
                await using var carrier = connection.Command(transaction,
                    "INSERT INTO organisation_carriers (organisation_id, position, carrier) VALUES (@org, @position, @carrier)");
                await carrier.With("@org", created.Id).With("@position", position).With("@carrier", created.Carriers[position])
                    .ExecuteNonQueryAsync(ct);
            }
            return Outcome<Organisation>.Keep(created);
        }, ct);
    }

    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(async connection => (await LoadOrganisationsAsync(connection, null, id, ct)).SingleOrDefault(), ct);
    }

    public Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken ct = default) =>
        ReadAsync(connection => LoadOrganisationsAsync(connection, null, null, ct), ct);

    /// <summary>One organisation (by id) or all, in id order, with their carriers.</summary>
    private async Task<IReadOnlyList<Organisation>> LoadOrganisationsAsync(DbConnection connection, DbTransaction? transaction, string? id, CancellationToken ct)
    {
        var filter = id is null ? "" : " WHERE id = @id";
        var rows = new List<(string Id, string Name, OrganisationRole Role, NodaTime.Instant CreatedAt)>();
        await using (var select = connection.Command(transaction, "SELECT id, name, role, created_at FROM organisations" + filter + " ORDER BY id"))
        {
            if (id is not null) select.With("@id", id);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetString(0), reader.GetString(1), ParseRole(reader.GetString(2)), Dialect.ReadInstant(reader, 3)));
        }
        if (rows.Count == 0) return [];

        var carriers = rows.ToDictionary(r => r.Id, _ => new List<string>());
        var carrierFilter = id is null ? "" : " WHERE organisation_id = @id";
        await using (var select = connection.Command(transaction,
            "SELECT organisation_id, carrier FROM organisation_carriers" + carrierFilter + " ORDER BY organisation_id, position"))
        {
            if (id is not null) select.With("@id", id);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (carriers.TryGetValue(reader.GetString(0), out var list)) list.Add(reader.GetString(1));
        }
        return rows.Select(r => new Organisation(r.Id, r.Name, r.Role, carriers[r.Id], r.CreatedAt)).ToArray();
    }

    private static string RoleText(OrganisationRole role) => role switch
    {
        OrganisationRole.Shipper => "shipper",
        OrganisationRole.Operator => "operator",
        OrganisationRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private static OrganisationRole ParseRole(string text) => text switch
    {
        "shipper" => OrganisationRole.Shipper,
        "operator" => OrganisationRole.Operator,
        "admin" => OrganisationRole.Admin,
        _ => throw new InvalidDataException($"Unknown organisation role '{text}' in the database."),
    };
}
