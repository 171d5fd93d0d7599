using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat { Text, Markdown, Html, Json }

/// <summary>Options every command takes.</summary>
public class CommonSettings : CommandSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: text, markdown, html or json.")]
    public string? Format { get; init; }

    [CommandOption("--kb <DIRECTORY>")]
    [Description("Knowledge base directory (default: $IGADVISOR_KNOWLEDGE, else the copy beside the program).")]
    public string? KnowledgeDirectory { get; init; }

    /// <summary>The format asked for, or <paramref name="fallback"/> when none was.</summary>
    public OutputFormat ResolveFormat(OutputFormat fallback) =>
        Format is null ? fallback : Enum.Parse<OutputFormat>(Format, ignoreCase: true);

    public override ValidationResult Validate()
    {
        if (Format is not null && !Enum.TryParse<OutputFormat>(Format, ignoreCase: true, out _))
            return ValidationResult.Error($"--format '{Format}' is not one of text, markdown, html, json");
        return ValidationResult.Success();
    }
}
