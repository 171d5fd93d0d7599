using System.Net;
using System.Text;

namespace IgAdvisor.Rendering.Reports;

/// <summary>A report as one standalone HTML page with the answer pages' style; no scripts.</summary>
public static class ReportHtml
{
    private const string ExtraStyle = ".facts th{text-align:left;padding-right:1rem;font-weight:600}.emphasis{font-weight:600;color:#9a6700}";

    public static string Render(Report report)
    {
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(report.Title)).AppendLine(" — IgAdvisor</title>");
        h.Append("<style>").Append(AnswerHtml.Style).Append(ExtraStyle).AppendLine("</style></head><body>");
        h.Append("<h1>").Append(E(report.Title)).AppendLine("</h1>");
        if (report.Lead is { } lead) h.Append("<p>").Append(E(lead)).AppendLine("</p>");
        foreach (var section in report.Sections)
        {
            h.Append("<section><h2>").Append(E(section.Title)).AppendLine("</h2>");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        h.Append("<p>").Append(E(p.Text)).AppendLine("</p>");
                        break;
                    case ReportList list:
                        h.AppendLine("<ul>");
                        foreach (var item in list.Items)
                        {
                            h.Append(item.Emphasis ? "<li class=\"emphasis\">" : "<li>").Append(E(item.Text));
                            if (!item.Details.IsEmpty)
                            {
                                h.Append("<ul>");
                                foreach (var d in item.Details) h.Append("<li>").Append(E(d)).Append("</li>");
                                h.Append("</ul>");
                            }
                            h.AppendLine("</li>");
                        }
                        h.AppendLine("</ul>");
                        break;
                    case ReportFacts facts:
                        h.AppendLine("<table class=\"facts\">");
                        foreach (var (label, value) in facts.Rows) h.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).AppendLine("</td></tr>");
                        h.AppendLine("</table>");
                        break;
                    case ReportTable table:
                        h.Append("<table class=\"verdicts\"><tr>");
                        foreach (var head in table.Header) h.Append("<th>").Append(E(head)).Append("</th>");
                        h.AppendLine("</tr>");
                        foreach (var row in table.Rows)
                        {
                            h.Append("<tr>");
                            foreach (var cell in row) h.Append("<td>").Append(E(cell)).Append("</td>");
                            h.AppendLine("</tr>");
                        }
                        h.AppendLine("</table>");
                        break;
                }
            }
            h.AppendLine("</section>");
        }
        if (!report.Footer.IsEmpty) h.Append("<footer>").Append(string.Join("<br>", report.Footer.Select(E))).AppendLine("</footer>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
