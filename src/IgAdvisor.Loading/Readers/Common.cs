using System.Collections.Immutable;
using System.Globalization;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using IgAdvisor.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Loading.Readers;

/// <summary>Reading rules shared by every file kind: citations, statements, sections and criterion tests.</summary>
internal static class Common
{
    /// <summary>YAML section keys and the answer section each fills.</summary>
    public static readonly ImmutableDictionary<string, SectionKind> SectionKeys = new Dictionary<string, SectionKind>
    {
        ["standardTreatment"] = SectionKind.StandardTreatment,
        ["guidelinePosition"] = SectionKind.GuidelinePosition,
        ["whereConsidered"] = SectionKind.WhereConsidered,
        ["evidence"] = SectionKind.Evidence,
        ["mechanism"] = SectionKind.Mechanism,
        ["dosing"] = SectionKind.Dosing,
        ["review"] = SectionKind.Review,
        ["safety"] = SectionKind.Safety,
        ["algorithm"] = SectionKind.Algorithm,
        ["combinations"] = SectionKind.Combinations,
        ["pitfalls"] = SectionKind.Pitfalls,
        ["supportiveCare"] = SectionKind.SupportiveCare,
        ["emerging"] = SectionKind.Emerging,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The source ids under <paramref name="key"/>; missing or empty is KB020 when required.</summary>
    public static ImmutableArray<SourceId> Cites(Map map, string key = "cite", bool required = true)
    {
        var node = map.Raw(key);
        if (node is null)
        {
            if (required) map.File.Error(DiagnosticCodes.UncitedStatement, map.Node, map.Sub(key), "statement without citations: add 'cite: [source-id, ...]'");
            return [];
        }
        var ids = map.Texts(key);
        if (ids.IsEmpty && required)
            map.File.Error(DiagnosticCodes.UncitedStatement, node, map.Sub(key), "statement without citations: 'cite' is empty");
        var result = ImmutableArray.CreateBuilder<SourceId>(ids.Length);
        foreach (var id in ids)
        {
            if (IdSyntax.IsValid(id)) result.Add(new SourceId(id));
            else map.File.Error(DiagnosticCodes.MalformedId, node, map.Sub(key), $"'{id}' is not a valid source id");
        }
        return result.ToImmutable();
    }

    public static Statement? Statement(Map map)
    {
        var text = map.Text("text", required: true);
        var cites = Cites(map);
        map.Done();
        return text is null ? null : new Statement(text, cites, map.Origin);
    }

    public static ImmutableArray<Statement> Statements(Map parent, string key, bool required = false) =>
        [.. parent.Maps(key, "statements ({ text, cite })", required).Select(Statement).OfType<Statement>()];

    /// <summary>Reads a <c>sections</c> mapping of section key → statements.</summary>
    public static SectionStatements Sections(Map? sections)
    {
        if (sections is null) return SectionStatements.Empty;
        var builder = ImmutableDictionary.CreateBuilder<SectionKind, ImmutableArray<Statement>>();
        foreach (var (key, kind) in SectionKeys)
        {
            var statements = Statements(sections, key);
            if (!statements.IsEmpty) builder[kind] = statements;
        }
        sections.Done();
        return new SectionStatements(builder.ToImmutable());
    }

    /// <summary>
    /// Reads a criterion test: exactly one of fact, therapy, allOf, anyOf, not (KB045 otherwise).
    /// Operand values are typed by their form here and checked against the fact's kind later.
    /// </summary>
    public static CriterionTest? Test(YamlNode? node, string path, FileScope file)
    {
        var map = Map.From(node, path, file, "a test (fact, therapy, allOf, anyOf or not)");
        if (map is null) return null;
        string[] forms = ["fact", "therapy", "productHas", "allOf", "anyOf", "not"];
        var present = forms.Where(map.Has).ToArray();
        if (present.Length != 1)
        {
            file.Error(DiagnosticCodes.MalformedTest, map.Node, path, present.Length == 0
                ? "a test needs exactly one of: fact, therapy, productHas, allOf, anyOf, not"
                : $"a test has several forms ({string.Join(", ", present)}); nest them in allOf/anyOf");
            ReadAll(map);
            map.Done();
            return null;
        }
        CriterionTest? test = present[0] switch
        {
            "fact" => FactTest(map),
            "therapy" => TherapyTest(map),
            "productHas" => ProductTest(map),
            "allOf" => new CriterionTest.AllOf(SubTests(map, "allOf"), map.Origin),
            "anyOf" => new CriterionTest.AnyOf(SubTests(map, "anyOf"), map.Origin),
            _ => Test(map.Raw("not"), map.Sub("not"), file) is { } inner ? new CriterionTest.Not(inner, map.Origin) : null,
        };
        map.Done();
        return test;
    }

    private static void ReadAll(Map map)
    {
        foreach (var key in new[] { "fact", "therapy", "productHas", "allOf", "anyOf", "not", "status", "equals", "oneOf", "atLeast", "above", "atMost", "below" })
            map.Raw(key);
    }

    private static ImmutableArray<CriterionTest> SubTests(Map map, string key)
    {
        var node = map.Raw(key);
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            map.File.Error(DiagnosticCodes.MalformedTest, node, map.Sub(key), $"'{key}' must be a non-empty list of tests");
            return [];
        }
        return [.. sequence.Children.Select((child, i) => Test(child, $"{map.Sub(key)}[{i}]", map.File)).OfType<CriterionTest>()];
    }

    private static CriterionTest? ProductTest(Map map)
    {
        var ingredient = map.Text("productHas");
        if (ingredient is null) return null;
        if (ingredient is not ("sucrose" or "maltose" or "glucose" or "sorbitol" or "fructose" or "sugar"))
        {
            map.File.Error(DiagnosticCodes.OutsideEnumeration, map.Raw("productHas"), map.Sub("productHas"), $"'{ingredient}' is not one of sucrose, maltose, glucose, sorbitol, fructose, sugar");
            return null;
        }
        return new CriterionTest.OnProduct(ingredient, map.Origin);
    }

    private static CriterionTest? TherapyTest(Map map)
    {
        var drug = map.Id("therapy");
        var statuses = map.Texts("status", required: true);
        var parsed = ImmutableArray.CreateBuilder<TherapyStatus>();
        foreach (var s in statuses)
        {
            if (EnumText.TryParse<TherapyStatus>(s, out var status)) parsed.Add(status);
            else map.File.Error(DiagnosticCodes.OutsideEnumeration, map.Raw("status"), map.Sub("status"),
                $"'{s}' is not a therapy status; expected one of: {string.Join(", ", EnumText.Words<TherapyStatus>())}");
        }
        return drug is null ? null : new CriterionTest.OnTherapy(new DrugId(drug), parsed.ToImmutable(), map.Origin);
    }

    private static CriterionTest? FactTest(Map map)
    {
        var fact = map.Id("fact");
        (string Key, ComparisonOperator Op)[] comparators =
        [
            ("equals", ComparisonOperator.EqualTo), ("oneOf", ComparisonOperator.OneOf), ("atLeast", ComparisonOperator.AtLeast),
            ("above", ComparisonOperator.Above), ("atMost", ComparisonOperator.AtMost), ("below", ComparisonOperator.Below),
        ];
        var present = comparators.Where(c => map.Has(c.Key)).ToArray();
        if (present.Length > 1)
        {
            map.File.Error(DiagnosticCodes.MalformedTest, map.Node, map.Path, $"a fact test has several comparisons ({string.Join(", ", present.Select(p => p.Key))}); combine tests with allOf");
            return null;
        }
        if (fact is null) return null;
        if (present.Length == 0) return new CriterionTest.OnFact(new FactId(fact), ComparisonOperator.IsTrue, [], map.Origin);
        var (key, op) = present[0];
        ImmutableArray<FactValue> operands = op == ComparisonOperator.OneOf
            ? [.. map.Texts(key, required: true).Select(ParseValue)]
            : map.Text(key) is { } text ? [ParseValue(text)] : [];
        return new CriterionTest.OnFact(new FactId(fact), op, operands, map.Origin);
    }

    /// <summary>Types a literal by its form: true/false, a number, a number with a unit, else a code.</summary>
    public static FactValue ParseValue(string text)
    {
        if (text is "true") return new FactValue.Boolean(true);
        if (text is "false") return new FactValue.Boolean(false);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new FactValue.Number(number);
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '.') && Quantity.TryParse(text, out var quantity, out _))
            return new FactValue.Measured(quantity);
        return new FactValue.Code(text);
    }
}
