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

    public async Task<bool> RevokeApiKeyAsync(string keyId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        StoreInput.Actor(actor);
        var now = Now();
        return await WriteAsync(async (connection, transaction) =>
        {
            // Only an active key changes, so the first revocation's time and actor stay.
            await using (var revoke = connection.Command(transaction, """
                UPDATE api_keys SET revoked_at = @now, revoked_by_org = @actor_org, revoked_by_key = @actor_key
                WHERE id = @id AND revoked_at IS NULL
                """))
            {
                if (await revoke.With("@id", keyId).With(Dialect, "@now", now).WithActor(actor).ExecuteNonQueryAsync(ct) == 1)
                    return Outcome<bool>.Keep(true);
            }
            await using var exists = connection.Command(transaction, "SELECT COUNT(*) FROM api_keys WHERE id = @id");
            return Outcome<bool>.Keep(Convert.ToInt64(await exists.With("@id", keyId).ExecuteScalarAsync(ct)) == 1);
        }, ct);
    }

    public Task<(Organisation Organisation, ApiKey Key)?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        var keyId = ApiKeySecrets.KeyIdOf(secret);
        if (keyId is null) return Task.FromResult<(Organisation, ApiKey)?>(null);
        return ReadAsync<(Organisation, ApiKey)?>(async connection =>
        {
            ApiKey key;
            byte[] salt, hash;
            await using (var select = connection.Command(null,
                "SELECT organisation_id, prefix, salt, secret_hash, created_at, revoked_at FROM api_keys WHERE id = @id"))
            {
                await using var reader = await select.With("@id", keyId).ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct)) return null;
                key = new ApiKey(keyId, reader.GetString(0), reader.GetString(1), Dialect.ReadInstant(reader, 4),
                    reader.IsDBNull(5) ? null : Dialect.ReadInstant(reader, 5));
                salt = (byte[])reader.GetValue(2);
                hash = (byte[])reader.GetValue(3);
            }
            // Check the secret before looking at revocation, so a revoked key costs the same time as a wrong one.
            if (!ApiKeySecrets.Matches(salt, hash, secret) || key.RevokedAt is not null) return null;
            var organisation = (await LoadOrganisationsAsync(connection, null, key.OrganisationId, ct)).SingleOrDefault();
            return organisation is null ? null : (organisation, key);
        }, ct);
    }
}
