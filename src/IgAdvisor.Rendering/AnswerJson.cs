using System.Collections.Immutable;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering;

/// <summary>
/// The JSON contract of <c>ask --format json</c> (PRODUCT.md): status, condition (answered only),
/// verdicts (headline first), sections with cited statements, numbered references, candidates.
/// </summary>
public static class AnswerJson
{
    public sealed record ConditionDto(string Id, string Name);
    public sealed record ContextDto(string Id, string Name, string Choice);
    public sealed record VerdictDto(string Context, string ContextName, string Role, string Strength, string? Certainty, string Summary, ImmutableArray<int> Citations);
    public sealed record StatementDto(string Text, ImmutableArray<int> Citations, string? Context);
    public sealed record SectionDto(string Key, string Title, ImmutableArray<StatementDto> Statements);
    public sealed record ReferenceDto(int Number, string Id, string Citation, string Type, bool Direct, string? IndirectReason);
    public sealed record CandidateDto(string? Id, string Name, string? Context, string Reason);
    public sealed record KnowledgeBaseDto(string Version, string Released, string? LastReviewed);
    public sealed record ReadingDto(ImmutableArray<string> Recognised, ImmutableArray<string> Corrections, double Confidence);
    public sealed record AnswerDto(
        string Status, string Question, string Title, string Intent, ConditionDto? Condition, ContextDto? Context, string? Message,
        ImmutableArray<VerdictDto> Verdicts, ImmutableArray<SectionDto> Sections, ImmutableArray<ReferenceDto> References,
        ImmutableArray<CandidateDto> Candidates, KnowledgeBaseDto KnowledgeBase, ReadingDto Reading, string Disclaimer);

    public static AnswerDto ToDto(Answer a) => new(
        Status(a.Status),
        a.Question,
        a.Title,
        a.Intent,
        a.Condition is { } c ? new ConditionDto(c.Id.Value, c.Name) : null,
        a.LeadingContext is { } ctx ? new ContextDto(ctx.Id.Value, ctx.Name, EnumText.ToText(a.Reading.ContextChoice)) : null,
        a.Message,
        [.. a.Verdicts.Select(v => new VerdictDto(v.Context.Value, v.ContextName, EnumText.ToText(v.Role), EnumText.ToText(v.Strength),
            v.Certainty is { } cert ? EnumText.ToText(cert) : null, v.Summary, v.Citations))],
        [.. a.Sections.Select(s => new SectionDto(EnumText.ToText(s.Kind), s.Title,
            [.. s.Groups.SelectMany(g => g.Statements.Select(st => new StatementDto(st.Text, st.Citations, g.Context?.Value)))]))],
        [.. a.References.Select(r => new ReferenceDto(r.Number, r.Id.Value, r.Citation, EnumText.ToText(r.Type), r.Direct, r.IndirectReason))],
        [.. a.Candidates.Select(Candidate)],
        new KnowledgeBaseDto(a.Footer.KnowledgeBaseVersion, a.Footer.KnowledgeBaseReleased.ToString("yyyy-MM-dd"), a.Footer.LastReviewed?.ToString("yyyy-MM-dd")),
        new ReadingDto(a.Reading.Recognised, a.Reading.Corrections, Math.Round(a.Reading.Confidence, 3)),
        a.Footer.Disclaimer);

    public static CandidateDto Candidate(Candidate c) => new(c.Id?.Value, c.Name, c.Context?.Value, c.Reason);

    public static string Status(AnswerStatus status) => status switch
    {
        AnswerStatus.Answered => "answered",
        AnswerStatus.Ambiguous => "ambiguous",
        _ => "not-covered",
    };

    public static string Render(Answer answer) => Json.Serialize(ToDto(answer));
}
