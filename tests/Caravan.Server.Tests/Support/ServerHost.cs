using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Network;
using Caravan.Storage;
using Microsoft.AspNetCore.Builder;

namespace Caravan.Server.Tests.Support;

/// <summary>
/// A real Caravan server on 127.0.0.1 (a free port) over a real store, on the tiny example network, with the
/// bootstrap admin and four organisations: two shippers, the operator of the KTZ services and that of the ASCO ferry.
/// </summary>
public sealed partial class ServerHost : IAsyncDisposable
{
    private static readonly Lazy<NetworkModel> Tiny = new(() => Caravan.Files.NetworkFiles.Load(TestPaths.TinyNetwork));

    public required WebApplication App { get; init; }
    public required string BaseUrl { get; init; }
    public required string Database { get; init; }
    /// <summary>The server's clock: a store opened beside it must tell the time as it does, or holds expire early.</summary>
    public required NodaTime.IClock Clock { get; init; }
    public required string BootstrapOutput { get; init; }
    public required Party Admin { get; init; }
    public required Party ShipperA { get; init; }
    public required Party ShipperB { get; init; }
    /// <summary>Runs the KTZ services (carrier "KTZ": XAN-DOS-BLOCK and DOS-AKT-DAILY).</summary>
    public required Party OperatorKtz { get; init; }
    /// <summary>Runs the ASCO ferry only.</summary>
    public required Party OperatorAsco { get; init; }
    public required HttpClient Anonymous { get; init; }
    private string? TempFolder { get; init; }

    public NetworkModel Network => Tiny.Value;

    /// <summary>
    /// Starts a server; <paramref name="database"/> null means a fresh SQLite file in a temp folder. <paramref name="configure"/>
    /// changes the options (limits, clock) from the defaults the tests use.
    /// </summary>
    public static async Task<ServerHost> StartAsync(string? database = null, Func<ServerOptions, ServerOptions>? configure = null)
    {
        string? folder = database is null ? TestPaths.NewTempFolder() : null;
        database ??= $"Data Source={Path.Combine(folder!, "caravan.db")}";
        var output = new StringWriter();
        var options = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database,
            Network = Tiny.Value,
            Output = output,
            Clock = new FixedClock(FixedClock.Default),
        };
        options = configure is null ? options : configure(options);
        var app = CaravanServer.Build(options);
        await app.StartAsync();
        string baseUrl = app.Urls.First();
        string printed = output.ToString();
        var admin = new Party("admin", KeyPrinted(printed), Client(baseUrl, KeyPrinted(printed)), "");

        async Task<Party> Create(string name, string role, params string[] carriers)
        {
            var created = await admin.Client.PostAsJsonAsync("/organisations", new { name, role, carriers });
            created.EnsureSuccessStatusCode();
            string id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var key = await admin.Client.PostAsync($"/organisations/{id}/api-keys", null);
            key.EnsureSuccessStatusCode();
            string secret = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
            return new Party(name, secret, Client(baseUrl, secret), id);
        }

        return new ServerHost
        {
            App = app,
            BaseUrl = baseUrl,
            Database = database,
            Clock = options.Clock,
            BootstrapOutput = printed,
            Admin = admin,
            ShipperA = await Create("Shipper A", "shipper"),
            ShipperB = await Create("Shipper B", "shipper"),
            OperatorKtz = await Create("KTZ operations", "operator", "KTZ"),
            OperatorAsco = await Create("ASCO operations", "operator", "ASCO"),
            Anonymous = AnonymousClient(baseUrl),
            TempFolder = folder,
        };
    }

    /// <summary>The key from the bootstrap's "Admin API key (shown once, keep it safe): KEY" line.</summary>
    public static string KeyPrinted(string output) =>
        AdminKeyLine().Match(output) is { Success: true } m ? m.Groups["key"].Value : throw new InvalidOperationException("No admin key printed:\n" + output);

    /// <summary>A second, independent connection to the server's store, for checking what it wrote.</summary>
    public async Task<ICaravanStore> OpenStoreAsync()
    {
        var store = CaravanStore.Open(Database, Clock);
        await store.MigrateAsync();
        return store;
    }

    /// <summary>A client sending <paramref name="key"/> whose every answer is checked against docs/openapi.json.</summary>
    public static HttpClient Client(string baseUrl, string key)
    {
        var client = AnonymousClient(baseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client without a key whose every answer is checked against docs/openapi.json.</summary>
    public static HttpClient AnonymousClient(string baseUrl, OpenApiContract? contract = null) =>
        new(new ContractCheckingHandler(contract ?? OpenApiContract.Committed)) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        foreach (var p in new[] { Admin, ShipperA, ShipperB, OperatorKtz, OperatorAsco }) p.Client.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (TempFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(TempFolder, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex(@"Admin API key \(shown once, keep it safe\): (?<key>\S+)")]
    private static partial Regex AdminKeyLine();
}

/// <summary>An organisation with its key and a client that sends it.</summary>
public sealed record Party(string Name, string Key, HttpClient Client, string Id);
