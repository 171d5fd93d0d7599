using System.Text;

namespace IgAdvisor.Rendering.Reports;

/// <summary>A report as GitHub-flavoured Markdown.</summary>
public static class ReportMarkdown
{
    public static string Render(Report report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(report.Title).AppendLine();
        if (report.Lead is { } lead) md.AppendLine(lead).AppendLine();
        foreach (var section in report.Sections)
        {
            md.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        md.AppendLine(p.Text);
                        break;
                    case ReportList list:
                        foreach (var item in list.Items)
                        {
                            md.Append("- ").AppendLine(item.Emphasis ? $"**{item.Text}**" : item.Text);
                            foreach (var detail in item.Details) md.Append("  - ").AppendLine(detail);
                        }
                        break;
                    case ReportFacts facts:
                        foreach (var (label, value) in facts.Rows) md.Append("- **").Append(label).Append(":** ").AppendLine(value);
                        break;
                    case ReportTable table:
                        md.Append("| ").Append(string.Join(" | ", table.Header.Select(Cell))).AppendLine(" |");
                        md.Append('|').Append(string.Concat(table.Header.Select(_ => "---|"))).AppendLine();
                        foreach (var row in table.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
                        break;
                }
                md.AppendLine();
            }
        }
        if (!report.Footer.IsEmpty)
        {
            md.AppendLine("---").AppendLine();
            md.AppendLine(string.Join("  \n", report.Footer.Select(f => $"*{f}*")));
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
