using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Patients;

/// <summary>A therapy the patient has had or has, and how it went.</summary>
public sealed record PatientTherapy(DrugId Drug, TherapyStatus Status);

/// <summary>
/// One patient, as facts the knowledge base declares: quantities in each fact's canonical unit,
/// booleans, codes and numbers, plus therapies and the product to be used. An absent fact is
/// unknown, never false. <see cref="TherapiesComplete"/> says the therapy list is exhaustive, so a
/// therapy absent from it was not given.
/// </summary>
public sealed record PatientRecord(
    string? Id,
    ConditionId? Condition,
    ContextId? Context,
    ImmutableDictionary<FactId, FactValue> Facts,
    ImmutableArray<PatientTherapy> Therapies,
    bool TherapiesComplete,
    ProductId? Product)
{
    /// <summary>What the reader noticed but could not use (an unknown medication, several conditions).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public FactValue? Fact(string id) => Facts.TryGetValue(new FactId(id), out var v) ? v : null;

    /// <summary>A quantity fact in its canonical unit, or null when absent.</summary>
    public decimal? Measure(string id) => Fact(id) is FactValue.Measured m ? m.Value.Value : null;

    public string? Code(string id) => Fact(id) is FactValue.Code c ? c.Value : null;

    public bool? Flag(string id) => Fact(id) is FactValue.Boolean b ? b.Value : null;

    public PatientRecord With(FactId id, FactValue value) => this with { Facts = Facts.SetItem(id, value) };
}

/// <summary>A problem with the input that stops evaluation: the field (a JSON path or FHIR location) and what is wrong.</summary>
public sealed record InputProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A record read from JSON or FHIR, or the problems that prevented it.</summary>
public sealed record PatientReadResult(PatientRecord? Record, ImmutableArray<InputProblem> Problems)
{
    public bool Succeeded => Record is not null && Problems.IsEmpty;

    public static PatientReadResult Fail(string field, string message) => new(null, [new InputProblem(field, message)]);
}
