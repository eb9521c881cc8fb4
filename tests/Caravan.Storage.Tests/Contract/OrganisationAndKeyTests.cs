using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Caravan.Storage.Tests.Infrastructure;

namespace Caravan.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_organisation_is_stored_with_its_role_and_carriers()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var created = await store.CreateOrganisationAsync(
            new NewOrganisation("Caspian Lines", OrganisationRole.Operator, ["ASCO", "KTZ Express"]), Actor.System);

        var found = await store.FindOrganisationAsync(created.Id);
        Assert.NotNull(found);
        Assert.Equal("Caspian Lines", found.Name);
        Assert.Equal(OrganisationRole.Operator, found.Role);
        Assert.Equal(["ASCO", "KTZ Express"], found.Carriers);
        Assert.Equal(created.CreatedAt, found.CreatedAt);
        Assert.Null(await store.FindOrganisationAsync("org_missing"));

        var second = await ShipperAsync(store);
        var all = await store.ListOrganisationsAsync();
        Assert.Equal(new[] { created.Id, second.Id }.Order(StringComparer.Ordinal), all.Select(o => o.Id));
    }

    [Fact]
    public async Task A_secret_authenticates_and_a_wrong_one_does_not()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var (key, secret) = await store.CreateApiKeyAsync(org.Id, Actor.System);

        Assert.Matches(new Regex("^cvn_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$"), secret);
        Assert.Equal("cvn_" + key.Id, key.Prefix);
        Assert.StartsWith(key.Prefix + "_", secret);

        var authenticated = await store.AuthenticateAsync(secret);
        Assert.NotNull(authenticated);
        Assert.Equal(org.Id, authenticated.Value.Organisation.Id);
        Assert.Equal(key.Id, authenticated.Value.Key.Id);

        // Last character changed; the right key id with another random part; nonsense; another key's id.
        var last = secret[^1] == 'A' ? 'B' : 'A';
        Assert.Null(await store.AuthenticateAsync(secret[..^1] + last));
        Assert.Null(await store.AuthenticateAsync(key.Prefix + "_" + new string('x', 43)));
        Assert.Null(await store.AuthenticateAsync("not a key"));
        Assert.Null(await store.AuthenticateAsync(""));
        var (other, _) = await store.CreateApiKeyAsync(org.Id, Actor.System);
        Assert.Null(await store.AuthenticateAsync(secret.Replace(key.Id, other.Id)));
    }

    [Fact]
    public async Task A_revoked_key_does_not_authenticate()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync(new SteppingClock(Monday));
        var org = await ShipperAsync(store);
        var (key, secret) = await store.CreateApiKeyAsync(org.Id, Actor.System);
        var (kept, keptSecret) = await store.CreateApiKeyAsync(org.Id, Actor.System);

        Assert.Equal(RevokeResult.Revoked, await store.RevokeApiKeyAsync(key.Id, ActorOf(org)));
        Assert.Null(await store.AuthenticateAsync(secret));
        Assert.NotNull(await store.AuthenticateAsync(keptSecret));

        var firstRevocation = Assert.Single(await db.RowsAsync("SELECT revoked_at FROM api_keys WHERE id = @id", ("@id", key.Id)))[0];
        Assert.Equal(RevokeResult.Revoked, await store.RevokeApiKeyAsync(key.Id, ActorOf(org)));
        var afterSecond = Assert.Single(await db.RowsAsync("SELECT revoked_at FROM api_keys WHERE id = @id", ("@id", key.Id)))[0];
        Assert.Equal(firstRevocation, afterSecond);
        Assert.Equal(RevokeResult.NotFound, await store.RevokeApiKeyAsync("0123456789abcdef", ActorOf(org)));
        Assert.Equal(kept.Id, (await store.AuthenticateAsync(keptSecret))!.Value.Key.Id);
    }

    [Fact]
    public async Task The_last_active_admin_key_is_never_revoked_even_by_two_admins_at_once()
    {
        await using var db = await NewDatabaseAsync();
        await using var setup = await db.OpenMigratedStoreAsync();
        var admins = await setup.CreateOrganisationAsync(new NewOrganisation("Admins", OrganisationRole.Admin, []), Actor.System);
        var otherAdmins = await setup.CreateOrganisationAsync(new NewOrganisation("Other admins", OrganisationRole.Admin, []), Actor.System);
        var shipper = await ShipperAsync(setup);
        var (shipperKey, _) = await setup.CreateApiKeyAsync(shipper.Id, Actor.System);
        Assert.Equal(RevokeResult.Revoked, await setup.RevokeApiKeyAsync(shipperKey.Id, ActorOf(admins))); // a shipper's last key: fine

        for (var round = 0; round < 5; round++)
        {
            var (a, _) = await setup.CreateApiKeyAsync(admins.Id, Actor.System);
            var (b, _) = await setup.CreateApiKeyAsync(otherAdmins.Id, Actor.System);
            // The previous round's survivor goes while two others are active: only a and b are left.
            foreach (var row in await db.RowsAsync("SELECT k.id FROM api_keys k JOIN organisations o ON o.id = k.organisation_id WHERE o.role = 'admin' AND k.revoked_at IS NULL AND k.id NOT IN (@a, @b)", ("@a", a.Id), ("@b", b.Id)))
                Assert.Equal(RevokeResult.Revoked, await setup.RevokeApiKeyAsync((string)row[0]!, ActorOf(admins)));

            // Each from its own store (connection): both see the other key still active until the locks order them.
            await using var first = db.OpenStore();
            await using var second = db.OpenStore();
            var results = await Task.WhenAll(first.RevokeApiKeyAsync(a.Id, ActorOf(admins)), second.RevokeApiKeyAsync(b.Id, ActorOf(otherAdmins)));
            Assert.Equal([RevokeResult.Revoked, RevokeResult.LastAdminKey], results.Order());
            Assert.Equal(1, await db.LongAsync("""
                SELECT COUNT(*) FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
                WHERE o.role = 'admin' AND k.revoked_at IS NULL
                """));
        }
    }

    [Fact]
    public async Task Only_a_salted_hash_of_the_secret_is_stored()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var org = await ShipperAsync(store);
        var (key, secret) = await store.CreateApiKeyAsync(org.Id, Actor.System);
        var randomPart = secret[(key.Prefix.Length + 1)..];

        var row = Assert.Single(await db.RowsAsync("SELECT * FROM api_keys"));
        foreach (var value in row)
        {
            var text = value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes) + Convert.ToHexString(bytes) + Convert.ToBase64String(bytes),
                null => "",
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            };
            Assert.DoesNotContain(randomPart, text);
        }

        // The stored hash is HMAC-SHA-256 keyed with the stored salt, computed here independently.
        var stored = Assert.Single(await db.RowsAsync("SELECT salt, secret_hash FROM api_keys WHERE id = @id", ("@id", key.Id)));
        var salt = (byte[])stored[0]!;
        Assert.Equal(16, salt.Length);
        Assert.Equal(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)), (byte[])stored[1]!);

        // A second key gets its own salt.
        await store.CreateApiKeyAsync(org.Id, Actor.System);
        Assert.Equal(2, await db.LongAsync("SELECT COUNT(DISTINCT salt) FROM api_keys"));
    }

    [Fact]
    public async Task A_key_for_an_unknown_organisation_is_refused()
    {
        await using var db = await NewDatabaseAsync();
        await using var store = await db.OpenMigratedStoreAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync("org_nobody", Actor.System));
        Assert.Equal("organisationId", error.ParamName);
    }
}
