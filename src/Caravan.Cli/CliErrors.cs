namespace Caravan.Cli;

/// <summary>Exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran and the answer is "no" (a network with errors, no itinerary) or it could not run (unreadable file).</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong: an unknown option, a bad value, an unknown node.</summary>
    public const int Usage = 2;
}

/// <summary>
/// A value on the command line that cannot be used. Phrased like <see cref="Caravan.Planning.PlanRequestException"/>
/// so that every usage error reads the same: "--containers: found '2x45ft', expected …".
/// </summary>
public sealed class CliUsageException(string field, string? value, string expected)
    : Exception($"{field}: found {(value is null ? "nothing" : $"'{value}'")}, expected {expected}");

/// <summary>The command could not do its job for a reason outside the command line (e.g. an unreadable network file).</summary>
public sealed class CliFailureException(string message) : Exception(message);
