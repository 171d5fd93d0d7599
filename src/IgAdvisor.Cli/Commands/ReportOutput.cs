using IgAdvisor.Rendering.Reports;

namespace IgAdvisor.Cli.Commands;

/// <summary>A report in the format asked for (JSON has its own contract per command).</summary>
internal static class ReportOutput
{
    public static string Render(Report report, OutputFormat format, bool terminal) => format switch
    {
        OutputFormat.Html => ReportHtml.Render(report),
        OutputFormat.Markdown => ReportMarkdown.Render(report),
        _ => ReportText.Render(report, 100, colour: terminal),
    };
}
