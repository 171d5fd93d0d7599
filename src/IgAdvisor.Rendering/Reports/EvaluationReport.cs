using System.Collections.Immutable;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering.Reports;

/// <summary>
/// What <c>igadvisor evaluate</c> shows: the decision and why, the facts still needed, each
/// qualifying criterion with the facts it used, the position on the treatment algorithm, the
/// cautions for this patient with what to do, the dose, and numbered references.
/// </summary>
public static class EvaluationReport
{
    public static Report Build(Evaluation e, KnowledgeBase kb)
    {
        var refs = new References(kb);
        var sections = ImmutableArray.CreateBuilder<ReportSection>();
        sections.Add(new ReportSection("Decision", DecisionBlocks(e, refs)));
        if (!e.MissingFacts.IsEmpty)
            sections.Add(new ReportSection("Facts still needed", [new ReportList([.. e.MissingFacts.Select(m => new ReportItem($"{m.Question} ({m.Id})"))])]));
        if (!e.Criteria.IsEmpty)
            sections.Add(new ReportSection("Qualifying criteria", [new ReportList([.. e.Criteria.Select(c => Criterion(c, refs))])]));
        if (e.Position is { Steps.IsEmpty: false } position)
            sections.Add(new ReportSection("Treatment algorithm", Algorithm(position, refs)));
        sections.Add(new ReportSection("Cautions for this patient", Cautions(e, refs)));
        sections.Add(new ReportSection("Dose", DoseBlocks(e, kb)));
        if (!e.Patient.Notes.IsEmpty)
            sections.Add(new ReportSection("Notes on the record", [new ReportList([.. e.Patient.Notes.Select(n => new ReportItem(n))])]));
        if (refs.Count > 0)
            sections.Add(new ReportSection("References", [new ReportList([.. refs.Listed.Select((s, i) => new ReportItem($"[{i + 1}] {Wording.Citation(s)}"))])]));
        var title = $"Immunoglobulin for this patient: {e.Condition.Name}{(e.Context is { } ctx ? $", {ctx.Name}" : "")}";
        return new Report(title, $"{DecisionText(e.Decision)}: {Wording.EnsurePeriod(e.Reason)}", sections.ToImmutable(), DoseReport.Footer(kb));
    }

    public static string DecisionText(Decision d) => d switch
    {
        Decision.Indicated => "Indicated",
        Decision.IndicatedWithConditions => "Indicated with conditions",
        Decision.NotIndicated => "Not indicated",
        _ => "Insufficient information",
    };

    private static ImmutableArray<ReportBlock> DecisionBlocks(Evaluation e, References refs)
    {
        var rows = ImmutableArray.CreateBuilder<(string, string)>();
        rows.Add(("Decision", DecisionText(e.Decision)));
        rows.Add(("Why", Wording.EnsurePeriod(e.Reason)));
        rows.Add(("Context", e.Context is { } c ? $"{c.Name} ({e.ContextReason})" : e.ContextReason));
        if (e.Context is { } context)
        {
            var v = context.Verdict;
            rows.Add(("Immunoglobulin here", $"{Wording.Capitalise(Wording.Role(v.Role))}; {Wording.Strength(v.Strength)}. {Wording.EnsurePeriod(v.Summary)}{refs.Mark(v.Citations)}"));
        }
        // The facts for and against are the criteria below, each with the facts it used.
        return [new ReportFacts(rows.ToImmutable())];
    }

    private static ReportItem Criterion(CriterionResult c, References refs)
    {
        var details = ImmutableArray.CreateBuilder<string>();
        if (!c.FactsUsed.IsEmpty) details.Add($"facts used: {string.Join("; ", c.FactsUsed)}");
        if (!c.MissingFacts.IsEmpty) details.Add($"would be settled by: {string.Join(", ", c.MissingFacts)}");
        return new ReportItem($"[{Status(c.Status)}] {Wording.Criterion(c.Criterion)}{refs.Mark(c.Criterion.Citations)}", c.Status == TestStatus.NotMet, details.ToImmutable());
    }

    private static ImmutableArray<ReportBlock> Algorithm(AlgorithmPosition p, References refs)
    {
        var items = p.Steps.Select((s, i) => new ReportItem(
            $"{(s.Step == p.Current ? "→ " : "")}[{StepStatus(s.Status)}] {Wording.Step(i + 1, s.Step)}{refs.Mark(s.Step.Citations)}", s.Step == p.Current));
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        blocks.Add(new ReportList([.. items]));
        if (!p.StillToDoBeforeImmunoglobulin.IsEmpty)
            blocks.Add(new ReportParagraph($"Before immunoglobulin: {string.Join("; ", p.StillToDoBeforeImmunoglobulin.Select(s => Wording.Decapitalise(s.Action).TrimEnd('.')))}."));
        return blocks.ToImmutable();
    }

    private static ImmutableArray<ReportBlock> Cautions(Evaluation e, References refs)
    {
        if (e.Cautions.IsEmpty) return [new ReportParagraph("No caution applies on the facts given.")];
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        var applies = e.Cautions.Where(c => c.Status == CautionStatus.Applies).ToList();
        blocks.Add(applies.Count == 0
            ? new ReportParagraph("No caution applies on the facts given.")
            : new ReportList([.. applies.Select(c =>
        {
            var details = ImmutableArray.CreateBuilder<string>();
            details.Add($"from: {c.Origin}");
            if (!c.FactsUsed.IsEmpty) details.Add($"facts: {string.Join("; ", c.FactsUsed)}");
            const string status = "applies";
            return new ReportItem($"[{status}, {EnumText.ToText(c.Caution.Severity)}] {Wording.Caution(c.Caution)}{refs.Mark(c.Caution.Citations)}",
                c.Status == CautionStatus.Applies, details.ToImmutable());
        })]));
        // Cautions the facts cannot settle yet: one line each, with the facts that would settle them.
        var possible = e.Cautions.Where(c => c.Status == CautionStatus.Possible).ToList();
        if (possible.Count > 0)
        {
            blocks.Add(new ReportParagraph("Not yet screened (the facts are unknown):"));
            blocks.Add(new ReportList([.. possible.Select(c => new ReportItem(
                $"{FirstSentence(c.Caution.Text)} Would be settled by: {string.Join(", ", c.MissingFacts)}.{refs.Mark(c.Caution.Citations)}"))]));
        }
        return blocks.ToImmutable();
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf("; ", StringComparison.Ordinal);
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        var cut = new[] { end, stop }.Where(i => i > 0).DefaultIfEmpty(-1).Min();
        return Wording.EnsurePeriod(cut > 0 ? text[..cut] : text);
    }

    private static ImmutableArray<ReportBlock> DoseBlocks(Evaluation e, KnowledgeBase kb)
    {
        if (e.Dose is not { } dose)
            return [new ReportParagraph(Wording.Capitalise(Wording.EnsurePeriod(e.DoseNote ?? "no dose was computed")))];
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        blocks.Add(new ReportParagraph(DoseReport.Lead(dose)));
        foreach (var section in DoseReport.Sections(dose, kb))
        {
            blocks.Add(new ReportParagraph($"{section.Title}:"));
            blocks.AddRange(section.Blocks);
        }
        return blocks.ToImmutable();
    }

    private static string Status(TestStatus s) => s switch { TestStatus.Met => "met", TestStatus.NotMet => "not met", _ => "unknown" };
    private static string StepStatus(TestStatus s) => s switch { TestStatus.Met => "done", TestStatus.NotMet => "not done", _ => "not known" };

    /// <summary>Numbers sources in the order they are first cited.</summary>
    private sealed class References(KnowledgeBase kb)
    {
        private readonly List<Source> _listed = [];

        public IReadOnlyList<Source> Listed => _listed;
        public int Count => _listed.Count;

        public string Mark(ImmutableArray<SourceId> citations)
        {
            var numbers = new List<int>();
            foreach (var id in citations)
            {
                if (!kb.Sources.TryGetValue(id, out var source)) continue;
                var index = _listed.IndexOf(source);
                if (index < 0) { _listed.Add(source); index = _listed.Count - 1; }
                numbers.Add(index + 1);
            }
            return numbers.Count == 0 ? "" : $" [{string.Join(",", numbers.Distinct())}]";
        }
    }
}
