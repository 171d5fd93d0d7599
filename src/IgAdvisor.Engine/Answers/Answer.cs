using System.Collections.Immutable;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Answers;

/// <summary>The contract status of an answer (PRODUCT.md): answered, ambiguous or not-covered.</summary>
public enum AnswerStatus { Answered, Ambiguous, NotCovered }

/// <summary>One sentence of an answer and the numbers of the references behind it.</summary>
public sealed record AnswerStatement(string Text, ImmutableArray<int> Citations);

/// <summary>Statements under one heading of a section: the condition-wide ones (no context) or one context's.</summary>
public sealed record AnswerGroup(ContextId? Context, string? Heading, ImmutableArray<AnswerStatement> Statements);

/// <summary>One answer section in PRODUCT.md's order, with its groups.</summary>
public sealed record AnswerSection(SectionKind Kind, string Title, ImmutableArray<AnswerGroup> Groups)
{
    public IEnumerable<AnswerStatement> Statements => Groups.SelectMany(g => g.Statements);
}

/// <summary>The verdict for one context, as rendered: the first one is the headline.</summary>
public sealed record AnswerVerdict(ContextId Context, string ContextName, Role Role, Strength Strength, Certainty? Certainty, string Summary, ImmutableArray<int> Citations);

/// <summary>A numbered reference: full citation, evidence type, and whether it addresses the condition directly.</summary>
public sealed record AnswerReference(int Number, SourceId Id, string Citation, SourceType Type, bool Direct, string? IndirectReason);

/// <summary>Version and review date printed under every answer.</summary>
public sealed record AnswerFooter(string KnowledgeBaseVersion, DateOnly KnowledgeBaseReleased, DateOnly? LastReviewed, string Disclaimer);

/// <summary>
/// A composed answer: everything a renderer prints, nothing it has to decide. Renderers only lay
/// this out; the clinical content and its order are fixed here.
/// </summary>
public sealed record Answer(
    AnswerStatus Status,
    string Question,
    string Title,
    Condition? Condition,
    ClinicalContext? LeadingContext,
    string Intent,
    string? Message,
    ImmutableArray<AnswerVerdict> Verdicts,
    ImmutableArray<AnswerSection> Sections,
    ImmutableArray<AnswerReference> References,
    ImmutableArray<Candidate> Candidates,
    AnswerFooter Footer,
    QuestionReading Reading);
