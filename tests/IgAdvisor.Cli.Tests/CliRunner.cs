using System.Text;

namespace IgAdvisor.Cli.Tests;

/// <summary>Runs the whole igadvisor command line in process and captures what it prints.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

public static class CliRunner
{
    public static CliResult RunWithInput(string input, params string[] args) => Run(new StringReader(input), terminal: false, args);

    public static CliResult Run(params string[] args) => Run(new StringReader(""), terminal: false, args);

    public static CliResult Run(TextReader input, bool terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, input, terminal, TimeProvider.System);
        var code = CliApplication.Run(args, console);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Standard input holding raw bytes, decoded strictly as the real console does.</summary>
    public static TextReader Bytes(byte[] bytes) => new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true));
}
