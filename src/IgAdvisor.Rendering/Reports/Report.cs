using System.Collections.Immutable;

namespace IgAdvisor.Rendering.Reports;

/// <summary>
/// A computed result (a dose, an evaluation) as a document: a title, sections of blocks, a footer.
/// The builders decide what to say; <see cref="ReportMarkdown"/>, <see cref="ReportText"/> and
/// <see cref="ReportHtml"/> only decide how it looks, so the three formats never disagree.
/// </summary>
public sealed record Report(string Title, string? Lead, ImmutableArray<ReportSection> Sections, ImmutableArray<string> Footer);

public sealed record ReportSection(string Title, ImmutableArray<ReportBlock> Blocks);

/// <summary>One block of a section.</summary>
public abstract record ReportBlock;

public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A list; an item with <c>Emphasis</c> stands out (a caution that applies, a warning).</summary>
public sealed record ReportList(ImmutableArray<ReportItem> Items) : ReportBlock;

public sealed record ReportItem(string Text, bool Emphasis = false, ImmutableArray<string> Details = default)
{
    public ImmutableArray<string> Details { get; init; } = Details.IsDefault ? [] : Details;
}

/// <summary>Labelled values ("Dosing weight: 70.2 kg").</summary>
public sealed record ReportFacts(ImmutableArray<(string Label, string Value)> Rows) : ReportBlock;

public sealed record ReportTable(ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows) : ReportBlock;
