using System.Collections.Immutable;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Patients;

/// <summary>Three-valued result of a test on a patient.</summary>
public enum TestStatus { Met, NotMet, Unknown }

/// <summary>The four decisions of the evaluation contract.</summary>
public enum Decision { Indicated, IndicatedWithConditions, NotIndicated, InsufficientInformation }

/// <summary>A criterion's result with the facts it read ("platelet-count = 25 10*9/L") and those it lacked.</summary>
public sealed record CriterionResult(Criterion Criterion, TestStatus Status, ImmutableArray<string> FactsUsed, ImmutableArray<string> MissingFacts);

/// <summary>Whether a caution applies to this patient or might (facts unknown), and why.</summary>
public enum CautionStatus { Applies, Possible }

public sealed record CautionResult(Caution Caution, CautionStatus Status, string Origin, ImmutableArray<string> FactsUsed, ImmutableArray<string> MissingFacts);

/// <summary>A missing fact: its id and the question that would supply it.</summary>
public sealed record MissingFact(string Id, string Question);

/// <summary>Where the patient stands on the treatment algorithm and what should come before immunoglobulin.</summary>
public sealed record AlgorithmPosition(AlgorithmStep? Current, ImmutableArray<(AlgorithmStep Step, TestStatus Status)> Steps, ImmutableArray<AlgorithmStep> StillToDoBeforeImmunoglobulin);

/// <summary>
/// The evaluation of one patient: the decision and why, the criteria with the facts they used, the
/// missing facts, the position on the algorithm, the cautions, the dose when a weight is known,
/// and the trace of facts for and against.
/// </summary>
public sealed record Evaluation(
    PatientRecord Patient,
    Condition Condition,
    ClinicalContext? Context,
    string ContextReason,
    Decision Decision,
    string Reason,
    ImmutableArray<CriterionResult> Criteria,
    ImmutableArray<MissingFact> MissingFacts,
    AlgorithmPosition? Position,
    ImmutableArray<string> For,
    ImmutableArray<string> Against,
    ImmutableArray<CautionResult> Cautions,
    DoseResult? Dose,
    string? DoseNote,
    ImmutableArray<Regimen> Regimens);

/// <summary>Options of an evaluation (command-line flags override the record).</summary>
public sealed record EvaluationOptions(
    string? Condition = null,
    string? Context = null,
    string? Regimen = null,
    string? Product = null,
    WeightPolicy Policy = WeightPolicy.Auto,
    decimal? RoundToGrams = null,
    decimal? TolerancePercent = null,
    decimal? PricePerGram = null);
