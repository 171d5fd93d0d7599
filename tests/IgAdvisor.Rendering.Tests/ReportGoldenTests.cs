using IgAdvisor.Engine.Dosing;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Rendering.Reports;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Rendering.Tests;

/// <summary>
/// Reviewed renderings of an evaluation (an example patient) and of a dose, in every format, so
/// that a change of wording or layout is seen in review. The evaluation runs at the cases' fixed date.
/// </summary>
public sealed class ReportGoldenTests
{
    private const string Folder = "tests/IgAdvisor.Rendering.Tests/Golden/reports";

    public static TheoryData<string, string?> Examples() => new()
    {
        { "aps-thrombotic-refractory.json", null },
        { "aiha-warm-severe.fhir.json", "privigen" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evaluation_MatchesItsGoldenFiles(string example, string? product)
    {
        var kb = TestKnowledge.KnowledgeBase;
        var json = File.ReadAllText(Path.Combine(TestKnowledge.RepositoryRoot, "examples", example));
        var record = PatientReaders.Read(json, kb, FixedClock.CaseDate);
        Assert.True(record.Succeeded, string.Join("; ", record.Problems));
        var evaluation = new Evaluator(kb).Evaluate(record.Record!, new EvaluationOptions(Product: product)).Evaluation!;
        var name = $"{Folder}/evaluate-{example.Replace(".json", "", StringComparison.Ordinal)}";
        var report = EvaluationReport.Build(evaluation, kb);
        Golden.Verify(ReportMarkdown.Render(report), $"{name}.md");
        Golden.Verify(ReportText.Render(report), $"{name}.txt");
        Golden.Verify(ReportHtml.Render(report), $"{name}.html");
        Golden.Verify(EvaluationJson.Render(evaluation, kb), $"{name}.json");
    }

    [Fact]
    public void Dose_MatchesItsGoldenFiles()
    {
        var kb = TestKnowledge.KnowledgeBase;
        var (request, problem) = DoseInput.Parse(new DoseArguments("82kg", "165cm", "female", "aps.catastrophic.five-day-course", Product: "privigen"), kb);
        Assert.Null(problem);
        var dose = DoseCalculator.Calculate(request!, kb.DosingPolicy).Result!;
        var report = DoseReport.Build(dose, kb);
        Golden.Verify(ReportMarkdown.Render(report), $"{Folder}/dose-aps-catastrophic-privigen.md");
        Golden.Verify(ReportText.Render(report), $"{Folder}/dose-aps-catastrophic-privigen.txt");
        Golden.Verify(ReportHtml.Render(report), $"{Folder}/dose-aps-catastrophic-privigen.html");
        Golden.Verify(DoseJson.Render(dose, kb), $"{Folder}/dose-aps-catastrophic-privigen.json");
    }
}
