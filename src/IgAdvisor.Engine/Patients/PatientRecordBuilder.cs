using System.Collections.Immutable;
using System.Globalization;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Patients;

/// <summary>
/// Builds a <see cref="PatientRecord"/> from values read by the JSON or FHIR reader, with the same
/// checks for both: every fact known to the catalogue, quantities with a convertible unit and
/// within the fact's plausible range, codes among the allowed values, no contradictions.
/// </summary>
public sealed class PatientRecordBuilder(KnowledgeBase kb, TimeProvider clock)
{
    private readonly Dictionary<FactId, FactValue> _facts = [];
    private readonly List<PatientTherapy> _therapies = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<string> _notes = [];

    public void Note(string note) => _notes.Add(note);

    public string? Id { get; set; }
    public ConditionId? Condition { get; private set; }
    public ContextId? Context { get; private set; }
    public ProductId? Product { get; private set; }
    public bool TherapiesComplete { get; set; }
    public IReadOnlyList<InputProblem> Problems => _problems;

    public void Problem(string field, string message) => _problems.Add(new InputProblem(field, message));

    public void SetCondition(string id, string field)
    {
        if (kb.ConditionsById.ContainsKey(new ConditionId(id))) Condition = new ConditionId(id);
        else Problem(field, $"'{id}' is not a condition of the knowledge base (see igadvisor conditions)");
    }

    public void SetContext(string id, string field) => Context = new ContextId(id);

    public void SetProduct(string id, string field)
    {
        if (kb.Products.ContainsKey(new ProductId(id))) Product = new ProductId(id);
        else Problem(field, $"'{id}' is not a product of the catalogue ({string.Join(", ", kb.Products.Keys.Select(k => k.Value).Order())})");
    }

    /// <summary>Looks a fact up; an unknown id is a problem naming the field.</summary>
    public FactDefinition? Definition(string id, string field)
    {
        if (kb.Facts.TryGetValue(new FactId(id), out var fact)) return fact;
        Problem(field, $"'{id}' is not a patient fact IgAdvisor knows (see knowledge/facts/*.yaml)");
        return null;
    }

    public void SetBoolean(FactDefinition fact, bool value, string field)
    {
        if (fact.Kind != FactKind.Boolean) { Problem(field, $"'{fact.Id}' is a {EnumText.ToText(fact.Kind)}, not yes/no"); return; }
        _facts[fact.Id] = new FactValue.Boolean(value);
    }

    public void SetCode(FactDefinition fact, string value, string field)
    {
        if (fact.Kind != FactKind.Code) { Problem(field, $"'{fact.Id}' is a {EnumText.ToText(fact.Kind)}, not a code"); return; }
        var match = fact.Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (match is null) { Problem(field, $"'{value}' is not one of {string.Join(", ", fact.Values)}"); return; }
        _facts[fact.Id] = new FactValue.Code(match);
    }

    public void SetNumber(FactDefinition fact, decimal value, string field)
    {
        switch (fact.Kind)
        {
            case FactKind.Integer:
                if (!InRange(fact, value, field)) return;
                _facts[fact.Id] = new FactValue.Number(value);
                return;
            case FactKind.Quantity:
                Problem(field, $"{value.ToString(CultureInfo.InvariantCulture)} has no unit; '{fact.Id}' needs one (e.g. \"{value.ToString(CultureInfo.InvariantCulture)} {fact.Unit?.Code}\")");
                return;
            default:
                Problem(field, $"'{fact.Id}' is a {EnumText.ToText(fact.Kind)}, not a number");
                return;
        }
    }

    public void SetQuantity(FactDefinition fact, Quantity quantity, string field, Censor censor = Censor.Exact)
    {
        if (fact.Kind != FactKind.Quantity || fact.Unit is null) { Problem(field, $"'{fact.Id}' is a {EnumText.ToText(fact.Kind)}, not a quantity"); return; }
        if (censor != Censor.Exact && fact.Id.Value is "body-weight" or "body-height" or "age")
        {
            Problem(field, $"'{fact.Id}' must be an exact value, not '{Censoring.Symbol(censor)} {quantity}'");
            return;
        }
        if (!quantity.TryConvertTo(fact.Unit, fact.MolarMassGramsPerMole, out var converted))
        {
            Problem(field, $"{quantity.Unit.Code} cannot be converted to {fact.Unit.Code}, the unit of '{fact.Id}'");
            return;
        }
        if (!InRange(fact, converted.Value, field)) return;
        _facts[fact.Id] = new FactValue.Measured(converted, censor);
    }

    /// <summary>"6.2 g/L", or a censored result such as "&lt; 0.07 g/L" or "&gt;= 300 10*9/L".</summary>
    public void SetQuantityText(FactDefinition fact, string text, string field)
    {
        var trimmed = text.TrimStart();
        var length = trimmed.StartsWith("<=", StringComparison.Ordinal) || trimmed.StartsWith(">=", StringComparison.Ordinal) ? 2
            : trimmed.Length > 0 && trimmed[0] is '<' or '>' or '≤' or '≥' ? 1 : 0;
        Censoring.TryParse(trimmed[..length], out var censor);
        if (Quantity.TryParse(trimmed[length..], out var q, out var error)) SetQuantity(fact, q, field, censor);
        else Problem(field, error);
    }

    /// <summary>Sets the patient's age from a birth date, as of today by the injected clock.</summary>
    public void SetBirthDate(string text, string field)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            Problem(field, $"'{text}' is not a date of the form YYYY-MM-DD");
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (birth > today) { Problem(field, $"the birth date {text} is in the future"); return; }
        var years = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        if (kb.Facts.TryGetValue(new FactId("age"), out var age)) SetQuantity(age, new Quantity(years, Units.Year), field);
    }

    public void AddTherapy(string drug, string status, string field)
    {
        if (!kb.Drugs.ContainsKey(new DrugId(drug))) { Problem($"{field}.drug", $"'{drug}' is not a therapy IgAdvisor knows (see knowledge/drugs/*.yaml)"); return; }
        if (!EnumText.TryParse<TherapyStatus>(status, out var s))
        {
            Problem($"{field}.status", $"'{status}' is not one of {string.Join(", ", EnumText.Words<TherapyStatus>())}");
            return;
        }
        _therapies.Add(new PatientTherapy(new DrugId(drug), s));
    }

    public void AddTherapy(DrugId drug, TherapyStatus status) => _therapies.Add(new PatientTherapy(drug, status));

    private bool InRange(FactDefinition fact, decimal value, string field)
    {
        if (fact.RangeMin is { } min && value < min || fact.RangeMax is { } max && value > max)
        {
            Problem(field, $"{value.ToString("0.###", CultureInfo.InvariantCulture)} {fact.Unit?.Code} is implausible for '{fact.Id}' (plausible {fact.RangeMin?.ToString(CultureInfo.InvariantCulture)}-{fact.RangeMax?.ToString(CultureInfo.InvariantCulture)})");
            return false;
        }
        if (fact.Id.Value is "body-weight" && value <= 0) { Problem(field, "a body weight is positive"); return false; }
        return true;
    }

    /// <summary>The record, after the checks that involve several facts; null when there is any problem.</summary>
    public PatientReadResult Build()
    {
        if (_facts.TryGetValue(new FactId("pregnant"), out var pregnant) && pregnant is FactValue.Boolean { Value: true }
            && _facts.TryGetValue(new FactId("sex"), out var sex) && sex is FactValue.Code { Value: "male" })
            Problem("facts.pregnant", "a male patient is recorded as pregnant; correct the sex or the pregnancy status");
        if (Condition is { } c && Context is { } ctx && kb.ConditionsById[c].Context(ctx) is null)
            Problem("context", $"'{ctx}' is not a context of {c} ({string.Join(", ", kb.ConditionsById[c].Contexts.Select(x => x.Id))})");
        if (_problems.Count > 0) return new PatientReadResult(null, [.. _problems]);
        return new PatientReadResult(
            new PatientRecord(Id, Condition, Context, _facts.ToImmutableDictionary(), [.. _therapies], TherapiesComplete, Product) { Notes = [.. _notes] }, []);
    }
}
