using System.Net;
using System.Net.Sockets;

namespace Caravan.Core.Tests.Cli;

/// <summary>`caravan serve` that cannot start says why in one line naming the option, with a non-zero exit code.</summary>
public sealed class ServeStartupTests
{
    private static void OneLine(CliRun run, int exitCode, string option)
    {
        Assert.Equal(exitCode, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{run.Error}");
        Assert.Contains(option, lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("bug", run.Error);
    }

    private static string TempDb() => Path.Combine(Path.GetTempPath(), $"caravan-serve-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("--urls", "notaurl")]
    [InlineData("--urls", "ftp://127.0.0.1:21")]
    [InlineData("--db", "nonsense")]
    [InlineData("--db", "/no/such/folder/caravan.db")]
    public void A_value_that_cannot_work_is_a_usage_error(string option, string value)
    {
        var args = option == "--db" ? new[] { "serve", "--urls", "http://127.0.0.1:0", option, value } : ["serve", "--db", TempDb(), option, value];
        OneLine(CliRunner.Run(args), 2, option);
    }

    [Fact]
    public void A_port_in_use_is_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var db = TempDb();
        try { OneLine(CliRunner.Run("serve", "--urls", $"http://127.0.0.1:{port}", "--db", db), 1, "--urls"); }
        finally { File.Delete(db); }
    }

    [Fact]
    public void An_unreachable_PostgreSQL_is_one_line_and_hides_the_password()
    {
        var run = CliRunner.Run("serve", "--urls", "http://127.0.0.1:0", "--db", "Host=127.0.0.1;Port=1;Database=caravan;Username=u;Password=secret");
        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the warning about a password on the command line, then the failure
        Assert.StartsWith("warning: --db holds a password", lines[0]);
        Assert.Contains("--db", lines[1]);
        Assert.DoesNotContain("secret", run.Error);
    }
}
