using System.Net.Sockets;
using System.Data.Common;
using Caravan.Server;
using Caravan.Storage;

namespace Caravan.Cli.Commands;

/// <summary>
/// What can stop `caravan serve` before it answers a request, said in one line that names the option at fault
/// (never a stack trace): a URL that is not one, an address already in use, a store that is not a connection string,
/// a folder that does not exist, a database that cannot be reached.
/// </summary>
internal static class ServeStartup
{
    private const string UrlsExpected = "http://HOST:PORT or https://HOST:PORT (several separated by ';')";

    /// <summary>Checks what can be checked before starting; the store connection as given (or from CARAVAN_DB).</summary>
    public static void Check(string? urls, string? database, TextWriter error)
    {
        if (urls is not null)
            foreach (var url in urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                    throw new CliUsageException("--urls", url, UrlsExpected);

        switch (CaravanStore.KindOf(database))
        {
            case CaravanStore.StoreKind.Unknown:
                throw new CliUsageException("--db", Redacted(database), "Data Source=FILE or a .db path (SQLite), or Host=…;Database=… or a postgres:// URL (PostgreSQL)");
            case CaravanStore.StoreKind.Sqlite:
                var file = SqliteFile(database);
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                if (folder is not null && !Directory.Exists(folder))
                    throw new CliUsageException("--db", file, $"an SQLite file in an existing folder ({folder} does not exist)");
                break;
            case CaravanStore.StoreKind.Postgres when HasPassword(database!):
                error.WriteLine($"warning: --db holds a password, which other users of this machine can see in the process list; " +
                                $"pass the connection string in {CaravanServer.DatabaseVariable} instead.");
                break;
        }
    }

    /// <summary>The one-line failure for an exception from starting the server, or null for one that is a bug.</summary>
    public static CliFailureException? Describe(Exception e, string? urls, string? database) => e switch
    {
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
        IOException when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            new($"--urls: cannot listen on {urls ?? "http://localhost:5000"}: the address is already in use (another process listens there; choose another port)"),
        SocketException { SocketErrorCode: SocketError.AddressNotAvailable } or IOException { InnerException: SocketException } =>
            new($"--urls: cannot listen on {urls}: {e.InnerException?.Message ?? e.Message}"),
        StoreUnavailableException or DbException =>
            new($"--db: cannot open the store {Redacted(database) ?? ServerOptions.DefaultSqliteFile}: {FirstLine(e.InnerException as DbException ?? e)}"),
        _ => null,
    };

    private static string SqliteFile(string? database)
    {
        if (string.IsNullOrWhiteSpace(database)) return ServerOptions.DefaultSqliteFile;
        if (!database.Contains('=')) return database;
        var builder = new DbConnectionStringBuilder { ConnectionString = database };
        foreach (var key in new[] { "Data Source", "DataSource", "Filename" })
            if (builder.TryGetValue(key, out var value) && value is string path) return path;
        return database;
    }

    private static bool HasPassword(string database)
    {
        if (database.Contains("://", StringComparison.Ordinal))
            return Uri.TryCreate(database, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':');
        try { return new DbConnectionStringBuilder { ConnectionString = database }.ContainsKey("Password"); }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The connection with any password replaced by ***, fit to print.</summary>
    public static string? Redacted(string? database)
    {
        if (database is null) return null;
        if (database.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(database, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':'))
            return database.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal);
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = database };
            foreach (var key in new[] { "Password", "Pwd" })
                if (builder.ContainsKey(key)) builder[key] = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException) { return database; }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
