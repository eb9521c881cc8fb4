namespace Caravan.Cli.Options;

/// <summary>
/// A file the user named on the command line, checked before anything reads it, so the message says what is wrong
/// with it in the user's terms (missing, a directory, not readable) and names the option or argument they typed.
/// </summary>
internal static class InputFile
{
    /// <summary>Throws a <see cref="CliFailureException"/> unless <paramref name="path"/> is a file this process can open.</summary>
    public static void RequireReadable(string optionOrArgument, string path)
    {
        if (Directory.Exists(path))
            throw new CliFailureException($"{optionOrArgument}: '{path}' is a directory, expected a file");
        if (!File.Exists(path))
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            string why = folder is not null && !Directory.Exists(folder) ? $"no such folder '{folder}'" : "no such file";
            throw new CliFailureException($"{optionOrArgument}: cannot read '{path}': {why}");
        }
        try
        {
            using var _ = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"{optionOrArgument}: cannot read '{path}': {e.Message}");
        }
    }
}
