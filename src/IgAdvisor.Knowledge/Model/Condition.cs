using System.Collections.Immutable;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Knowledge.Model;

/// <summary>One sentence or three of clinical knowledge and the sources behind it (never empty).</summary>
public sealed record Statement(string Text, ImmutableArray<SourceId> Citations, Origin Origin);

/// <summary>Statements grouped by the answer section they belong to.</summary>
public sealed record SectionStatements(ImmutableDictionary<SectionKind, ImmutableArray<Statement>> BySection)
{
    public static SectionStatements Empty { get; } = new(ImmutableDictionary<SectionKind, ImmutableArray<Statement>>.Empty);

    public ImmutableArray<Statement> this[SectionKind kind] => BySection.TryGetValue(kind, out var s) ? s : [];

    public IEnumerable<Statement> All => BySection.Values.SelectMany(s => s);
}

/// <summary>IgAdvisor's verdict on immunoglobulin in one clinical context.</summary>
public sealed record Verdict(Role Role, Strength Strength, Certainty? Certainty, string Summary, ImmutableArray<SourceId> Citations, Origin Origin);

/// <summary>
/// What one guideline body or national programme says about immunoglobulin in a context, with
/// the strength and grade in the body's own words and the programme's own category.
/// </summary>
public sealed record Position(
    SourceId Source,
    string Body,
    int Year,
    PositionKind Kind,
    Role Role,
    Strength? Strength,
    string? Grade,
    string? Category,
    string Text,
    Origin Origin);

/// <summary>A study as evidence: design, size, follow-up and result.</summary>
public sealed record Study(
    SourceId Source,
    string Design,
    int? Participants,
    string? FollowUp,
    string? Population,
    string? Intervention,
    string Result,
    Origin Origin);

/// <summary>One line of a treatment algorithm and what triggers escalation from it.</summary>
public sealed record AlgorithmStep(
    string Id,
    string Line,
    string Action,
    string? EscalateWhen,
    bool UsesImmunoglobulin,
    CriterionTest? CompletedWhen,
    ImmutableArray<SourceId> Citations,
    Origin Origin)
{
    /// <summary>A rescue that may come at any point of the algorithm: the steps listed before it are not prerequisites.</summary>
    public bool AtAnyLine { get; init; }
}

/// <summary>
/// An immunoglobulin regimen as data. <see cref="Days"/> infusion days make one course; courses
/// repeat every <see cref="Interval"/> when one is given.
/// </summary>
public sealed record Regimen(
    string Id,
    string Name,
    RegimenPurpose Purpose,
    Route Route,
    Population Population,
    DoseSpec Dose,
    int Days,
    Quantity? Interval,
    string? ContinueFor,
    string? InfusionTime,
    DoseSpec? MaxDailyDose,
    Grams? MaxCourse,
    ProductId? Product,
    ImmutableArray<SourceId> Citations,
    Origin Origin);

/// <summary>A clinical situation within a condition in which the answer about immunoglobulin differs.</summary>
public sealed record ClinicalContext(
    ContextId Id,
    string Name,
    ImmutableArray<string> Facets,
    ImmutableArray<string> Terms,
    CriterionTest? SelectWhen,
    Verdict Verdict,
    ImmutableArray<Position> Positions,
    SectionStatements Sections,
    ImmutableArray<Study> Studies,
    ImmutableArray<AlgorithmStep> Algorithm,
    ImmutableArray<Regimen> Regimens,
    ImmutableArray<Criterion> Qualifying,
    ImmutableArray<ReviewCriterion> Review,
    ImmutableArray<Caution> Cautions,
    ConditionCodes Codes,
    Origin Origin);

/// <summary>ICD-10-CM and SNOMED CT codes of a condition (or of one of its contexts).</summary>
public sealed record ConditionCodes(ImmutableArray<string> Icd10Cm, ImmutableArray<string> SnomedCt)
{
    public static ConditionCodes Empty { get; } = new([], []);
}

/// <summary>A condition, its clinical contexts and the knowledge common to all of them.</summary>
public sealed record Condition(
    ConditionId Id,
    string Name,
    string Short,
    ImmutableArray<string> Abbreviations,
    ImmutableArray<string> Synonyms,
    ConditionCodes Codes,
    ClinicalArea Area,
    DateOnly LastReviewed,
    string Title,
    ContextId Headline,
    ImmutableArray<Statement> BottomLine,
    ImmutableArray<Statement> Closing,
    ImmutableDictionary<SourceId, string> IndirectReasons,
    SectionStatements Sections,
    ImmutableArray<Regimen> Regimens,
    ImmutableArray<Caution> Cautions,
    ImmutableArray<ClinicalContext> Contexts,
    Origin Origin)
{
    /// <summary>The context with <paramref name="id"/>, or null.</summary>
    public ClinicalContext? Context(ContextId id) => Contexts.FirstOrDefault(c => c.Id == id);

    /// <summary>The headline context: the one that leads when a question names none.</summary>
    public ClinicalContext HeadlineContext => Context(Headline) ?? Contexts[0];

    /// <summary>Every regimen of the condition, condition-wide ones first.</summary>
    public IEnumerable<Regimen> AllRegimens => Regimens.Concat(Contexts.SelectMany(c => c.Regimens));
}
