using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Fhir;
using IgAdvisor.Rendering.Reports;

namespace IgAdvisor.Benchmarks;

/// <summary>
/// One patient as a FHIR R4 Bundle (16 resources): parsing the JSON alone (the baseline), reading it
/// into a patient record, reading and evaluating (criteria, algorithm, safety screen, dose), and the
/// whole <c>evaluate --format json</c> path; the patient JSON document and the dose alone beside them.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private string _bundle = "";
    private string _patient = "";
    private FhirBundleReader _reader = null!;
    private Evaluator _evaluator = null!;
    private DoseRequest _dose = null!;
    private readonly EvaluationOptions _options = new(Context: "catastrophic", Product: "privigen");

    [GlobalSetup]
    public void Setup()
    {
        var repository = Shared.Repository;
        _bundle = File.ReadAllText(Path.Combine(repository, "tests", "IgAdvisor.Fhir.Tests", "Bundles", "aps-catastrophic-us-units.json"));
        _patient = File.ReadAllText(Path.Combine(repository, "tests", "cases", "antiphospholipid-syndrome", "thrombotic-refractory-qualifies", "patient.json"));
        _reader = new FhirBundleReader(Shared.KnowledgeBase);
        _evaluator = new Evaluator(Shared.KnowledgeBase);
        var regimen = Shared.KnowledgeBase.RegimensById["aps.catastrophic.five-day-course"].Regimen;
        _dose = new DoseRequest(new(82m), new(165m), Sex.Female, WeightPolicy.Auto, DosePlan.FromRegimen(regimen).Plan!,
            Shared.KnowledgeBase.Products[new("privigen")]);
        if (Evaluate() is null) throw new InvalidOperationException("the benchmark bundle does not evaluate");
    }

    [Benchmark(Baseline = true, Description = "parse bundle JSON (JsonDocument)")]
    public int Parse()
    {
        using var document = JsonDocument.Parse(_bundle);
        return document.RootElement.GetProperty("entry").GetArrayLength();
    }

    [Benchmark(Description = "read FHIR bundle → patient record")]
    public PatientReadResult Read() => _reader.Read(_bundle, TimeProvider.System);

    [Benchmark(Description = "read FHIR bundle + evaluate")]
    public Evaluation? Evaluate() => _evaluator.Evaluate(_reader.Read(_bundle, TimeProvider.System).Record!, _options).Evaluation;

    [Benchmark(Description = "read FHIR bundle + evaluate + JSON")]
    public string EvaluateJson() => EvaluationJson.Render(Evaluate()!, Shared.KnowledgeBase);

    [Benchmark(Description = "read patient JSON + evaluate")]
    public Evaluation? EvaluatePatientJson() =>
        _evaluator.Evaluate(PatientJsonReader.Read(_patient, Shared.KnowledgeBase, TimeProvider.System).Record!, new EvaluationOptions(Product: "privigen")).Evaluation;

    [Benchmark(Description = "dose alone (privigen, 5 days)")]
    public DoseOutcome Dose() => DoseCalculator.Calculate(_dose, Shared.KnowledgeBase.DosingPolicy);
}
