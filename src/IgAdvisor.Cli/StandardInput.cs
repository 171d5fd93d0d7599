using System.Text;

namespace IgAdvisor.Cli;

/// <summary>Reads a question or a patient document from standard input: strict UTF-8, bounded length.</summary>
internal static class StandardInput
{
    public static bool TryRead(CliConsole console, int maxLength, out string text, out string error, string what = "the question")
    {
        text = "";
        error = "";
        try
        {
            var buffer = new char[maxLength + 1];
            var builder = new StringBuilder();
            int read;
            while ((read = console.In.Read(buffer, 0, buffer.Length)) > 0)
            {
                builder.Append(buffer, 0, read);
                if (builder.Length > maxLength)
                {
                    error = $"{what} on standard input is longer than {maxLength:N0} characters";
                    return false;
                }
            }
            text = builder.ToString();
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = "standard input is not valid UTF-8 text";
            return false;
        }
    }
}
