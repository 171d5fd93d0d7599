using System.Text.Json.Serialization;

namespace IgAdvisor.Fhir;

// A deliberately small model of FHIR R4 JSON: only the elements IgAdvisor reads. Mutable DTOs
// belong at this edge; they are mapped at once onto the immutable patient record.

public sealed class Coding
{
    public string? System { get; set; }
    public string? Code { get; set; }
    public string? Display { get; set; }
}

public sealed class CodeableConcept
{
    public List<Coding> Coding { get; set; } = [];
    public string? Text { get; set; }
}

public sealed class FhirQuantity
{
    public decimal? Value { get; set; }
    /// <summary>&lt;, &lt;=, &gt;= or &gt; for a result beyond an assay's limits ("&lt; 0.07 g/L").</summary>
    public string? Comparator { get; set; }
    public string? Unit { get; set; }
    public string? System { get; set; }
    public string? Code { get; set; }
}

public sealed class Reference
{
    [JsonPropertyName("reference")]
    public string? Value { get; set; }
}

public sealed class Extension
{
    public string? Url { get; set; }
    public string? ValueCode { get; set; }
}

/// <summary>The elements shared by every resource IgAdvisor reads.</summary>
public abstract class Resource
{
    public string? ResourceType { get; set; }
    public string? Id { get; set; }
}

public sealed class Patient : Resource
{
    public string? Gender { get; set; }
    public string? BirthDate { get; set; }
}

public sealed class Observation : Resource
{
    public string? Status { get; set; }
    public CodeableConcept? Code { get; set; }
    public FhirQuantity? ValueQuantity { get; set; }
    public CodeableConcept? ValueCodeableConcept { get; set; }
    public bool? ValueBoolean { get; set; }
    public int? ValueInteger { get; set; }
    public string? ValueString { get; set; }
    public string? EffectiveDateTime { get; set; }
}

public sealed class Condition : Resource
{
    public CodeableConcept? ClinicalStatus { get; set; }
    public CodeableConcept? VerificationStatus { get; set; }
    public CodeableConcept? Code { get; set; }
}

public sealed class MedicationStatement : Resource
{
    public string? Status { get; set; }
    public CodeableConcept? MedicationCodeableConcept { get; set; }
    public List<CodeableConcept> StatusReason { get; set; } = [];
    public List<Extension> Extension { get; set; } = [];
}

public sealed class MedicationRequest : Resource
{
    public string? Status { get; set; }
    public CodeableConcept? MedicationCodeableConcept { get; set; }
    public CodeableConcept? StatusReason { get; set; }
    public List<Extension> Extension { get; set; } = [];
}

/// <summary>A procedure the patient has had (plasma exchange, splenectomy), read as a therapy.</summary>
public sealed class Procedure : Resource
{
    public string? Status { get; set; }
    public CodeableConcept? Code { get; set; }
    public CodeableConcept? StatusReason { get; set; }
    public List<Extension> Extension { get; set; } = [];
}

public sealed class AllergyIntolerance : Resource
{
    public CodeableConcept? ClinicalStatus { get; set; }
    public CodeableConcept? VerificationStatus { get; set; }
    public CodeableConcept? Code { get; set; }
}

/// <summary>Code systems and identifiers IgAdvisor understands in FHIR data.</summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Atc = "http://www.whocc.no/atc";

    /// <summary>IgAdvisor's own code system for patient facts without a standard code: the code is the fact id.</summary>
    public const string IgAdvisorFact = "https://igadvisor.org/fhir/CodeSystem/patient-fact";

    /// <summary>Extension on MedicationStatement/MedicationRequest giving the therapy's outcome
    /// (failed, intolerant, contraindicated, declined, current, completed) as a code.</summary>
    public const string TherapyOutcome = "https://igadvisor.org/fhir/StructureDefinition/therapy-outcome";
}
