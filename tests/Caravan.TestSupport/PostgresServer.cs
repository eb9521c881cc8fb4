using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;
using Xunit;

namespace Caravan.TestSupport;

/// <summary>
/// A real PostgreSQL server for tests. With <c>CARAVAN_TEST_POSTGRES</c> set (an Npgsql connection string of a role
/// that may CREATE DATABASE), that server is used. Otherwise a throwaway cluster is started: <c>initdb</c> and
/// <c>pg_ctl</c> from PATH or <c>/usr/lib/postgresql/*/bin</c>, run as the <c>postgres</c> user when this process is
/// root (PostgreSQL refuses to run as root), data and socket in a temp directory, TCP on a free 127.0.0.1 port, fsync
/// on; it is stopped and deleted on dispose. No binaries and no variable is an error, never a silent skip.
/// Use it as an xunit collection fixture; each test (or class) takes a fresh database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "CARAVAN_TEST_POSTGRES";

    private readonly List<string> createdDatabases = [];
    private readonly Lock gate = new();
    private string? adminConnectionString;
    private Cluster? cluster;
    private int databaseCounter;

    /// <summary>A connection string to the server's maintenance database, as a superuser (or the given role).</summary>
    public string AdminConnectionString => adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    /// <summary>True when this fixture started the server itself (so tests may, e.g., count its connections freely).</summary>
    public bool IsThrowaway => cluster is not null;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            adminConnectionString = external;
        }
        else
        {
            cluster = await Cluster.StartAsync();
            adminConnectionString = cluster.ConnectionString;
            // If the test host dies without disposing fixtures, still stop the server rather than leave it running.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster?.Stop();
        }
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>
    /// Stops the throwaway server (fast shutdown: sessions are terminated, as in a restart or failover) until
    /// <see cref="StartAgainAsync"/>; for tests of what clients see while the database is away.
    /// </summary>
    public Task StopAsync() => (cluster ?? throw new InvalidOperationException("Only a throwaway server can be stopped.")).StopServerAsync();

    /// <summary>Starts the throwaway server again on the same port and data after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        var stopped = cluster ?? throw new InvalidOperationException("Only a throwaway server can be started.");
        await stopped.StartServerAsync(new NpgsqlConnectionStringBuilder(stopped.ConnectionString).Port);
        // The fixture's own pooled connections (CreateDatabaseAsync) died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose = "test")
    {
        var safe = new string(purpose.ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)).Take(30).ToArray());
        var name = $"caravan_{safe}_{Interlocked.Increment(ref databaseCounter)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        lock (gate) createdDatabases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (cluster is not null)
        {
            cluster.Stop();
            cluster = null;
            return;
        }
        if (adminConnectionString is null) return;
        // Someone else's server: leave it as found.
        string[] names;
        lock (gate) names = [.. createdDatabases];
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A cluster this fixture initialised and started.</summary>
    private sealed class Cluster
    {
        private const string ServiceUser = "postgres";
        private readonly string directory;
        private readonly string binDirectory;
        private readonly bool asServiceUser;
        private int stopped;

        private Cluster(string directory, string binDirectory, bool asServiceUser, int port)
        {
            this.directory = directory;
            this.binDirectory = binDirectory;
            this.asServiceUser = asServiceUser;
            ConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = true, Timeout = 30,
            }.ConnectionString;
        }

        public string ConnectionString { get; }

        private string DataDirectory => Path.Combine(directory, "data");

        private string LogFile => Path.Combine(directory, "server.log");

        public static async Task<Cluster> StartAsync()
        {
            var bin = FindBinaries() ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
                "Install them (Debian/Ubuntu: apt-get install postgresql) or set " + EnvironmentVariable +
                " to the connection string of a server where the tests may create databases.");
            var asServiceUser = IsRoot();
            var directory = Path.Combine(TempRoot(asServiceUser), $"caravan-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            Directory.CreateDirectory(Path.Combine(directory, "socket"));
            if (asServiceUser) await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory], null);

            // A port that was free a moment ago may be taken by the time the server binds it: try a few.
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var cluster = new Cluster(directory, bin, asServiceUser, FreePort());
                try
                {
                    if (attempt == 0) await cluster.InitDbAsync();
                    await cluster.StartServerAsync(new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Port);
                    return cluster;
                }
                catch (Exception e) { last = e; }
            }
            try { Directory.Delete(directory, true); } catch (IOException) { }
            throw new InvalidOperationException("Could not start a throwaway PostgreSQL server.", last);
        }

        private Task InitDbAsync() => RunAsync(Path.Combine(binDirectory, "initdb"),
            // --no-sync only speeds up creating the empty cluster; the server itself runs with fsync=on.
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], this);

        public Task StopServerAsync() =>
            RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], this);

        public async Task StartServerAsync(int port)
        {
            var socket = Path.Combine(directory, "socket");
            var options = $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={socket} " +
                          "-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300";
            try
            {
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], this);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"pg_ctl start failed; server log:\n{Tail(LogFile)}", e);
            }
        }

        public void Stop()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 1) return;
            try
            {
                RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], this)
                    .GetAwaiter().GetResult();
            }
            catch (InvalidOperationException) { /* not running */ }
            try { Directory.Delete(directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private static async Task RunAsync(string program, IReadOnlyList<string> arguments, Cluster? asClusterOwner)
        {
            var start = new System.Diagnostics.ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asClusterOwner is { asServiceUser: true })
            {
                start.FileName = "runuser";
                foreach (var a in (string[])["-u", ServiceUser, "--", program]) start.ArgumentList.Add(a);
            }
            else start.FileName = program;
            foreach (var a in arguments) start.ArgumentList.Add(a);
            // The service user may not be allowed into the test's working directory.
            if (asClusterOwner is not null) start.WorkingDirectory = asClusterOwner.directory;

            using var process = System.Diagnostics.Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start {program}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException(
                    $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        private static string? FindBinaries()
        {
            static bool Has(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (Has(dir)) return dir;
            const string debianRoot = "/usr/lib/postgresql";
            if (!Directory.Exists(debianRoot)) return null;
            // The newest installed major version.
            return Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(x => Has(x.Dir))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault();
        }

        /// <summary>The temp directory, unless the service user could not reach into it (then /tmp, which anyone can).</summary>
        private static string TempRoot(bool forServiceUser)
        {
            var temp = Path.GetTempPath();
            if (!forServiceUser) return temp;
            for (var dir = new DirectoryInfo(temp); dir is not null; dir = dir.Parent)
                if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute)) return "/tmp";
            return temp;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static bool IsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

        [DllImport("libc", SetLastError = false)]
        private static extern uint geteuid();

        private static string Tail(string file)
        {
            try { return string.Join('\n', File.ReadLines(file).TakeLast(30)); }
            catch (IOException) { return "(no log)"; }
            catch (UnauthorizedAccessException) { return "(log not readable)"; }
        }
    }
}
