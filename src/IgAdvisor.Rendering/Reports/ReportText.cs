namespace IgAdvisor.Rendering.Reports;

/// <summary>A report for a terminal: wrapped at a width, tables in aligned columns, ANSI styles only when asked.</summary>
public static class ReportText
{
    public static string Render(Report report, int width = 100, bool colour = false)
    {
        var t = new TextLayout(width, colour);
        t.Heading(report.Title).Line();
        if (report.Lead is { } lead) t.Wrapped("", lead).Line();
        foreach (var section in report.Sections)
        {
            t.Heading(section.Title.ToUpperInvariant(), "1;36");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        t.Wrapped("", p.Text, 2);
                        break;
                    case ReportList list:
                        foreach (var item in list.Items)
                        {
                            t.Wrapped(item.Emphasis ? "! " : "- ", item.Emphasis ? t.Style(item.Text, "1") : item.Text, 2);
                            foreach (var detail in item.Details) t.Wrapped("· ", detail, 4);
                        }
                        break;
                    case ReportFacts facts:
                        var labelWidth = facts.Rows.Max(r => r.Label.Length) + 1;
                        foreach (var (label, value) in facts.Rows) t.Wrapped((label + ":").PadRight(labelWidth + 1), value, 2);
                        break;
                    case ReportTable table:
                        var widths = table.Header.Select((h, i) => Math.Max(h.Length, table.Rows.Select(r => i < r.Length ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
                        t.Line("  " + t.Style(Row(table.Header, widths), "1"));
                        foreach (var row in table.Rows) t.Line("  " + Row(row, widths));
                        break;
                }
            }
            t.Line();
        }
        foreach (var line in report.Footer) t.Wrapped("", t.Style(line, "2"));
        return t.ToString();
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
