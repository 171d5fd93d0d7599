using System.Collections.Immutable;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Answers;

/// <summary>
/// Composes the answer to a read question: sections in PRODUCT.md's order (the section the intent
/// asks for moved up behind the bottom line), the leading context first in every section, empty
/// sections skipped, and references numbered in order of first citation.
/// </summary>
public sealed class AnswerComposer(KnowledgeBase kb)
{
    public const string Disclaimer = "Clinical decision support: it informs, and does not replace, the judgement of the treating clinician.";

    private static readonly ImmutableArray<SectionKind> Order =
    [
        SectionKind.BottomLine, SectionKind.StandardTreatment, SectionKind.GuidelinePosition, SectionKind.WhereConsidered, SectionKind.Evidence,
        SectionKind.Mechanism, SectionKind.Dosing, SectionKind.Review, SectionKind.Safety, SectionKind.Algorithm, SectionKind.Combinations,
        SectionKind.Pitfalls, SectionKind.SupportiveCare, SectionKind.Emerging, SectionKind.Closing,
    ];

    public Answer Compose(QuestionReading reading)
    {
        if (reading.Status == ReadingStatus.BadInput)
            throw new ArgumentException("A bad-input reading has no answer; report its message instead.", nameof(reading));
        if (reading.Status != ReadingStatus.Answered || reading.Condition is null || reading.Context is null)
            return Unanswered(reading);
        return Compose(reading, reading.Condition, reading.Context, reading.Intent);
    }

    /// <summary>The answer for a condition with <paramref name="leading"/> first, as if asked with <paramref name="intent"/>.</summary>
    public Answer Compose(QuestionReading reading, Condition condition, ClinicalContext leading, string intent)
    {
        var numbers = new CitationNumbers();
        var contexts = condition.Contexts.OrderBy(c => c.Id == leading.Id ? 0 : 1).ToImmutableArray();
        var sections = ImmutableArray.CreateBuilder<AnswerSection>();
        foreach (var kind in SectionOrder(intent))
        {
            var groups = Groups(kind, condition, contexts, numbers);
            if (groups.Any(g => !g.Statements.IsEmpty)) sections.Add(new AnswerSection(kind, Wording.SectionTitle(kind), groups));
        }
        var verdicts = contexts.Select(c => new AnswerVerdict(c.Id, c.Name, c.Verdict.Role, c.Verdict.Strength, c.Verdict.Certainty, c.Verdict.Summary,
            numbers.Peek(c.Verdict.Citations))).ToImmutableArray();
        var references = numbers.InOrder.Select((id, i) =>
        {
            var source = kb.Sources[id];
            var direct = source.IsDirectFor(condition.Id);
            return new AnswerReference(i + 1, id, Wording.Citation(source), source.Type, direct, direct ? null : condition.IndirectReasons.GetValueOrDefault(id));
        }).ToImmutableArray();
        return new Answer(AnswerStatus.Answered, reading.Question, condition.Title, condition, leading, intent, null, verdicts, sections.ToImmutable(), references, [],
            new AnswerFooter(kb.Version, kb.Released, condition.LastReviewed, Disclaimer), reading);
    }

    private Answer Unanswered(QuestionReading reading)
    {
        var ambiguous = reading.Status == ReadingStatus.Ambiguous;
        var title = ambiguous ? "Which condition do you mean?" : "Not covered by IgAdvisor";
        return new Answer(ambiguous ? AnswerStatus.Ambiguous : AnswerStatus.NotCovered, reading.Question, title, null, null, reading.Intent, reading.Message,
            [], [], [], reading.Candidates, new AnswerFooter(kb.Version, kb.Released, null, Disclaimer), reading);
    }

    private IEnumerable<SectionKind> SectionOrder(string intent)
    {
        var leads = kb.Vocabulary.Intents.FirstOrDefault(i => i.Id == intent)?.Leads ?? [];
        var first = leads.Where(l => l is not SectionKind.BottomLine and not SectionKind.Closing).ToList();
        return Order.Take(1).Concat(first).Concat(Order.Skip(1).Where(k => !first.Contains(k)));
    }

    private ImmutableArray<AnswerGroup> Groups(SectionKind kind, Condition condition, ImmutableArray<ClinicalContext> contexts, CitationNumbers numbers)
    {
        var groups = ImmutableArray.CreateBuilder<AnswerGroup>();
        AnswerStatement S(string text, IEnumerable<SourceId> cites) => new(text, numbers.Number(cites));

        switch (kind)
        {
            case SectionKind.BottomLine:
                groups.Add(new AnswerGroup(null, null, [
                    .. condition.BottomLine.Select(s => S(s.Text, s.Citations)),
                    .. contexts.Select(c => S(Wording.Verdict(c), c.Verdict.Citations)),
                ]));
                return groups.ToImmutable();
            case SectionKind.Closing:
                groups.Add(new AnswerGroup(null, null, [.. condition.Closing.Select(s => S(s.Text, s.Citations))]));
                return groups.ToImmutable();
        }

        var general = new List<AnswerStatement>();
        if (kind == SectionKind.Dosing) general.AddRange(condition.Regimens.Select(r => S(Wording.Regimen(r), r.Citations)));
        if (kind == SectionKind.Safety) general.AddRange(condition.Cautions.Select(c => S(Wording.Caution(c), c.Citations)));
        general.AddRange(condition.Sections[kind].Select(s => S(s.Text, s.Citations)));
        if (general.Count > 0) groups.Add(new AnswerGroup(null, null, [.. general]));

        foreach (var context in contexts)
        {
            var items = new List<AnswerStatement>();
            switch (kind)
            {
                case SectionKind.GuidelinePosition:
                    items.AddRange(context.Positions.Select(p => S(Wording.Position(p), [p.Source])));
                    break;
                case SectionKind.WhereConsidered:
                    items.AddRange(context.Qualifying.Select(c => S(Wording.Criterion(c), c.Citations)));
                    break;
                case SectionKind.Evidence:
                    items.AddRange(context.Studies.Select(s => S(Wording.Study(s, kb.Sources[s.Source]), [s.Source])));
                    break;
                case SectionKind.Dosing:
                    items.AddRange(context.Regimens.Select(r => S(Wording.Regimen(r), r.Citations)));
                    break;
                case SectionKind.Review:
                    items.AddRange(context.Review.Select(r => S(Wording.Review(r), r.Citations)));
                    break;
                case SectionKind.Safety:
                    items.AddRange(context.Cautions.Select(c => S(Wording.Caution(c), c.Citations)));
                    break;
                case SectionKind.Algorithm:
                    items.AddRange(context.Algorithm.Select((step, i) => S(Wording.Step(i + 1, step), step.Citations)));
                    break;
            }
            items.AddRange(context.Sections[kind].Select(s => S(s.Text, s.Citations)));
            if (items.Count > 0) groups.Add(new AnswerGroup(context.Id, context.Name, [.. items]));
        }
        return groups.ToImmutable();
    }

    /// <summary>Numbers sources in order of first citation.</summary>
    private sealed class CitationNumbers
    {
        private readonly Dictionary<SourceId, int> _numbers = [];
        private readonly List<SourceId> _order = [];

        public IReadOnlyList<SourceId> InOrder => _order;

        public ImmutableArray<int> Number(IEnumerable<SourceId> ids)
        {
            var result = ImmutableArray.CreateBuilder<int>();
            foreach (var id in ids)
            {
                if (!_numbers.TryGetValue(id, out var n))
                {
                    _order.Add(id);
                    _numbers[id] = n = _order.Count;
                }
                if (!result.Contains(n)) result.Add(n);
            }
            result.Sort();
            return result.ToImmutable();
        }

        /// <summary>Numbers already given (the verdicts were numbered in the bottom line).</summary>
        public ImmutableArray<int> Peek(IEnumerable<SourceId> ids) => Number(ids);
    }
}
