namespace Caravan.Server.Tests.Support;

internal static class TestPaths
{
    /// <summary>The repository root: where the project was built from, else the nearest folder above the test binaries that holds Caravan.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string TinyNetwork => Path.Combine(AppContext.BaseDirectory, "tiny-network.json");

    /// <summary>A new empty folder under the system temp folder, for one test's database.</summary>
    public static string NewTempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "caravan-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        string? built = typeof(TestPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Caravan.sln"))) return built;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Caravan.sln"))) return dir.FullName;
        throw new InvalidOperationException("Caravan.sln not found above " + AppContext.BaseDirectory);
    }
}
