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

    /// <summary>
    /// A measurement. A censored result ("&lt; 0.07 g/L", below the assay's limit) keeps its
    /// <see cref="Censor"/>: the true value lies on that side of <see cref="Value"/>.
    /// </summary>
    public sealed record Measured(Quantity Value, Censor Censor = Censor.Exact) : FactValue
    {
        public override string ToString() => Censor == Censor.Exact ? Value.ToString() : $"{Censoring.Symbol(Censor)} {Value}";
    }

    public sealed record Code(string Value) : FactValue
    {
        public override string ToString() => Value;
    }
}

/// <summary>Which side of a reported value the true value lies on: exact, or a censored result such as "&lt; 0.07".</summary>
public enum Censor { Exact, Below, AtMost, Above, AtLeast }

/// <summary>The comparators of censored results, as FHIR's Quantity.comparator writes them.</summary>
public static class Censoring
{
    public static string Symbol(Censor censor) => censor switch
    {
        Censor.Below => "<",
        Censor.AtMost => "<=",
        Censor.Above => ">",
        Censor.AtLeast => ">=",
        _ => "",
    };

    /// <summary>"&lt;", "&lt;=", "≤", "&gt;", "&gt;=", "≥" (or null / empty for an exact value).</summary>
    public static bool TryParse(string? comparator, out Censor censor)
    {
        censor = comparator?.Trim() switch
        {
            null or "" => Censor.Exact,
            "<" => Censor.Below,
            "<=" or "≤" => Censor.AtMost,
            ">" => Censor.Above,
            ">=" or "≥" => Censor.AtLeast,
            _ => (Censor)(-1),
        };
        return Enum.IsDefined(censor);
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
