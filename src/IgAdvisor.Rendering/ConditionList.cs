using System.Net;
using System.Text;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering;

/// <summary>The list of covered conditions, grouped by area, with each context's verdict.</summary>
public static class ConditionList
{
    public enum Format { Text, Markdown, Html, Json }

    public sealed record ContextDto(string Id, string Name, string Role, string Strength);
    public sealed record ConditionDto(string Id, string Name, string Area, IReadOnlyList<string> Abbreviations, IReadOnlyList<string> Icd10Cm,
        string Headline, string LastReviewed, IReadOnlyList<ContextDto> Contexts);

    public static IReadOnlyList<ConditionDto> ToDto(KnowledgeBase kb) => [.. kb.Conditions
        .OrderBy(c => c.Area).ThenBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => new ConditionDto(c.Id.Value, c.Name, EnumText.ToText(c.Area), c.Abbreviations, c.Codes.Icd10Cm, c.Headline.Value,
            c.LastReviewed.ToString("yyyy-MM-dd"),
            [.. c.Contexts.Select(x => new ContextDto(x.Id.Value, x.Name, EnumText.ToText(x.Verdict.Role), EnumText.ToText(x.Verdict.Strength)))]))];

    public static string Render(KnowledgeBase kb, Format format, bool colour = false)
    {
        var conditions = ToDto(kb);
        if (format == Format.Json)
            return Json.Serialize(new { knowledgeBase = kb.Version, count = conditions.Count, conditions }) + Environment.NewLine;
        var b = new StringBuilder();
        switch (format)
        {
            case Format.Markdown:
                b.AppendLine($"# Conditions covered (knowledge base {kb.Version})").AppendLine();
                foreach (var area in conditions.GroupBy(c => c.Area))
                {
                    b.AppendLine($"## {Wording.Capitalise(area.Key)}").AppendLine().AppendLine("| Condition | Id | Contexts: role of immunoglobulin |").AppendLine("|---|---|---|");
                    foreach (var c in area)
                        b.AppendLine($"| {AnswerMarkdown.Escape(c.Name)} | `{c.Id}` | {string.Join("; ", c.Contexts.Select(x => $"{AnswerMarkdown.Escape(x.Name)}: {x.Role}"))} |");
                    b.AppendLine();
                }
                break;
            case Format.Html:
                b.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IgAdvisor conditions</title>");
                b.Append("<style>").Append(AnswerHtml.Style).AppendLine("</style></head><body>");
                b.AppendLine($"<h1>Conditions covered</h1><p>Knowledge base {WebUtility.HtmlEncode(kb.Version)}</p>");
                foreach (var area in conditions.GroupBy(c => c.Area))
                {
                    b.AppendLine($"<h2>{WebUtility.HtmlEncode(Wording.Capitalise(area.Key))}</h2><table class=\"verdicts\"><tr><th>Condition</th><th>Id</th><th>Contexts</th></tr>");
                    foreach (var c in area)
                        b.AppendLine($"<tr><td>{WebUtility.HtmlEncode(c.Name)}</td><td><code>{c.Id}</code></td><td>{string.Join("<br>", c.Contexts.Select(x => $"{WebUtility.HtmlEncode(x.Name)}: <span class=\"role-{x.Role}\">{x.Role}</span>"))}</td></tr>");
                    b.AppendLine("</table>");
                }
                b.AppendLine("</body></html>");
                break;
            default:
                var t = new TextLayout(100, colour);
                t.Heading($"CONDITIONS COVERED ({conditions.Count}, knowledge base {kb.Version})", "1;36").Line();
                foreach (var area in conditions.GroupBy(c => c.Area))
                {
                    t.Heading(Wording.Capitalise(area.Key), "1;33");
                    foreach (var c in area)
                        t.Wrapped("  ", $"{c.Name} [{c.Id}] — {string.Join("; ", c.Contexts.Select(x => $"{x.Name}: {x.Role}"))}");
                    t.Line();
                }
                b.Append(t);
                break;
        }
        return b.ToString();
    }
}
