using System.Net;
using System.Text;
using IgAdvisor.Engine.Answers;

namespace IgAdvisor.Rendering;

/// <summary>One standalone HTML page: inline style, citations linked to their references, no scripts.</summary>
public static class AnswerHtml
{
    public const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}
        h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:1.8rem}
        h3{font-size:1rem;color:#36414d;margin:1rem 0 .3rem}blockquote{margin:0 0 1rem;color:#57606a;border-left:3px solid #d0d7de;padding-left:.8rem}
        sup a{text-decoration:none}ol.refs li{margin-bottom:.4rem}.type{color:#57606a;font-style:italic}.indirect{color:#9a6700}
        .verdicts{border-collapse:collapse;margin:.6rem 0}.verdicts td,.verdicts th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        footer{margin-top:2rem;font-size:.85rem;color:#57606a;border-top:1px solid #d0d7de;padding-top:.6rem}
        .role-first-line,.role-second-line{color:#1a7f37}.role-adjunct,.role-exceptional{color:#9a6700}.role-not-recommended,.role-recommended-against{color:#cf222e}
        """;

    public static string Render(Answer a)
    {
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(a.Title)).AppendLine(" — IgAdvisor</title>");
        h.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        h.Append("<h1>").Append(E(a.Title)).AppendLine("</h1>");
        h.Append("<blockquote>").Append(E(a.Question)).AppendLine("</blockquote>");
        if (a.Message is { } message) h.Append("<p>").Append(E(message)).AppendLine("</p>");
        if (!a.Candidates.IsEmpty)
        {
            h.Append("<p>").Append(a.Status == AnswerStatus.Ambiguous ? "Candidates:" : "Nearest covered conditions:").AppendLine("</p><ol>");
            foreach (var c in a.Candidates)
                h.Append("<li>").Append(E(c.Name)).Append(c.Id is { } id ? $" (<code>{E(id.Value)}</code>)" : " (not covered)").Append(" — ").Append(E(c.Reason)).AppendLine("</li>");
            h.AppendLine("</ol>");
        }
        if (!a.Verdicts.IsEmpty)
        {
            h.AppendLine("<table class=\"verdicts\"><tr><th>Context</th><th>Role of immunoglobulin</th><th>Strength</th></tr>");
            foreach (var v in a.Verdicts)
            {
                var role = Knowledge.Model.EnumText.ToText(v.Role);
                h.Append("<tr><td>").Append(E(v.ContextName)).Append("</td><td class=\"role-").Append(role).Append("\">").Append(E(Wording.Role(v.Role)))
                 .Append("</td><td>").Append(E(Wording.Strength(v.Strength))).AppendLine("</td></tr>");
            }
            h.AppendLine("</table>");
        }
        foreach (var section in a.Sections)
        {
            h.Append("<section><h2>").Append(E(section.Title)).AppendLine("</h2>");
            foreach (var group in section.Groups)
            {
                if (group.Heading is { } heading) h.Append("<h3>").Append(E(heading)).AppendLine("</h3>");
                h.AppendLine("<ul>");
                foreach (var s in group.Statements) h.Append("<li>").Append(E(s.Text)).Append(Markers(s)).AppendLine("</li>");
                h.AppendLine("</ul>");
            }
            h.AppendLine("</section>");
        }
        if (!a.References.IsEmpty)
        {
            h.AppendLine("<section><h2>References</h2><ol class=\"refs\">");
            foreach (var r in a.References)
            {
                h.Append("<li id=\"ref-").Append(r.Number).Append("\">").Append(E(r.Citation)).Append(" <span class=\"type\">")
                 .Append(E(Wording.Capitalise(Wording.SourceType(r.Type)))).Append(";</span> ")
                 .Append(r.Direct ? "<span class=\"type\">direct</span>" : "<span class=\"indirect\">indirect" + (r.IndirectReason is { } why ? ": " + E(why) : "") + "</span>")
                 .AppendLine("</li>");
            }
            h.AppendLine("</ol></section>");
        }
        h.Append("<footer>").Append(E(AnswerMarkdown.FooterLine(a))).AppendLine("</footer>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    private static string Markers(AnswerStatement s) =>
        s.Citations.IsEmpty ? "" : " <sup>" + string.Join(",", s.Citations.Select(n => $"<a href=\"#ref-{n}\">{n}</a>")) + "</sup>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
