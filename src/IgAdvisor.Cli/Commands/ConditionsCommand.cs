using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using IgAdvisor.Rendering;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary><c>igadvisor conditions</c>: every covered condition with its contexts and verdicts.</summary>
[Description("List the conditions the knowledge base covers, with each context's role of immunoglobulin.")]
public sealed class ConditionsCommand(CliConsole console) : Command<ConditionsCommand.Settings>
{
    public sealed class Settings : CommonSettings;

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        var advisor = KnowledgeSession.Open(settings.KnowledgeDirectory, console);
        if (advisor is null) return ExitCodes.Invalid;
        console.Out.Write(ConditionList.Render(advisor.KnowledgeBase, settings.ResolveFormat(OutputFormat.Text) switch
        {
            OutputFormat.Json => ConditionList.Format.Json,
            OutputFormat.Markdown => ConditionList.Format.Markdown,
            OutputFormat.Html => ConditionList.Format.Html,
            _ => ConditionList.Format.Text,
        }, console.IsTerminal));
        return ExitCodes.Success;
    }
}
