namespace Caravan.Architecture.Tests;

/// <summary>
/// The walls between projects: the JSON contracts stand on Core alone, and the CLI's own commands need nothing of
/// the server (only `caravan serve` hosts it), so the CLI and the API share documents, not each other.
/// </summary>
public sealed class ProjectWallsTests
{
    private static readonly string[] ServerSide = ["Caravan.Server", "Caravan.Storage"];

    [Fact]
    public void Contracts_reference_neither_the_server_nor_the_storage()
    {
        var contracts = TypeReferences.Load("Caravan.Contracts");
        var references = contracts.MainModule.AssemblyReferences.Select(r => r.Name).Where(ServerSide.Contains).ToList();
        var uses = TypeReferences.Of(contracts).Where(u => ServerSide.Contains(u.ToAssembly)).Select(u => u.ToString()).ToList();

        Assert.True(references.Count == 0 && uses.Count == 0,
            "Caravan.Contracts must not depend on " + string.Join(", ", references.Concat(uses)));
    }

    [Fact]
    public void Core_references_no_other_caravan_project()
    {
        var references = TypeReferences.Load("Caravan.Core").MainModule.AssemblyReferences
            .Select(r => r.Name).Where(n => n.StartsWith("Caravan", StringComparison.Ordinal)).ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void Only_the_serve_command_of_the_cli_uses_the_server()
    {
        // The serve command and its start-up checks (ServeCommand, ServeStartup and their nested types).
        const string serve = "Caravan.Cli.Commands.Serve";
        var uses = TypeReferences.Of(TypeReferences.Load("caravan"))
            .Where(u => !u.FromType.StartsWith(serve, StringComparison.Ordinal) && ServerSide.Contains(u.ToAssembly))
            .Select(u => u.ToString())
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(uses.Count == 0, $"Outside {serve}, the CLI must not use Caravan.Server or Caravan.Storage:\n" + string.Join("\n", uses));
    }
}
