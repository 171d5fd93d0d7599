using System.Collections.Immutable;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering.Reports;

/// <summary>
/// The JSON contract of <c>evaluate --format json</c> (docs/patient-facts.md): decision (indicated,
/// indicated-with-conditions, not-indicated, insufficient-information), missingFacts, criteria (id,
/// status met / not-met / unknown, the facts used), dose (as <c>dose</c> gives it; absent without a
/// weight) and cautions, with the context, algorithm position and references behind them.
/// </summary>
public static class EvaluationJson
{
    public sealed record NamedDto(string Id, string Name);
    public sealed record ContextDto(string Id, string Name, string Reason);
    public sealed record VerdictDto(string Role, string Strength, string Summary, ImmutableArray<string> Citations);
    public sealed record MissingDto(string Id, string Question);
    public sealed record CriterionDto(string Id, string Text, string Strictness, string Status, ImmutableArray<string> Facts, ImmutableArray<string> Missing, ImmutableArray<string> Citations);
    public sealed record StepDto(string Id, string Line, string Action, string Status, bool UsesImmunoglobulin);
    public sealed record AlgorithmDto(string? Current, ImmutableArray<StepDto> Steps, ImmutableArray<string> BeforeImmunoglobulin);
    public sealed record CautionDto(string Id, string Text, string Action, string Severity, string Status, string Origin, ImmutableArray<string> Facts, ImmutableArray<string> Missing, ImmutableArray<string> Citations);
    public sealed record ReferenceDto(string Id, string Citation);
    public sealed record KnowledgeBaseDto(string Version, string Released);
    public sealed record EvaluationDto(
        string Decision, string Reason, string? Patient, NamedDto Condition, ContextDto? Context, VerdictDto? Verdict,
        ImmutableArray<MissingDto> MissingFacts, ImmutableArray<CriterionDto> Criteria, AlgorithmDto? Algorithm,
        ImmutableArray<string> For, ImmutableArray<string> Against, ImmutableArray<CautionDto> Cautions,
        DoseJson.DoseDto? Dose, string? DoseNote, ImmutableArray<NamedDto> Regimens, ImmutableArray<string> Notes,
        ImmutableArray<ReferenceDto> References, KnowledgeBaseDto KnowledgeBase, string Disclaimer);

    public static EvaluationDto ToDto(Evaluation e, KnowledgeBase kb)
    {
        var cited = new List<SourceId>();
        ImmutableArray<string> Cite(ImmutableArray<SourceId> ids)
        {
            foreach (var id in ids.Where(id => !cited.Contains(id))) cited.Add(id);
            return [.. ids.Select(id => id.Value)];
        }
        var verdict = e.Context?.Verdict is { } v ? new VerdictDto(EnumText.ToText(v.Role), EnumText.ToText(v.Strength), v.Summary, Cite(v.Citations)) : null;
        var criteria = e.Criteria.Select(c => new CriterionDto(c.Criterion.Id, c.Criterion.Text, EnumText.ToText(c.Criterion.Strictness), EnumText.ToText(c.Status),
            c.FactsUsed, c.MissingFacts, Cite(c.Criterion.Citations))).ToImmutableArray();
        var algorithm = e.Position is { } p
            ? new AlgorithmDto(p.Current?.Id, [.. p.Steps.Select(s => new StepDto(s.Step.Id, s.Step.Line, s.Step.Action, EnumText.ToText(s.Status), s.Step.UsesImmunoglobulin))],
                [.. p.StillToDoBeforeImmunoglobulin.Select(s => s.Id)])
            : null;
        var cautions = e.Cautions.Select(c => new CautionDto(c.Caution.Id, c.Caution.Text, c.Caution.Action, EnumText.ToText(c.Caution.Severity),
            EnumText.ToText(c.Status), c.Origin, c.FactsUsed, c.MissingFacts, Cite(c.Caution.Citations))).ToImmutableArray();
        return new EvaluationDto(
            EnumText.ToText(e.Decision), e.Reason, e.Patient.Id, new NamedDto(e.Condition.Id.Value, e.Condition.Name),
            e.Context is { } ctx ? new ContextDto(ctx.Id.Value, ctx.Name, e.ContextReason) : null, verdict,
            [.. e.MissingFacts.Select(m => new MissingDto(m.Id, m.Question))], criteria, algorithm, e.For, e.Against, cautions,
            e.Dose is { } dose ? DoseJson.ToDto(dose, kb) : null, e.DoseNote, [.. e.Regimens.Select(r => new NamedDto(r.Id, r.Name))], e.Patient.Notes,
            [.. cited.Where(kb.Sources.ContainsKey).Select(id => new ReferenceDto(id.Value, Wording.Citation(kb.Sources[id])))],
            new KnowledgeBaseDto(kb.Version, kb.Released.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), AnswerComposer.Disclaimer);
    }

    public static string Render(Evaluation e, KnowledgeBase kb) => Json.Serialize(ToDto(e, kb));
}
