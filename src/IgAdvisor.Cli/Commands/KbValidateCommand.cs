using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IgAdvisor.Knowledge.Diagnostics;
using IgAdvisor.Loading;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary><c>igadvisor kb validate</c>: every problem of the knowledge base at once; exit 0 valid, 1 invalid.</summary>
[Description("Validate the knowledge base and list every problem with its code, file, line and field.")]
public sealed class KbValidateCommand(CliConsole console) : Command<KbValidateCommand.Settings>
{
    public sealed class Settings : CommonSettings;

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        var root = KnowledgeLoader.Locate(settings.KnowledgeDirectory);
        var started = console.Clock.GetTimestamp();
        var result = KnowledgeLoader.Load(root);
        var elapsed = console.Clock.GetElapsedTime(started);
        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        var format = settings.ResolveFormat(OutputFormat.Text);
        switch (format)
        {
            case OutputFormat.Json:
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    valid = result.Succeeded,
                    knowledgeBase = root,
                    version = result.KnowledgeBase?.Version,
                    files = result.FileCount,
                    conditions = result.KnowledgeBase?.Conditions.Length,
                    sources = result.KnowledgeBase?.Sources.Count,
                    errors,
                    warnings,
                    diagnostics = result.Diagnostics.Select(d => new
                    {
                        code = d.Code,
                        severity = d.IsError ? "error" : "warning",
                        file = d.File,
                        line = d.Line,
                        column = d.Column,
                        field = d.Field,
                        message = d.Message,
                    }),
                }, JsonOptions.Indented));
                break;
            case OutputFormat.Markdown or OutputFormat.Html:
                var markdown = format == OutputFormat.Markdown;
                console.Out.WriteLine(markdown ? "| code | severity | location | field | message |\n|---|---|---|---|---|" : "<table><tr><th>code</th><th>severity</th><th>location</th><th>field</th><th>message</th></tr>");
                foreach (var d in result.Diagnostics)
                {
                    var cells = new[] { d.Code, d.IsError ? "error" : "warning", $"{d.File}:{d.Line}", d.Field, d.Message };
                    console.Out.WriteLine(markdown
                        ? "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |"
                        : "<tr>" + string.Concat(cells.Select(c => "<td>" + System.Net.WebUtility.HtmlEncode(c) + "</td>")) + "</tr>");
                }
                if (!markdown) console.Out.WriteLine("</table>");
                break;
            default:
                foreach (var d in result.Diagnostics) console.Out.WriteLine(Format(root, d));
                break;
        }
        var summary = result.KnowledgeBase is { } kb
            ? $"Knowledge base {kb.Version} is valid: {kb.Conditions.Length} conditions, {kb.Sources.Count} sources, {result.FileCount} files, {warnings} warning(s), {elapsed.TotalMilliseconds:0} ms."
            : $"Knowledge base at {root} is INVALID: {errors} error(s), {warnings} warning(s) in {result.FileCount} files.";
        (format == OutputFormat.Json ? console.Error : console.Out).WriteLine(summary);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Invalid;
    }

    /// <summary>MSBuild's canonical message form, so that a build shows the problems in place.</summary>
    private static string Format(string root, Diagnostic d)
    {
        var file = d.Line > 0 ? Path.Combine(root, d.File) : d.File;
        var field = d.Field.Length > 0 ? $"[{d.Field}] " : "";
        return $"{file}({d.Line},{d.Column}): {(d.IsError ? "error" : "warning")} {d.Code}: {field}{d.Message}";
    }
}
