using System.Text.Json.Nodes;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Fhir.Tests;

/// <summary>The FHIR R4 Bundle reader: resources onto facts, UCUM units, statuses, and every malformed input named.</summary>
public sealed class FhirBundleReaderTests
{
    private static readonly string BundleDirectory = Path.Combine(TestKnowledge.RepositoryRoot, "tests", "IgAdvisor.Fhir.Tests", "Bundles");

    private static PatientReadResult Read(string json) => FhirBundleReader.Read(json, TestKnowledge.KnowledgeBase, FixedClock.CaseDate);

    private static PatientRecord ReadExample()
    {
        var result = Read(File.ReadAllText(Path.Combine(BundleDirectory, "aps-catastrophic-us-units.json")));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Record!;
    }

    [Fact]
    public void Patient_GivesSexAndAgeFromBirthDate()
    {
        var record = ReadExample();
        Assert.Equal("female", record.Code("sex"));
        Assert.Equal(45m, record.Measure("age")); // born 1981-06-15, evaluated 2026-11-22
    }

    [Fact]
    public void Quantities_AreConvertedFromUsUnits()
    {
        var record = ReadExample();
        Assert.Equal(82.01m, Math.Round(record.Measure("body-weight")!.Value, 2)); // 180.8 lb × 0.45359237
        Assert.Equal(165.1m, record.Measure("body-height")); // 65 in × 2.54
        Assert.Equal(97.2m, Math.Round(record.Measure("serum-creatinine")!.Value, 1)); // 1.1 mg/dL ÷ 113.12 g/mol
        Assert.Equal(9.8m, record.Measure("serum-igg")); // 980 mg/dL
        Assert.Equal(48m, record.Measure("platelet-count"));
    }

    [Fact]
    public void LatestObservationWins_AndEnteredInErrorIsIgnored()
    {
        // Three weights: 150 lb in May, 180.8 lb on 20 November, 18.08 lb entered in error on the 21st.
        var record = ReadExample();
        Assert.True(record.Measure("body-weight") > 80m);
    }

    [Fact]
    public void CodedPregnancyStatus_IsRead()
    {
        Assert.False(ReadExample().Flag("pregnant"));
    }

    [Fact]
    public void ConditionCode_SelectsTheCondition()
    {
        Assert.Equal("antiphospholipid-syndrome", ReadExample().Condition?.Value);
    }

    [Fact]
    public void ContextCode_SelectsTheContext()
    {
        var bundle = Bundle(Condition("http://hl7.org/fhir/sid/icd-10-cm", "D59.11"));
        var result = Read(bundle.ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("autoimmune-haemolytic-anaemia", result.Record!.Condition?.Value);
        Assert.Equal("warm", result.Record.Context?.Value);
    }

    [Fact]
    public void Medications_BecomeTherapiesWithTheirOutcome()
    {
        var therapies = ReadExample().Therapies.ToDictionary(t => t.Drug.Value, t => t.Status);
        Assert.Equal(TherapyStatus.Current, therapies["heparin"]); // active, by ATC code
        Assert.Equal(TherapyStatus.Failed, therapies["hydroxychloroquine"]); // stopped as ineffective, by name in the text
        Assert.Equal(TherapyStatus.Current, therapies["methylprednisolone"]); // the therapy-outcome extension
    }

    [Fact]
    public void AllergyToImmunoglobulin_IsAPreviousReaction()
    {
        Assert.True(ReadExample().Flag("previous-immunoglobulin-reaction"));
    }

    [Fact]
    public void UnusedResources_AreNotedNotRefused()
    {
        var bundle = Bundle(Observation("http://loinc.org", "8480-6", new JsonObject { ["value"] = 120, ["unit"] = "mm[Hg]", ["system"] = "http://unitsofmeasure.org", ["code"] = "mm[Hg]" }));
        var result = Read(bundle.ToJsonString());
        Assert.True(result.Succeeded);
        Assert.Contains(result.Record!.Notes, n => n.Contains("not a fact IgAdvisor uses", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ not json", "malformed JSON")]
    [InlineData("[]", "expected a FHIR R4 Bundle")]
    [InlineData("""{ "resourceType": "Patient" }""", "expected a FHIR R4 Bundle")]
    [InlineData("""{ "resourceType": "Bundle", "type": "collection" }""", "no entries")]
    [InlineData("""{ "resourceType": "Bundle", "entry": [ { "fullUrl": "x" } ] }""", "without a resource")]
    public void MalformedBundles_AreRefusedWithTheProblemNamed(string json, string fragment)
    {
        var result = Read(json);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void WrongJsonType_NamesTheEntry()
    {
        var bundle = Bundle(new JsonObject { ["resourceType"] = "Observation", ["status"] = "final", ["valueQuantity"] = new JsonObject { ["value"] = "82" } });
        var result = Read(bundle.ToJsonString());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field.StartsWith("Bundle.entry[0].resource (Observation)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "kg", "no UCUM unit")]
    [InlineData("http://unitsofmeasure.org", "stone", "not a unit IgAdvisor knows")]
    [InlineData("http://unitsofmeasure.org", "cm", "cannot be converted")]
    public void WeightWithoutAUsableUnit_IsRefused(string? system, string? code, string fragment)
    {
        var quantity = new JsonObject { ["value"] = 82 };
        if (system is not null) { quantity["system"] = system; quantity["code"] = code; }
        var result = Read(Bundle(Observation("http://loinc.org", "29463-7", quantity)).ToJsonString());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains(fragment, StringComparison.Ordinal) && p.Field.Contains("Observation/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("29463-7", 400, "kg")]
    [InlineData("29463-7", 0, "kg")]
    [InlineData("8302-2", 300, "cm")]
    [InlineData("8302-2", 30, "cm")]
    public void ImplausibleMeasurements_AreRefused(string loinc, decimal value, string unit)
    {
        var quantity = new JsonObject { ["value"] = value, ["system"] = "http://unitsofmeasure.org", ["code"] = unit };
        var result = Read(Bundle(Observation("http://loinc.org", loinc, quantity)).ToJsonString());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains("implausible", StringComparison.Ordinal));
    }

    [Fact]
    public void PregnantMale_IsAContradiction()
    {
        var pregnancy = Observation("http://loinc.org", "82810-3", null);
        pregnancy["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "LA15173-0" }) };
        var bundle = Bundle(new JsonObject { ["resourceType"] = "Patient", ["id"] = "p", ["gender"] = "male" }, pregnancy);
        var result = Read(bundle.ToJsonString());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == "facts.pregnant");
    }

    [Fact]
    public void TwoPatients_AreRefused()
    {
        var bundle = Bundle(new JsonObject { ["resourceType"] = "Patient", ["id"] = "a" }, new JsonObject { ["resourceType"] = "Patient", ["id"] = "b" });
        Assert.Contains(Read(bundle.ToJsonString()).Problems, p => p.Message.Contains("more than one Patient", StringComparison.Ordinal));
    }

    [Fact]
    public void PatientReaders_RecogniseABundle()
    {
        _ = TestKnowledge.KnowledgeBase; // registers the FHIR reader, as the CLI host does
        var json = File.ReadAllText(Path.Combine(BundleDirectory, "aps-catastrophic-us-units.json"));
        var result = PatientReaders.Read(json, TestKnowledge.KnowledgeBase, FixedClock.CaseDate);
        Assert.True(result.Succeeded);
        Assert.Equal("aps-catastrophic-us-units", result.Record!.Id);
    }

    [Fact]
    public void CensoredResult_KeepsItsComparator()
    {
        var quantity = new JsonObject { ["value"] = 0.07, ["comparator"] = "<", ["system"] = "http://unitsofmeasure.org", ["code"] = "g/L" };
        var result = Read(Bundle(Observation("http://loinc.org", "2458-8", quantity)).ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(new FactValue.Measured(new(0.07m, IgAdvisor.Knowledge.Quantities.Units.GramPerLitre), Censor.Below), result.Record!.Fact("serum-iga"));
    }

    [Fact]
    public void CensoredWeight_IsRefused()
    {
        var quantity = new JsonObject { ["value"] = 150, ["comparator"] = ">", ["system"] = "http://unitsofmeasure.org", ["code"] = "kg" };
        Assert.Contains(Read(Bundle(Observation("http://loinc.org", "29463-7", quantity)).ToJsonString()).Problems, p => p.Message.Contains("exact value", StringComparison.Ordinal));
    }

    [Fact]
    public void IntegerObservation_IsACount()
    {
        var count = Observation(FhirSystems.IgAdvisorFact, "caps-organs-involved", null);
        count["valueInteger"] = 3;
        var result = Read(Bundle(count).ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(new FactValue.Number(3), result.Record!.Fact("caps-organs-involved"));
    }

    [Fact]
    public void Procedure_IsATherapy()
    {
        var procedure = new JsonObject
        {
            ["resourceType"] = "Procedure",
            ["id"] = "pe",
            ["status"] = "completed",
            ["code"] = new JsonObject { ["text"] = "Plasma exchange" },
        };
        var result = Read(Bundle(procedure).ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Contains(result.Record!.Therapies, t => t.Drug.Value == "plasma-exchange" && t.Status == TherapyStatus.Completed);
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "E11.65", "diabetes-mellitus")]
    [InlineData("http://snomed.info/sct", "44054006", "diabetes-mellitus")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "I50.22", "heart-failure")]
    [InlineData("http://snomed.info/sct", "42343007", "heart-failure")]
    public void DiagnosisCodes_SetTheirFact(string system, string code, string fact)
    {
        var result = Read(Bundle(Condition(system, code)).ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.True(result.Record!.Flag(fact));
    }

    [Theory]
    [InlineData("A Rh(D) positive", "A")]
    [InlineData("Blood group AB negative", "AB")]
    [InlineData("O pos", "O")]
    public void BloodGroup_IsReadFromTheDisplay(string display, string group)
    {
        var observation = Observation("http://loinc.org", "882-1", null);
        observation["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "0", ["display"] = display }) };
        var result = Read(Bundle(observation).ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(group, result.Record!.Code("blood-group"));
    }

    private static JsonObject Bundle(params JsonObject[] resources)
    {
        var entries = new JsonArray();
        var i = 0;
        foreach (var resource in resources) entries.Add(new JsonObject { ["fullUrl"] = $"urn:uuid:00000000-0000-4000-8000-{++i:000000000000}", ["resource"] = resource });
        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries };
    }

    private static JsonObject Observation(string system, string code, JsonObject? quantity)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = "o" + code.Replace("-", "", StringComparison.Ordinal),
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
        };
        if (quantity is not null) observation["valueQuantity"] = quantity;
        return observation;
    }

    private static JsonObject Condition(string system, string code) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = "c",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
    };
}
