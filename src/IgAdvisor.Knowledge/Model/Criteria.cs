using System.Collections.Immutable;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Knowledge.Model;

/// <summary>A value a fact can hold or be compared with.</summary>
public abstract record FactValue
{
    public sealed record Boolean(bool Value) : FactValue
    {
        public override string ToString() => Value ? "yes" : "no";
    }

    public sealed record Number(decimal Value) : FactValue
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Measured(Quantity Value) : FactValue
    {
        public override string ToString() => Value.ToString();
    }

    public sealed record Code(string Value) : FactValue
    {
        public override string ToString() => Value;
    }
}

/// <summary>How a fact test compares. Bounds of <see cref="AtLeast"/>/<see cref="AtMost"/> are
/// inclusive; <see cref="Above"/>/<see cref="Below"/> exclusive.</summary>
public enum ComparisonOperator { IsTrue, EqualTo, OneOf, AtLeast, Above, AtMost, Below }

/// <summary>
/// A test on patient facts and therapies, evaluated with three-valued logic (met, not met,
/// unknown). Tests are typed when the knowledge base loads, never strings evaluated at run time.
/// </summary>
public abstract record CriterionTest(Origin Origin)
{
    /// <summary>Fact <see cref="Fact"/> compared with <see cref="Operands"/> by <see cref="Operator"/>.</summary>
    public sealed record OnFact(FactId Fact, ComparisonOperator Operator, ImmutableArray<FactValue> Operands, Origin Origin) : CriterionTest(Origin);

    /// <summary>The patient has <see cref="Drug"/> (or a member of that class) with any of <see cref="Statuses"/>.</summary>
    public sealed record OnTherapy(DrugId Drug, ImmutableArray<TherapyStatus> Statuses, Origin Origin) : CriterionTest(Origin);

    /// <summary>The product chosen for the patient contains <see cref="Ingredient"/> (a sugar: sucrose, maltose, glucose,
    /// sorbitol, fructose, or "sugar" for any of them). Unknown while no product is chosen.</summary>
    public sealed record OnProduct(string Ingredient, Origin Origin) : CriterionTest(Origin);

    public sealed record AllOf(ImmutableArray<CriterionTest> Tests, Origin Origin) : CriterionTest(Origin);

    public sealed record AnyOf(ImmutableArray<CriterionTest> Tests, Origin Origin) : CriterionTest(Origin);

    public sealed record Not(CriterionTest Test, Origin Origin) : CriterionTest(Origin);
}

/// <summary>A qualifying criterion: a cited test whose result weighs in the decision by its strictness.</summary>
public sealed record Criterion(string Id, string Text, Strictness Strictness, CriterionTest Test, ImmutableArray<SourceId> Citations, Origin Origin);

/// <summary>What shows that immunoglobulin worked, when to look, and when to stop. Rendered, not evaluated.</summary>
public sealed record ReviewCriterion(string Id, string Measure, string Interval, string Response, string? StopWhen, ImmutableArray<SourceId> Citations, Origin Origin);

/// <summary>A caution: what the risk is, what to do about it, and optionally when it applies.</summary>
public sealed record Caution(string Id, string Text, string Action, CautionSeverity Severity, CriterionTest? When, ImmutableArray<SourceId> Citations, Origin Origin);
