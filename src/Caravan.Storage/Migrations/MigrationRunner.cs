using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Caravan.Storage.Relational;

namespace Caravan.Storage.Migrations;

/// <summary>
/// Applies the numbered scripts of a dialect (embedded as <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>) in order, each
/// in its own transaction together with its row in <c>schema_migrations</c>, so a script is applied entirely or not at
/// all. Several processes may start at once: on PostgreSQL each transaction first takes a transaction-level advisory
/// lock, on SQLite the write transaction (BEGIN IMMEDIATE) already excludes every other writer; either way the one
/// that comes second sees the version recorded and skips it.
/// </summary>
internal sealed class MigrationRunner(SqlDialect dialect)
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(string folder)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Caravan.Storage.Migrations.{folder}/";
        // RecursiveDir gives '\' on Windows builds: compare with '/' but open the resource by its real name.
        var scripts = assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Name: resource.Replace('\\', '/')))
            .Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal) && r.Name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(r =>
            {
                var file = r.Name[prefix.Length..];
                var underscore = file.IndexOf('_');
                if (underscore <= 0 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                    throw new InvalidOperationException($"Migration script '{file}' must be named NNNN_description.sql.");
                return new Script(version, file[..^4], Read(assembly, r.Resource));
            })
            .OrderBy(s => s.Version)
            .ToArray();
        for (var i = 0; i < scripts.Length; i++)
            if (scripts[i].Version != i + 1)
                throw new InvalidOperationException($"Migration versions of {folder} must be 1, 2, 3 … without gaps; found {scripts[i].Name}.");
        return scripts;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var script in ScriptsFor(dialect.MigrationFolder))
            await ApplyAsync(script, ct);
    }

    /// <summary>
    /// First line of an SQLite script that rebuilds a table others refer to: foreign key enforcement must be off
    /// while the old table is dropped and the new one renamed (SQLite only allows switching it outside a transaction),
    /// and the keys are checked with <c>PRAGMA foreign_key_check</c> before the script's transaction commits.
    /// </summary>
    public const string ForeignKeysOffMarker = "-- migration: foreign_keys=OFF";

    private async Task ApplyAsync(Script script, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var foreignKeysOff = script.Sql.StartsWith(ForeignKeysOffMarker, StringComparison.Ordinal);
        // The pooled connection is set up again (foreign_keys = ON) the next time it is opened.
        if (foreignKeysOff) await Execute(connection, null, "PRAGMA foreign_keys = OFF", ct);
        await using var transaction = await dialect.BeginWriteAsync(connection, ct);
        if (dialect.MigrationLockSql is { } lockSql) await Execute(connection, transaction, lockSql, ct);
        await Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """, ct);

        await using (var applied = connection.Command(transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @version"))
        {
            if (Convert.ToInt64(await applied.With("@version", script.Version).ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0)
            {
                await transaction.RollbackAsync(ct);
                return;
            }
        }

        await Execute(connection, transaction, script.Sql, ct);
        if (foreignKeysOff)
        {
            await using var check = connection.Command(transaction, "PRAGMA foreign_key_check");
            await using var violations = await check.ExecuteReaderAsync(ct);
            if (await violations.ReadAsync(ct))
                throw new InvalidOperationException($"Migration {script.Name} would break a foreign key of table '{violations.GetString(0)}'; nothing was changed.");
        }
        await using (var record = connection.Command(transaction,
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)"))
        {
            await record.With("@version", script.Version).With("@name", script.Name)
                .With("@at", NodaTime.SystemClock.Instance.GetCurrentInstant().ToString()).ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
