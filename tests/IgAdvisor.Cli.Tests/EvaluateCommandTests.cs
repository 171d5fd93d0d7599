using System.Text.Json;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Cli.Tests;

/// <summary><c>igadvisor evaluate</c>: the JSON contract, standard input, FHIR, and every bad input refused with exit 2 and its field named.</summary>
public sealed class EvaluateCommandTests
{
    private static readonly string Cases = Path.Combine(TestKnowledge.RepositoryRoot, "tests", "cases");
    private static string Case(string path) => Path.Combine(Cases, path, "patient.json");

    private const string ThromboticRefractory = "antiphospholipid-syndrome/thrombotic-refractory-qualifies";

    [Fact]
    public void Json_GivesDecisionCriteriaDoseAndCautions()
    {
        var result = CliRunner.Run("evaluate", "--patient", Case(ThromboticRefractory), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("indicated-with-conditions", root.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("missingFacts").ValueKind);
        var criteria = root.GetProperty("criteria").EnumerateArray().ToList();
        Assert.NotEmpty(criteria);
        Assert.All(criteria, c =>
        {
            Assert.Contains(c.GetProperty("status").GetString(), new[] { "met", "not-met", "unknown" });
            Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString()));
            Assert.Equal(JsonValueKind.Array, c.GetProperty("facts").ValueKind);
        });
        var recurrence = criteria.Single(c => c.GetProperty("id").GetString() == "aps.thrombotic.recurrence-on-anticoagulation");
        Assert.Contains("recurrent-thrombosis-on-anticoagulation = yes", recurrence.GetProperty("facts").EnumerateArray().Select(f => f.GetString()));
        var dose = root.GetProperty("dose");
        Assert.Equal(66.9m, dose.GetProperty("dosingWeightKg").GetDecimal()); // 82 kg, 165 cm, female: adjusted
        Assert.Contains(root.GetProperty("cautions").EnumerateArray(), c => c.GetProperty("id").GetString() == "ig.thrombosis-risk" && c.GetProperty("status").GetString() == "applies");
    }

    [Fact]
    public void MissingWeight_GivesADecisionWithoutADose_AndSaysWhatIsMissing()
    {
        var patient = File.ReadAllText(Case(ThromboticRefractory)).Replace("\"body-weight\": \"82 kg\",", "", StringComparison.Ordinal);
        Assert.DoesNotContain("body-weight", patient, StringComparison.Ordinal);
        var result = CliRunner.RunWithInput(patient, "evaluate", "--patient", "-", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("indicated-with-conditions", root.GetProperty("decision").GetString());
        Assert.False(root.TryGetProperty("dose", out _));
        Assert.Contains("body-weight", root.GetProperty("doseNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FhirBundle_IsEvaluated()
    {
        var bundle = Path.Combine(TestKnowledge.RepositoryRoot, "tests", "IgAdvisor.Fhir.Tests", "Bundles", "aps-catastrophic-us-units.json");
        var result = CliRunner.Run("evaluate", "--patient", bundle, "--context", "catastrophic", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("antiphospholipid-syndrome", root.GetProperty("condition").GetProperty("id").GetString());
        Assert.Equal("catastrophic", root.GetProperty("context").GetProperty("id").GetString());
        Assert.Equal(82m, root.GetProperty("dose").GetProperty("actualWeightKg").GetDecimal()); // 180.8 lb
    }

    [Theory]
    [InlineData("text", "DECISION")]
    [InlineData("markdown", "## Qualifying criteria")]
    [InlineData("html", "<h2>Cautions for this patient</h2>")]
    public void Formats_RenderTheEvaluation(string format, string fragment)
    {
        var result = CliRunner.Run("evaluate", "--patient", Case(ThromboticRefractory), "--format", format);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(fragment, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"condition\": ", "line")]
    [InlineData("""{ "condition": "antiphospholipid-syndrome", "facts": { "body-weight": "82" } }""", "facts.body-weight")]
    [InlineData("""{ "condition": "antiphospholipid-syndrome", "facts": { "body-weight": "400 kg" } }""", "facts.body-weight")]
    [InlineData("""{ "condition": "antiphospholipid-syndrome", "facts": { "body-weight": "82 stone" } }""", "facts.body-weight")]
    [InlineData("""{ "condition": "antiphospholipid-syndrome", "facts": { "body-height": "300 cm" } }""", "facts.body-height")]
    [InlineData("""{ "condition": "antiphospholipid-syndrome", "facts": { "sex": "male", "pregnant": true } }""", "facts.pregnant")]
    [InlineData("""{ "condition": "no-such-condition" }""", "condition")]
    [InlineData("""{ "resourceType": "Bundle", "type": "collection" }""", "Bundle.entry")]
    [InlineData("""{ "resourceType": "Bundle", "entry": [ { "resource": { "resourceType": "Observation", "status": 3 } } ] }""", "Bundle.entry[0]")]
    public void BadPatient_ExitsTwoNamingTheField(string json, string field)
    {
        var result = CliRunner.RunWithInput(json, "evaluate", "--patient", "-", "--format", "json");
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Out}{result.Error}");
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AdjustedPolicyWithoutHeight_ExitsTwo()
    {
        var patient = """{ "condition": "antiphospholipid-syndrome", "context": "catastrophic", "facts": { "sex": "female", "body-weight": "90 kg" } }""";
        var result = CliRunner.RunWithInput(patient, "evaluate", "--patient", "-", "--policy", "adjusted");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("height", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        var result = CliRunner.Run("evaluate", "--patient", "/no/such/patient.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--patient", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPatient_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("evaluate").ExitCode);
    }
}
