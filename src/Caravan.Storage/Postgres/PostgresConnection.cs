using Npgsql;

namespace Caravan.Storage.Postgres;

/// <summary>Accepts what operators are used to: an Npgsql connection string or a libpq-style URL.</summary>
internal static class PostgresConnection
{
    /// <summary><c>postgres://user:password@host:port/database?sslmode=require</c> → Npgsql keywords; a connection string passes through.</summary>
    public static string ToConnectionString(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var text = connection.Trim();
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;

        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(kv[0]);
            builder[LibpqToNpgsql.GetValueOrDefault(name, name.Replace("_", " "))] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ConnectionString;
    }

    /// <summary>URL query parameters are libpq's names; most map to an Npgsql keyword by spelling out the words.</summary>
    private static readonly Dictionary<string, string> LibpqToNpgsql = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["user"] = "Username",
        ["dbname"] = "Database",
    };
}
