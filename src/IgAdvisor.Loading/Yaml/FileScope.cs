using IgAdvisor.Knowledge.Diagnostics;
using IgAdvisor.Knowledge.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Loading.Yaml;

/// <summary>One knowledge file being read: its path relative to the knowledge root and the
/// diagnostics collected while reading it.</summary>
internal sealed class FileScope(string relativePath, List<Diagnostic> diagnostics)
{
    public string File { get; } = relativePath;

    public void Report(string code, DiagnosticSeverity severity, Mark mark, string path, string message) =>
        diagnostics.Add(new Diagnostic(code, severity, File, (int)mark.Line, (int)mark.Column, path, message));

    public void Error(string code, YamlNode? node, string path, string message) =>
        Report(code, DiagnosticSeverity.Error, node?.Start ?? Mark.Empty, path, message);

    public void Warning(string code, YamlNode? node, string path, string message) =>
        Report(code, DiagnosticSeverity.Warning, node?.Start ?? Mark.Empty, path, message);

    public Origin OriginOf(YamlNode node, string path) => new(File, (int)node.Start.Line, (int)node.Start.Column, path);

    /// <summary>
    /// Parses the file into its root node; a syntax error becomes KB001 at the line the parser
    /// stopped and yields null.
    /// </summary>
    public YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(text);
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                Report(DiagnosticCodes.MalformedYaml, DiagnosticSeverity.Error, Mark.Empty, "", "the file is empty");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            Report(DiagnosticCodes.MalformedYaml, DiagnosticSeverity.Error, e.Start, "", $"malformed YAML: {message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken scalars.
            Report(DiagnosticCodes.MalformedYaml, DiagnosticSeverity.Error, Mark.Empty, "", $"malformed YAML: the parser stopped ({e.Message})");
            return null;
        }
    }
}
