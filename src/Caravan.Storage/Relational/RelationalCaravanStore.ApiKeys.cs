namespace Caravan.Storage.Relational;

public abstract partial class RelationalCaravanStore
{
    public async Task<(ApiKey Key, string Secret)> CreateApiKeyAsync(string organisationId, Actor actor, CancellationToken ct = default)
    {
        StoreInput.Text(organisationId, nameof(organisationId));
        StoreInput.Actor(actor);
        var keyId = Identifiers.NewKeyId();
        var secret = ApiKeySecrets.NewSecret(keyId);
        var salt = ApiKeySecrets.NewSalt();
        var key = new ApiKey(keyId, organisationId, ApiKeySecrets.Prefix(keyId), Now(), null);
        return await WriteAsync(async (connection, transaction) =>
        {
            await using (var exists = connection.Command(transaction, "SELECT COUNT(*) FROM organisations WHERE id = @org"))
            {
                if (Convert.ToInt64(await exists.With("@org", organisationId).ExecuteScalarAsync(ct)) == 0)
                    throw new ArgumentException($"There is no organisation '{organisationId}'.", nameof(organisationId));
            }
            await using var insert = connection.Command(transaction, """
                INSERT INTO api_keys (id, organisation_id, prefix, salt, secret_hash, created_at, created_by_org, created_by_key)
                VALUES (@id, @org, @prefix, @salt, @hash, @now, @actor_org, @actor_key)
                """);
            await insert.With("@id", key.Id).With("@org", organisationId).With("@prefix", key.Prefix).With("@salt", salt)
                .With("@hash", ApiKeySecrets.Hash(salt, secret)).With(Dialect, "@now", key.CreatedAt).WithActor(actor)
                .ExecuteNonQueryAsync(ct);
            return Outcome<(ApiKey, string)>.Keep((key, secret));
        }, ct);
    }

    public async Task<RevokeResult> RevokeApiKeyAsync(string keyId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        StoreInput.Actor(actor);
        var now = Now();
        return await WriteAsync(async (connection, transaction) =>
        {
            // Two admins revoking the last two admin keys at once must not both succeed: every revocation of an admin
            // key first locks the admin organisations' rows (SQLite: the transaction holds the only write lock), so
            // they count the active admin keys one after the other.
            await using (var lockAdmins = connection.Command(transaction, $"SELECT id FROM organisations WHERE role = 'admin' ORDER BY id{Dialect.ForUpdate}"))
            await using (var reader = await lockAdmins.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) { }

            // Only an active key changes, so the first revocation's time and actor stay; an admin key only while
            // another active admin key remains.
            await using (var revoke = connection.Command(transaction, """
                UPDATE api_keys SET revoked_at = @now, revoked_by_org = @actor_org, revoked_by_key = @actor_key
                WHERE id = @id AND revoked_at IS NULL
                  AND (NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = api_keys.organisation_id AND o.role = 'admin')
                       OR EXISTS (SELECT 1 FROM api_keys other JOIN organisations o ON o.id = other.organisation_id
                                  WHERE o.role = 'admin' AND other.revoked_at IS NULL AND other.id <> @id))
                """))
            {
                if (await revoke.With("@id", keyId).With(Dialect, "@now", now).WithActor(actor).ExecuteNonQueryAsync(ct) == 1)
                    return Outcome<RevokeResult>.Keep(RevokeResult.Revoked);
            }
            await using var state = connection.Command(transaction, "SELECT revoked_at IS NULL FROM api_keys WHERE id = @id");
            return Outcome<RevokeResult>.Keep(await state.With("@id", keyId).ExecuteScalarAsync(ct) switch
            {
                null or DBNull => RevokeResult.NotFound,
                var active when Convert.ToBoolean(active, System.Globalization.CultureInfo.InvariantCulture) => RevokeResult.LastAdminKey,
                _ => RevokeResult.Revoked,
            });
        }, ct);
    }

    public Task<(Organisation Organisation, ApiKey Key)?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        var keyId = ApiKeySecrets.KeyIdOf(secret);
        if (keyId is null) return Task.FromResult<(Organisation, ApiKey)?>(null);
        // One round trip: the key, its organisation and the organisation's carriers (one row per carrier, at least one
        // row thanks to the LEFT JOIN). Read on every request, never cached, so a revocation takes effect at once.
        return ReadAsync<(Organisation, ApiKey)?>(async connection =>
        {
            ApiKey? key = null;
            byte[] salt = [], hash = [];
            (string Name, OrganisationRole Role, NodaTime.Instant CreatedAt) organisation = ("", default, default);
            var carriers = new List<string>();
            await using (var select = connection.Command(null, """
                SELECT k.organisation_id, k.prefix, k.salt, k.secret_hash, k.created_at, k.revoked_at,
                       o.name, o.role, o.created_at, c.carrier
                FROM api_keys k
                JOIN organisations o ON o.id = k.organisation_id
                LEFT JOIN organisation_carriers c ON c.organisation_id = o.id
                WHERE k.id = @id
                ORDER BY c.position
                """))
            {
                await using var reader = await select.With("@id", keyId).ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (key is null)
                    {
                        key = new ApiKey(keyId, reader.GetString(0), reader.GetString(1), Dialect.ReadInstant(reader, 4),
                            reader.IsDBNull(5) ? null : Dialect.ReadInstant(reader, 5));
                        salt = (byte[])reader.GetValue(2);
                        hash = (byte[])reader.GetValue(3);
                        organisation = (reader.GetString(6), ParseRole(reader.GetString(7)), Dialect.ReadInstant(reader, 8));
                    }
                    if (!reader.IsDBNull(9)) carriers.Add(reader.GetString(9));
                }
            }
            if (key is null) return null;
            // Check the secret before looking at revocation, so a revoked key costs the same time as a wrong one.
            if (!ApiKeySecrets.Matches(salt, hash, secret) || key.RevokedAt is not null) return null;
            return (new Organisation(key.OrganisationId, organisation.Name, organisation.Role, carriers, organisation.CreatedAt), key);
        }, ct);
    }
}
