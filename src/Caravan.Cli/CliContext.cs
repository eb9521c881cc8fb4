using System.Text;
using NodaTime;
using Spectre.Console;

namespace Caravan.Cli;

/// <summary>
/// Where a command writes and what time it is. Injected so that tests can run the CLI in-process, capture its
/// output and fix "now"; commands never touch <see cref="System.Console"/> or the system clock directly.
/// </summary>
public sealed class CliContext
{
    /// <summary>Tables are laid out for this width when the output is not a terminal (a file, a pipe, a test).</summary>
    public const int RedirectedWidth = 120;

    /// <summary>Standard output: results (tables, JSON).</summary>
    public required TextWriter Out { get; init; }
    /// <summary>Standard error: one line per error.</summary>
    public required TextWriter Error { get; init; }
    /// <summary>Spectre.Console rendering onto <see cref="Out"/>.</summary>
    public required IAnsiConsole Console { get; init; }
    public required IClock Clock { get; init; }

    /// <summary>
    /// The output format without --format or --json: tables on a terminal, plain text when standard output is a
    /// file or a pipe (no box drawing, colour or escape codes for grep, awk or a log to trip over).
    /// </summary>
    public Rendering.OutputFormat DefaultFormat { get; init; } = Rendering.OutputFormat.Table;

    /// <summary>The process's console and the system clock.</summary>
    public static CliContext FromSystem()
    {
        System.Console.OutputEncoding = Encoding.UTF8; // node names and arrows are not ASCII
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        bool redirected = System.Console.IsOutputRedirected;
        if (redirected) console.Profile.Width = RedirectedWidth;
        return new CliContext
        {
            Out = System.Console.Out, Error = System.Console.Error, Console = console, Clock = SystemClock.Instance,
            DefaultFormat = DefaultFormatFor(redirected),
        };
    }

    public static Rendering.OutputFormat DefaultFormatFor(bool outputRedirected) =>
        outputRedirected ? Rendering.OutputFormat.Plain : Rendering.OutputFormat.Table;

    /// <summary>
    /// Text without colours or escape codes onto the given writers, 120 columns wide. Tables by default, as a user
    /// at a terminal sees them (tests read them so); <paramref name="defaultFormat"/> Plain is a redirected output.
    /// </summary>
    public static CliContext ForWriters(TextWriter output, TextWriter error, IClock clock, Rendering.OutputFormat defaultFormat = Rendering.OutputFormat.Table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = RedirectedWidth;
        return new CliContext { Out = output, Error = error, Console = console, Clock = clock, DefaultFormat = defaultFormat };
    }
}
