using System.Collections.Frozen;
using System.Text.Json;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using FhirCondition = IgAdvisor.Fhir.Condition;

namespace IgAdvisor.Fhir;

/// <summary>
/// Reads a FHIR R4 Bundle into a patient record (docs/fhir.md): Patient (sex, birth date),
/// Observation (facts by LOINC, SNOMED CT or IgAdvisor's fact code; quantities in UCUM; the latest
/// reading wins), Condition (the condition and context by ICD-10-CM or SNOMED CT; boolean facts by
/// SNOMED CT), MedicationStatement, MedicationRequest and Procedure (therapies and their outcome) and
/// AllergyIntolerance (a reaction to immunoglobulin; a contraindicated drug).
/// </summary>
public sealed class FhirBundleReader
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly KnowledgeBase _kb;
    private readonly FrozenDictionary<(string System, string Code), FactDefinition> _factCodes;
    private readonly FrozenDictionary<(string System, string Code), (ConditionId Condition, ContextId? Context)> _conditionCodes;

    public FhirBundleReader(KnowledgeBase kb)
    {
        _kb = kb;
        var facts = new Dictionary<(string, string), FactDefinition>();
        foreach (var fact in kb.Facts.Values)
        {
            foreach (var code in fact.Loinc) facts[(FhirSystems.Loinc, code)] = fact;
            foreach (var code in fact.Snomed) facts[(FhirSystems.Snomed, code)] = fact;
            foreach (var code in fact.Icd10Cm) facts[(FhirSystems.Icd10Cm, code)] = fact;
            facts[(FhirSystems.IgAdvisorFact, fact.Id.Value)] = fact;
        }
        _factCodes = facts.ToFrozenDictionary();
        var conditions = new Dictionary<(string, string), (ConditionId, ContextId?)>();
        foreach (var condition in kb.Conditions)
        {
            foreach (var code in condition.Codes.Icd10Cm) conditions[(FhirSystems.Icd10Cm, code)] = (condition.Id, null);
            foreach (var code in condition.Codes.SnomedCt) conditions[(FhirSystems.Snomed, code)] = (condition.Id, null);
            foreach (var context in condition.Contexts)
            {
                foreach (var code in context.Codes.Icd10Cm) conditions[(FhirSystems.Icd10Cm, code)] = (condition.Id, context.Id);
                foreach (var code in context.Codes.SnomedCt) conditions[(FhirSystems.Snomed, code)] = (condition.Id, context.Id);
            }
        }
        _conditionCodes = conditions.ToFrozenDictionary();
    }

    // The code tables are built once per knowledge base, not per bundle.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, FhirBundleReader> Readers = [];

    /// <summary>For <see cref="PatientReaders.FhirBundle"/>: the reader of <paramref name="kb"/>, built on first use.</summary>
    public static PatientReadResult Read(string json, KnowledgeBase kb, TimeProvider clock) =>
        Readers.GetValue(kb, k => new FhirBundleReader(k)).Read(json, clock);

    public PatientReadResult Read(string json, TimeProvider clock)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return PatientReadResult.Fail($"Bundle (line {(e.LineNumber ?? 0) + 1})", $"malformed JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "Bundle")
                return PatientReadResult.Fail("resourceType", "expected a FHIR R4 Bundle (resourceType \"Bundle\")");
            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
                return PatientReadResult.Fail("Bundle.entry", "the Bundle has no entries");

            var builder = new PatientRecordBuilder(_kb, clock);
            builder.Id = root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var resources = new List<(Resource Resource, string Field)>();
            var i = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var field = $"Bundle.entry[{i++}].resource";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
                {
                    builder.Problem(field, "an entry without a resource");
                    continue;
                }
                var resourceType = resource.TryGetProperty("resourceType", out var rt) ? rt.GetString() : null;
                try
                {
                    Resource? parsed = resourceType switch
                    {
                        "Patient" => resource.Deserialize<Patient>(Options),
                        "Observation" => resource.Deserialize<Observation>(Options),
                        "Condition" => resource.Deserialize<FhirCondition>(Options),
                        "MedicationStatement" => resource.Deserialize<MedicationStatement>(Options),
                        "MedicationRequest" => resource.Deserialize<MedicationRequest>(Options),
                        "Procedure" => resource.Deserialize<Procedure>(Options),
                        "AllergyIntolerance" => resource.Deserialize<AllergyIntolerance>(Options),
                        null => null,
                        _ => null, // other resources (Practitioner, Encounter...) carry nothing IgAdvisor reads
                    };
                    if (resourceType is null) builder.Problem(field, "a resource without resourceType");
                    else if (parsed is not null) resources.Add((parsed, $"{resourceType}/{parsed.Id ?? (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
                }
                catch (JsonException e)
                {
                    builder.Problem($"{field} ({resourceType}){(e.Path is { Length: > 1 } p ? p[1..] : "")}", $"not valid FHIR R4 JSON for IgAdvisor: {e.Message}");
                }
            }

            var patients = resources.Select(r => r.Resource).OfType<Patient>().ToList();
            if (patients.Count > 1) builder.Problem("Bundle", "the Bundle holds more than one Patient");
            foreach (var patient in patients) ReadPatient(patient, builder);
            var observations = resources.Where(r => r.Resource is Observation).OrderBy(r => ((Observation)r.Resource).EffectiveDateTime ?? "", StringComparer.Ordinal);
            foreach (var (resource, field) in observations) ReadObservation((Observation)resource, field, builder);
            ReadConditions(resources.Where(r => r.Resource is FhirCondition).ToList(), builder);
            foreach (var (resource, field) in resources.Where(r => r.Resource is MedicationStatement or MedicationRequest or Procedure)) ReadMedication(resource, field, builder);
            foreach (var (resource, field) in resources.Where(r => r.Resource is AllergyIntolerance)) ReadAllergy((AllergyIntolerance)resource, field, builder);
            return builder.Build();
        }
    }

    private void ReadPatient(Patient patient, PatientRecordBuilder builder)
    {
        if (patient.Gender is "male" or "female" && _kb.Facts.TryGetValue(new FactId("sex"), out var sex)) builder.SetCode(sex, patient.Gender, "Patient.gender");
        if (patient.BirthDate is { Length: >= 10 } birth) builder.SetBirthDate(birth[..10], "Patient.birthDate");
        else if (patient.BirthDate is { Length: > 0 }) builder.Note($"Patient.birthDate '{patient.BirthDate}' has no day; the age is not computed from it");
    }

    private void ReadObservation(Observation observation, string field, PatientRecordBuilder builder)
    {
        if (observation.Status is "entered-in-error" or "cancelled") return;
        var fact = observation.Code?.Coding.Select(c => c.System is { } s && c.Code is { } code && _factCodes.TryGetValue((s, code), out var f) ? f : null).FirstOrDefault(f => f is not null);
        if (fact is null)
        {
            builder.Note($"{field}: observation {Describe(observation.Code)} is not a fact IgAdvisor uses");
            return;
        }
        switch (fact.Kind)
        {
            case FactKind.Integer when observation.ValueInteger is { } count:
                builder.SetNumber(fact, count, $"{field}.valueInteger");
                break;
            case FactKind.Quantity or FactKind.Integer when observation.ValueQuantity is { Value: { } value } q:
                if (fact.Kind == FactKind.Integer && q.Code is null && q.Unit is null)
                {
                    builder.SetNumber(fact, value, $"{field}.valueQuantity");
                    break;
                }
                var unitCode = q.System == FhirSystems.Ucum ? q.Code : q.Code ?? q.Unit;
                if (string.IsNullOrWhiteSpace(unitCode)) { builder.Problem($"{field}.valueQuantity", $"{value} has no UCUM unit"); break; }
                if (fact.Kind == FactKind.Integer && unitCode is "1" or "{score}") { builder.SetNumber(fact, value, $"{field}.valueQuantity"); break; }
                if (!Units.TryFind(unitCode, out var unit)) { builder.Problem($"{field}.valueQuantity.code", $"'{unitCode}' is not a unit IgAdvisor knows; see docs/units.md"); break; }
                if (!Censoring.TryParse(q.Comparator, out var censor)) { builder.Problem($"{field}.valueQuantity.comparator", $"'{q.Comparator}' is not one of <, <=, >=, >"); break; }
                builder.SetQuantity(fact, new Quantity(value, unit), $"{field}.valueQuantity", censor);
                break;
            case FactKind.Boolean:
                if (Truth(observation) is { } truth) builder.SetBoolean(fact, truth, field);
                else builder.Note($"{field}: the value of {fact.Id} could not be read as yes or no");
                break;
            case FactKind.Code:
                if (CodeValue(fact, observation) is { } code) builder.SetCode(fact, code, field);
                else builder.Note($"{field}: the value of {fact.Id} is not one of {string.Join(", ", fact.Values)}");
                break;
            default:
                builder.Problem(field, $"'{fact.Id}' needs a value of kind {EnumText.ToText(fact.Kind)}");
                break;
        }
    }

    /// <summary>Yes/no from valueBoolean, a coded answer (SNOMED CT, LOINC answer codes) or text.</summary>
    private static bool? Truth(Observation observation)
    {
        if (observation.ValueBoolean is { } b) return b;
        foreach (var coding in observation.ValueCodeableConcept?.Coding ?? [])
        {
            switch (coding.Code)
            {
                case "373066001" or "10828004" or "LA33-6" or "LA15173-0" or "52101004": return true; // yes, positive, pregnant, present
                case "373067005" or "260385009" or "LA32-8" or "LA26683-5" or "2667000": return false; // no, negative, not pregnant, absent
            }
        }
        var text = (observation.ValueCodeableConcept?.Text ?? observation.ValueString)?.Trim().ToLowerInvariant();
        return text switch
        {
            "yes" or "positive" or "present" or "detected" or "true" or "pregnant" => true,
            "no" or "negative" or "absent" or "not detected" or "false" or "not pregnant" => false,
            _ => null,
        };
    }

    private static readonly FrozenDictionary<string, string> BloodGroups = new Dictionary<string, string>
    {
        ["112144000"] = "A", ["112149005"] = "B", ["165743006"] = "AB", ["58460004"] = "O",
    }.ToFrozenDictionary();

    private static string? CodeValue(FactDefinition fact, Observation observation)
    {
        foreach (var coding in observation.ValueCodeableConcept?.Coding ?? [])
        {
            if (coding.Code is { } c && BloodGroups.TryGetValue(c, out var group) && fact.Values.Contains(group)) return group;
            if (coding.Code is { } plain && fact.Values.Contains(plain)) return plain;
        }
        // Text such as "Blood group A Rh(D) positive" or "AB neg": the first word that is one of the fact's values.
        var texts = new[] { observation.ValueCodeableConcept?.Text, observation.ValueString }
            .Concat(observation.ValueCodeableConcept?.Coding.Select(c => c.Display) ?? []).OfType<string>();
        foreach (var text in texts)
        {
            foreach (var word in text.Split([' ', ',', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
                // One-letter values (blood group A, B, O) must match in capitals: "a positive result" is not group A.
                if (fact.Values.FirstOrDefault(v => string.Equals(v, word, word.Length == 1 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)) is { } value) return value;
        }
        return null;
    }

    private void ReadConditions(List<(Resource Resource, string Field)> conditions, PatientRecordBuilder builder)
    {
        var covered = new List<(ConditionId Condition, ContextId? Context)>();
        foreach (var (resource, field) in conditions)
        {
            var condition = (FhirCondition)resource;
            if (!Active(condition.ClinicalStatus, condition.VerificationStatus)) continue;
            var matched = false;
            foreach (var coding in condition.Code?.Coding ?? [])
            {
                if (coding.System is not { } system || coding.Code is not { } code) continue;
                if (_conditionCodes.TryGetValue((system, code), out var hit)) { covered.Add(hit); matched = true; }
                if ((_factCodes.TryGetValue((system, code), out var fact) || system == FhirSystems.Icd10Cm && IcdCategory(code) is { } category && _factCodes.TryGetValue((system, category), out fact))
                    && fact.Kind == FactKind.Boolean) { builder.SetBoolean(fact, true, field); matched = true; }
            }
            if (!matched) builder.Note($"{field}: condition {Describe(condition.Code)} is not one IgAdvisor covers");
        }
        var distinct = covered.Select(c => c.Condition).Distinct().ToList();
        if (distinct.Count == 1)
        {
            builder.SetCondition(distinct[0].Value, "Condition.code");
            var contexts = covered.Where(c => c.Context is not null).Select(c => c.Context!.Value).Distinct().ToList();
            if (contexts.Count == 1) builder.SetContext(contexts[0].Value, "Condition.code");
        }
        else if (distinct.Count > 1)
            builder.Note($"the Bundle names several covered conditions ({string.Join(", ", distinct)}); choose one with --condition");
    }

    private void ReadMedication(Resource resource, string field, PatientRecordBuilder builder)
    {
        var (status, concept, reason, extensions) = resource switch
        {
            MedicationStatement s => (s.Status, s.MedicationCodeableConcept, s.StatusReason.FirstOrDefault(), s.Extension),
            MedicationRequest r => (r.Status, r.MedicationCodeableConcept, r.StatusReason, r.Extension),
            Procedure p => (p.Status switch { "in-progress" => "active", "completed" => "completed", "not-done" => "not-taken", var other => other }, p.Code, p.StatusReason, p.Extension),
            _ => (null, null, null, []),
        };
        if (status is "entered-in-error" or "cancelled" or "draft" or "intended" or "unknown" or "preparation") return;
        var drug = Drug(concept);
        if (drug is null)
        {
            builder.Note($"{field}: {(resource is Procedure ? "procedure" : "medication")} {Describe(concept)} is not one IgAdvisor knows");
            return;
        }
        var outcome = extensions.FirstOrDefault(e => e.Url == FhirSystems.TherapyOutcome)?.ValueCode;
        if (outcome is not null)
        {
            builder.AddTherapy(drug.Id.Value, outcome, $"{field}.extension[therapy-outcome]");
            return;
        }
        var reasonText = string.Join(' ', (reason?.Coding.Select(c => c.Display) ?? []).Append(reason?.Text)).ToLowerInvariant();
        var therapyStatus = status switch
        {
            "active" or "on-hold" => TherapyStatus.Current,
            "not-taken" => TherapyStatus.Declined,
            "stopped" when reasonText.Contains("advers", StringComparison.Ordinal) || reasonText.Contains("intoleran", StringComparison.Ordinal) || reasonText.Contains("side effect", StringComparison.Ordinal) => TherapyStatus.Intolerant,
            "stopped" when reasonText.Contains("ineffective", StringComparison.Ordinal) || reasonText.Contains("failure", StringComparison.Ordinal) || reasonText.Contains("no response", StringComparison.Ordinal) || reasonText.Contains("refractory", StringComparison.Ordinal) => TherapyStatus.Failed,
            _ => TherapyStatus.Completed,
        };
        builder.AddTherapy(drug.Id, therapyStatus);
    }

    private void ReadAllergy(AllergyIntolerance allergy, string field, PatientRecordBuilder builder)
    {
        if (!Active(allergy.ClinicalStatus, allergy.VerificationStatus)) return;
        var drug = Drug(allergy.Code);
        if (drug is null)
        {
            builder.Note($"{field}: allergy to {Describe(allergy.Code)} does not concern a therapy IgAdvisor knows");
            return;
        }
        if (drug.Kind == DrugKind.Immunoglobulin && _kb.Facts.TryGetValue(new FactId("previous-immunoglobulin-reaction"), out var reaction))
            builder.SetBoolean(reaction, true, field);
        else builder.AddTherapy(drug.Id, TherapyStatus.Contraindicated);
    }

    /// <summary>A therapy from its ATC code, or from a name or synonym in the coding display or text.</summary>
    private Drug? Drug(CodeableConcept? concept)
    {
        if (concept is null) return null;
        foreach (var coding in concept.Coding)
        {
            if (coding.System == FhirSystems.Atc && coding.Code is { } atc && _kb.Drugs.Values.FirstOrDefault(d => d.Atc == atc) is { } byAtc) return byAtc;
        }
        var names = concept.Coding.Select(c => c.Display).Append(concept.Text).OfType<string>().Select(n => n.Trim());
        foreach (var name in names)
        {
            var drug = _kb.Drugs.Values.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)
                || d.Synonyms.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                || string.Equals(d.Id.Value, name, StringComparison.OrdinalIgnoreCase));
            if (drug is not null) return drug;
            var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (first is not null && _kb.Drugs.Values.FirstOrDefault(d => string.Equals(d.Name, first, StringComparison.OrdinalIgnoreCase)) is { } byWord) return byWord;
        }
        return null;
    }

    /// <summary>The three-character category of an ICD-10-CM code ("E11" of "E11.65"), or null for a code that is one.</summary>
    private static string? IcdCategory(string code) => code.Length > 3 ? code[..3] : null;

    private static bool Active(CodeableConcept? clinical, CodeableConcept? verification)
    {
        var status = clinical?.Coding.FirstOrDefault()?.Code;
        var verified = verification?.Coding.FirstOrDefault()?.Code;
        return status is null or "active" or "recurrence" or "relapse" && verified is not ("refuted" or "entered-in-error");
    }

    private static string Describe(CodeableConcept? concept) =>
        concept?.Text ?? concept?.Coding.Select(c => c.Display ?? $"{c.System}|{c.Code}").FirstOrDefault() ?? "(no code)";
}
