using System.Collections.Immutable;
using System.Globalization;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Patients;

/// <summary>
/// Evaluates criterion tests on a patient with three-valued (Kleene) logic, recording the facts each
/// test read and the facts whose absence left it unknown.
/// </summary>
public sealed class TestEvaluator(KnowledgeBase kb, PatientRecord patient, Product? product)
{
    public TestStatus Evaluate(CriterionTest test, List<string> used, HashSet<string> missing) => test switch
    {
        CriterionTest.OnFact f => Fact(f, used, missing),
        CriterionTest.OnTherapy t => Therapy(t, used, missing),
        CriterionTest.OnProduct p => Product(p, used, missing),
        CriterionTest.AllOf all => All(all.Tests, used, missing),
        CriterionTest.AnyOf any => Any(any.Tests, used, missing),
        CriterionTest.Not not => Evaluate(not.Test, used, missing) switch
        {
            TestStatus.Met => TestStatus.NotMet,
            TestStatus.NotMet => TestStatus.Met,
            _ => TestStatus.Unknown,
        },
        _ => TestStatus.Unknown,
    };

    private TestStatus All(ImmutableArray<CriterionTest> tests, List<string> used, HashSet<string> missing)
    {
        var result = TestStatus.Met;
        foreach (var t in tests)
        {
            var status = Evaluate(t, used, missing);
            if (status == TestStatus.NotMet) return TestStatus.NotMet;
            if (status == TestStatus.Unknown) result = TestStatus.Unknown;
        }
        return result;
    }

    private TestStatus Any(ImmutableArray<CriterionTest> tests, List<string> used, HashSet<string> missing)
    {
        var result = TestStatus.NotMet;
        foreach (var t in tests)
        {
            var status = Evaluate(t, used, missing);
            if (status == TestStatus.Met) return TestStatus.Met;
            if (status == TestStatus.Unknown) result = TestStatus.Unknown;
        }
        return result;
    }

    private TestStatus Fact(CriterionTest.OnFact test, List<string> used, HashSet<string> missing)
    {
        if (!patient.Facts.TryGetValue(test.Fact, out var value))
        {
            missing.Add(test.Fact.Value);
            return TestStatus.Unknown;
        }
        used.Add($"{test.Fact} = {Describe(value)}");
        var fact = kb.Facts[test.Fact];
        var status = test.Operator switch
        {
            ComparisonOperator.IsTrue => Status(value is FactValue.Boolean { Value: true }),
            ComparisonOperator.EqualTo => Status(Equal(value, test.Operands[0])),
            ComparisonOperator.OneOf => Status(test.Operands.Any(o => Equal(value, o))),
            _ => Compare(value, test.Operator, test.Operands[0], fact),
        };
        // A censored result on the wrong side of the threshold ("< 50" tested against 30) settles nothing.
        if (status == TestStatus.Unknown) missing.Add(test.Fact.Value);
        return status;
    }

    private static TestStatus Status(bool met) => met ? TestStatus.Met : TestStatus.NotMet;

    private static bool Equal(FactValue value, FactValue operand) => (value, operand) switch
    {
        (FactValue.Boolean a, FactValue.Boolean b) => a.Value == b.Value,
        (FactValue.Number a, FactValue.Number b) => a.Value == b.Value,
        (FactValue.Code a, _) => string.Equals(a.Value, operand.ToString(), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static TestStatus Compare(FactValue value, ComparisonOperator op, FactValue operand, FactDefinition fact)
    {
        decimal left, right;
        var censor = Censor.Exact;
        switch (value, operand)
        {
            case (FactValue.Measured m, FactValue.Measured bound) when bound.Value.TryConvertTo(m.Value.Unit, fact.MolarMassGramsPerMole, out var converted):
                (left, right, censor) = (m.Value.Value, converted.Value, m.Censor);
                break;
            case (FactValue.Number n, FactValue.Number bound):
                (left, right) = (n.Value, bound.Value);
                break;
            default:
                return TestStatus.NotMet;
        }
        return censor == Censor.Exact ? Status(op switch
        {
            ComparisonOperator.AtLeast => left >= right,
            ComparisonOperator.Above => left > right,
            ComparisonOperator.AtMost => left <= right,
            ComparisonOperator.Below => left < right,
            _ => false,
        }) : CompareCensored(left, censor, op, right);
    }

    /// <summary>
    /// A censored value v (v &lt; x, v ≤ x, v &gt; x or v ≥ x) against a threshold t: met or not met when
    /// every value on that side of x gives the same answer, unknown otherwise.
    /// </summary>
    internal static TestStatus CompareCensored(decimal x, Censor censor, ComparisonOperator op, decimal t)
    {
        // Does every value of the censored range lie below t (strictly, or at most t)? Above t?
        bool AllBelow(bool strictly) => censor switch
        {
            Censor.Below => x <= t,
            Censor.AtMost => strictly ? x < t : x <= t,
            _ => false,
        };
        bool AllAbove(bool strictly) => censor switch
        {
            Censor.Above => x >= t,
            Censor.AtLeast => strictly ? x > t : x >= t,
            _ => false,
        };
        return op switch
        {
            ComparisonOperator.Below => AllBelow(true) ? TestStatus.Met : AllAbove(false) ? TestStatus.NotMet : TestStatus.Unknown,
            ComparisonOperator.AtMost => AllBelow(false) ? TestStatus.Met : AllAbove(true) ? TestStatus.NotMet : TestStatus.Unknown,
            ComparisonOperator.Above => AllAbove(true) ? TestStatus.Met : AllBelow(false) ? TestStatus.NotMet : TestStatus.Unknown,
            ComparisonOperator.AtLeast => AllAbove(false) ? TestStatus.Met : AllBelow(true) ? TestStatus.NotMet : TestStatus.Unknown,
            _ => TestStatus.Unknown,
        };
    }

    private TestStatus Therapy(CriterionTest.OnTherapy test, List<string> used, HashSet<string> missing)
    {
        var relevant = patient.Therapies.Where(t => kb.IsA(t.Drug, test.Drug)).ToList();
        foreach (var t in relevant) used.Add($"therapy {t.Drug} = {EnumText.ToText(t.Status)}");
        if (relevant.Any(t => test.Statuses.Contains(t.Status))) return TestStatus.Met;
        if (relevant.Count > 0 || patient.TherapiesComplete) return TestStatus.NotMet;
        missing.Add($"therapy:{test.Drug}");
        return TestStatus.Unknown;
    }

    private TestStatus Product(CriterionTest.OnProduct test, List<string> used, HashSet<string> missing)
    {
        if (product is null)
        {
            missing.Add("product");
            return TestStatus.Unknown;
        }
        var contains = test.Ingredient == "sugar" ? product.ContainsSugar : product.Sugars.Contains(test.Ingredient);
        used.Add($"product {product.Id} {(contains ? "contains" : "has no")} {test.Ingredient}");
        return contains ? TestStatus.Met : TestStatus.NotMet;
    }

    public static string Describe(FactValue value) => value switch
    {
        FactValue.Boolean b => b.Value ? "yes" : "no",
        FactValue.Measured m => $"{(m.Censor == Censor.Exact ? "" : Censoring.Symbol(m.Censor) + " ")}{m.Value.Value.ToString("0.###", CultureInfo.InvariantCulture)} {m.Value.Unit.Code}",
        FactValue.Number n => n.Value.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
