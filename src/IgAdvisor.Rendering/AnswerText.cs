using IgAdvisor.Engine.Answers;

namespace IgAdvisor.Rendering;

/// <summary>Plain text for a terminal, readable at 100 columns; colour only when the caller says the output is a terminal.</summary>
public static class AnswerText
{
    public static string Render(Answer a, int width = 100, bool colour = false)
    {
        var t = new TextLayout(width, colour);
        t.Heading(a.Title.ToUpperInvariant(), "1;36").Wrapped("Q: ", a.Question).Line();
        if (a.Message is { } message) t.Wrapped("", message).Line();
        if (!a.Candidates.IsEmpty)
        {
            t.Heading(a.Status == AnswerStatus.Ambiguous ? "Candidates" : "Nearest covered conditions");
            var n = 1;
            foreach (var c in a.Candidates)
                t.Wrapped($"  {n++}. ", $"{c.Name}{(c.Id is { } id ? $" [{id}]" : " (not covered)")} — {c.Reason}");
            t.Line();
        }
        foreach (var section in a.Sections)
        {
            t.Heading(section.Title, "1;33");
            foreach (var group in section.Groups)
            {
                if (group.Heading is { } heading) t.Wrapped("  ", t.Style(heading, "1"));
                foreach (var s in group.Statements)
                    t.Wrapped(group.Heading is null ? "  • " : "    • ", s.Text + (s.Citations.IsEmpty ? "" : " " + t.Style("[" + string.Join(",", s.Citations) + "]", "2")));
            }
            t.Line();
        }
        if (!a.References.IsEmpty)
        {
            t.Heading("References", "1;33");
            foreach (var r in a.References)
            {
                var kind = $"({Wording.SourceType(r.Type)}; {(r.Direct ? "direct" : "indirect" + (r.IndirectReason is { } why ? ": " + why : ""))})";
                t.Wrapped($"  {r.Number,2}. ", $"{r.Citation} {t.Style(kind, "2")}");
            }
            t.Line();
        }
        t.Wrapped("", t.Style(AnswerMarkdown.FooterLine(a), "2"));
        return t.ToString();
    }
}
