using System.Globalization;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace IgAdvisor.Engine.Tests.Patients;

/// <summary>
/// Clinical case folders (tests/cases/&lt;condition&gt;/&lt;case&gt;/): a patient in (patient.json, or a
/// FHIR bundle.json), the expected decision, criteria, missing facts, cautions and dose out
/// (expected.yaml). A clinician adds a case without writing C#.
/// </summary>
public sealed class ClinicalCaseTests
{
    private static readonly string Root = Path.Combine(TestKnowledge.RepositoryRoot, "tests", "cases");
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)
                     .Where(d => File.Exists(Path.Combine(d, "expected.yaml"))).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root, dir).Replace('\\', '/'));
        return data;
    }

    [Fact]
    public void Cases_AreAtLeastThirty_AndCoverApsAndAiha()
    {
        var cases = Cases().Select(c => (string)c.Data).ToList();
        Assert.True(cases.Count >= 30, $"{cases.Count} cases");
        Assert.Contains(cases, c => c.StartsWith("antiphospholipid-syndrome/", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.StartsWith("autoimmune-haemolytic-anaemia/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_IsEvaluatedAsExpected(string name)
    {
        var folder = Path.Combine(Root, name);
        var result = Read(folder);
        Assert.True(result.Succeeded, $"{name}: the patient could not be read: {string.Join("; ", result.Problems)}");
        var expected = Expected(folder);
        var outcome = new Evaluator(TestKnowledge.KnowledgeBase).Evaluate(result.Record!, Options(expected));
        Assert.True(outcome.Evaluation is not null, $"{name}: {string.Join("; ", outcome.Problems)}");
        var evaluation = outcome.Evaluation!;
        var trace = $"{name}: decision {Text(evaluation.Decision)} ({evaluation.Reason}); context {evaluation.Context?.Id}; criteria " +
                    string.Join(", ", evaluation.Criteria.Select(c => $"{c.Criterion.Id}={Text(c.Status)}")) +
                    $"; missing [{string.Join(", ", evaluation.MissingFacts.Select(m => m.Id))}]; cautions [{string.Join(", ", evaluation.Cautions.Select(c => c.Caution.Id))}]";

        Assert.True(Text(evaluation.Decision) == Scalar(expected, "decision"), "decision differs. " + trace);
        if (Scalar(expected, "context") is { } context) Assert.True(evaluation.Context?.Id.Value == context, "context differs. " + trace);
        if (Child(expected, "criteria") is YamlMappingNode criteria)
        {
            foreach (var (key, value) in criteria.Children)
            {
                var id = ((YamlScalarNode)key).Value!;
                var result2 = evaluation.Criteria.FirstOrDefault(c => c.Criterion.Id == id);
                Assert.True(result2 is not null, $"criterion {id} was not evaluated. " + trace);
                Assert.True(Text(result2!.Status) == Normalise(((YamlScalarNode)value).Value!), $"criterion {id} differs. " + trace);
            }
        }
        if (Child(expected, "missingFacts") is YamlSequenceNode missing)
        {
            var want = missing.Children.Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal).ToList();
            var got = evaluation.MissingFacts.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
            Assert.True(want.SequenceEqual(got), $"missing facts differ: expected [{string.Join(", ", want)}]. " + trace);
        }
        if (Child(expected, "cautions") is YamlSequenceNode cautions)
        {
            foreach (var id in cautions.Children.Select(n => ((YamlScalarNode)n).Value!))
                Assert.True(evaluation.Cautions.Any(c => c.Caution.Id == id && c.Status == CautionStatus.Applies), $"caution {id} does not apply. " + trace);
        }
        if (Child(expected, "cautionsAbsent") is YamlSequenceNode absent)
        {
            foreach (var id in absent.Children.Select(n => ((YamlScalarNode)n).Value!))
                Assert.True(!evaluation.Cautions.Any(c => c.Caution.Id == id && c.Status == CautionStatus.Applies), $"caution {id} applies but should not. " + trace);
        }
        if (Child(expected, "dose") is YamlMappingNode dose) CheckDose(dose, evaluation.Dose, trace);
    }

    private static void CheckDose(YamlMappingNode dose, DoseResult? result, string trace)
    {
        if (Scalar(dose, "absent") == "true")
        {
            Assert.True(result is null, "a dose was computed but none was expected. " + trace);
            return;
        }
        Assert.True(result is not null, "no dose was computed. " + trace);
        var doseTrace = $"{trace}; dose: policy {Text(result!.AppliedPolicy)}, weight {result.DosingWeightKg}, total {result.TotalGrams}, rounded {result.RoundedTotalGrams}, per day [{string.Join(", ", result.Days.Select(d => d.RoundedGrams))}]";
        if (Scalar(dose, "policy") is { } policy) Assert.True(Text(result.AppliedPolicy) == policy, "policy differs. " + doseTrace);
        if (Decimal(dose, "dosingWeightKg") is { } w) Assert.True(Math.Abs(result.DosingWeightKg - w) <= 0.1m, "dosing weight differs. " + doseTrace);
        if (Decimal(dose, "totalGrams") is { } t) Assert.True(Math.Abs(result.TotalGrams - t) <= 0.1m, "total grams differ. " + doseTrace);
        if (Decimal(dose, "roundedTotalGrams") is { } r) Assert.True(result.RoundedTotalGrams == r, "rounded total differs. " + doseTrace);
        if (Decimal(dose, "idealBodyWeightKg") is { } ibw) Assert.True(result.IdealBodyWeightKg is { } got && Math.Abs(got - ibw) <= 0.1m, "ideal body weight differs. " + doseTrace);
        if (Child(dose, "warnings") is YamlSequenceNode warnings)
        {
            foreach (var fragment in warnings.Children.Select(n => ((YamlScalarNode)n).Value!))
                Assert.True(result.Warnings.Any(w => w.Contains(fragment, StringComparison.OrdinalIgnoreCase)), $"no warning contains '{fragment}': [{string.Join(" | ", result.Warnings)}]. " + doseTrace);
        }
        if (Decimal(dose, "durationMinutes") is { } minutes)
            Assert.True(result.Days[0].Infusion?.DurationMinutes == minutes, $"infusion duration differs: {result.Days[0].Infusion?.DurationMinutes}. " + doseTrace);
        if (Child(dose, "perDayGrams") is YamlSequenceNode perDay)
            Assert.True(perDay.Children.Select(n => decimal.Parse(((YamlScalarNode)n).Value!, CultureInfo.InvariantCulture)).SequenceEqual(result.Days.Select(d => d.RoundedGrams)), "per-day grams differ. " + doseTrace);
    }

    /// <summary>The evaluation options of a case (<c>options:</c> in expected.yaml), as the command-line flags give them.</summary>
    private static EvaluationOptions Options(YamlMappingNode expected)
    {
        if (Child(expected, "options") is not YamlMappingNode o) return new EvaluationOptions();
        var policy = WeightPolicy.Auto;
        if (Scalar(o, "policy") is { } p && !EnumText.TryParse(p, out policy)) throw new InvalidOperationException($"options.policy '{p}' is not a policy");
        return new EvaluationOptions(Scalar(o, "condition"), Scalar(o, "context"), Scalar(o, "regimen"), Scalar(o, "product"), policy,
            Decimal(o, "roundTo"), Decimal(o, "tolerance"), Decimal(o, "pricePerGram"));
    }

    private static PatientReadResult Read(string folder)
    {
        var json = Path.Combine(folder, "patient.json");
        if (File.Exists(json)) return PatientJsonReader.Read(File.ReadAllText(json), TestKnowledge.KnowledgeBase, Clock);
        var bundle = Path.Combine(folder, "bundle.json");
        return PatientReaders.Read(File.ReadAllText(bundle), TestKnowledge.KnowledgeBase, Clock);
    }

    private static YamlMappingNode Expected(string folder)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(folder, "expected.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    private static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode s ? s.Value : null;
    private static decimal? Decimal(YamlMappingNode map, string key) =>
        Scalar(map, key) is { } s && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Text<T>(T value) where T : struct, Enum => EnumText.ToText(value);
    private static string Normalise(string status) => status.Replace(' ', '-');
}
