using System.Text;
using IgAdvisor.Engine.Answers;

namespace IgAdvisor.Rendering;

/// <summary>Markdown: a title, one level-2 heading per section, level-3 headings per context, cited bullets, numbered references.</summary>
public static class AnswerMarkdown
{
    public static string Render(Answer a)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(a.Title)).AppendLine();
        md.Append("> ").AppendLine(Escape(a.Question)).AppendLine();
        if (a.Message is { } message) md.AppendLine(Escape(message)).AppendLine();
        if (!a.Candidates.IsEmpty)
        {
            md.AppendLine(a.Status == AnswerStatus.Ambiguous ? "Candidates:" : "Nearest covered conditions:").AppendLine();
            var n = 1;
            foreach (var c in a.Candidates)
                md.Append(n++).Append(". ").Append(Escape(c.Name)).Append(c.Id is { } id ? $" (`{id}`{(c.Context is { } ctx ? $", {ctx}" : "")})" : " (not covered)").Append(" — ").AppendLine(Escape(c.Reason));
            md.AppendLine();
        }
        foreach (var section in a.Sections)
        {
            md.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var group in section.Groups)
            {
                if (group.Heading is { } heading) md.Append("### ").AppendLine(Escape(heading)).AppendLine();
                foreach (var s in group.Statements) md.Append("- ").Append(Escape(s.Text)).AppendLine(Markers(s));
                md.AppendLine();
            }
        }
        if (!a.References.IsEmpty)
        {
            md.AppendLine("## References").AppendLine();
            foreach (var r in a.References)
            {
                md.Append(r.Number).Append(". ").Append(Escape(r.Citation)).Append(" *").Append(Wording.Capitalise(Wording.SourceType(r.Type))).Append("; ")
                  .Append(r.Direct ? "direct" : "indirect" + (r.IndirectReason is { } why ? ": " + Escape(why) : "")).AppendLine("*");
            }
            md.AppendLine();
        }
        md.AppendLine("---").AppendLine();
        md.AppendLine(Escape(FooterLine(a)));
        return md.ToString();
    }

    public static string FooterLine(Answer a)
    {
        var line = $"IgAdvisor knowledge base {a.Footer.KnowledgeBaseVersion} (released {a.Footer.KnowledgeBaseReleased:yyyy-MM-dd})";
        if (a.Condition is { } c && a.Footer.LastReviewed is { } reviewed) line += $"; {c.Name} last reviewed {reviewed:yyyy-MM-dd}";
        return line + ". " + a.Footer.Disclaimer;
    }

    private static string Markers(AnswerStatement s) => s.Citations.IsEmpty ? "" : " [" + string.Join(", ", s.Citations) + "]";

    /// <summary>Escapes the characters that would change Markdown's meaning inside running text.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
