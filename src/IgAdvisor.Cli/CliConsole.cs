namespace IgAdvisor.Cli;

/// <summary>
/// The streams a command talks to, injected so that tests run the whole CLI in process.
/// <see cref="IsTerminal"/> decides colour and the interactive prompt.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool isTerminal, TimeProvider clock)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader In { get; } = input;
    public bool IsTerminal { get; } = isTerminal;
    public TimeProvider Clock { get; } = clock;

    public static CliConsole System()
    {
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.OutputEncoding = utf8;
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        var interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected
            && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        var input = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        return new CliConsole(output, error, input, interactive, TimeProvider.System);
    }
}

/// <summary>Exit codes of the igadvisor command (PRODUCT.md).</summary>
public static class ExitCodes
{
    /// <summary>Answered, valid, computed.</summary>
    public const int Success = 0;
    /// <summary>The knowledge base is invalid (kb validate), or an internal error.</summary>
    public const int Invalid = 1;
    /// <summary>Bad input: a message on stderr names what was wrong.</summary>
    public const int BadInput = 2;
    /// <summary>The question is ambiguous or its condition is not covered.</summary>
    public const int NotAnswered = 3;
}
