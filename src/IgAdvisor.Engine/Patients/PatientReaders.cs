using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Patients;

/// <summary>
/// Reads a patient from JSON text in either form: IgAdvisor's patient document, or a FHIR R4
/// Bundle (resourceType "Bundle") through the registered FHIR reader.
/// </summary>
public static class PatientReaders
{
    /// <summary>The FHIR R4 Bundle reader; set by the host that references IgAdvisor.Fhir.</summary>
    public static Func<string, KnowledgeBase, TimeProvider, PatientReadResult>? FhirBundle { get; set; }

    public static PatientReadResult Read(string json, KnowledgeBase kb, TimeProvider clock)
    {
        if (LooksLikeBundle(json))
        {
            return FhirBundle is { } read ? read(json, kb, clock) : PatientReadResult.Fail("resourceType", "a FHIR Bundle was given but no FHIR reader is available");
        }
        return PatientJsonReader.Read(json, kb, clock);
    }

    private static bool LooksLikeBundle(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("resourceType", out var type) && type.GetString() == "Bundle";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
