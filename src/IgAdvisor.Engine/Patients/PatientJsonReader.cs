using System.Globalization;
using System.Text.Json;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Patients;

/// <summary>Reads the patient JSON document of docs/patient-facts.md. Every problem names its field.</summary>
public static class PatientJsonReader
{
    private static readonly HashSet<string> TopLevel = ["id", "condition", "context", "facts", "therapies", "therapiesComplete", "product", "$schema"];

    public static PatientReadResult Read(string json, KnowledgeBase kb, TimeProvider clock)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return PatientReadResult.Fail($"$ (line {(e.LineNumber ?? 0) + 1})", $"malformed JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return PatientReadResult.Fail("$", "the patient record must be a JSON object");
            var builder = new PatientRecordBuilder(kb, clock);
            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevel.Contains(property.Name)) builder.Problem(property.Name, $"unknown field (expected one of {string.Join(", ", TopLevel.Where(t => t[0] != '$'))})");
            }
            if (Text(root, "id", builder) is { } id) builder.Id = id;
            if (Text(root, "condition", builder) is { } condition) builder.SetCondition(condition, "condition");
            if (Text(root, "context", builder) is { } context) builder.SetContext(context, "context");
            if (Text(root, "product", builder) is { } product) builder.SetProduct(product, "product");
            if (root.TryGetProperty("therapiesComplete", out var complete))
            {
                if (complete.ValueKind is JsonValueKind.True or JsonValueKind.False) builder.TherapiesComplete = complete.GetBoolean();
                else builder.Problem("therapiesComplete", "must be true or false");
            }
            if (root.TryGetProperty("facts", out var facts)) ReadFacts(facts, builder);
            if (root.TryGetProperty("therapies", out var therapies)) ReadTherapies(therapies, builder);
            return builder.Build();
        }
    }

    private static string? Text(JsonElement root, string name, PatientRecordBuilder builder)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) return text;
        builder.Problem(name, "must be a non-empty string");
        return null;
    }

    private static void ReadFacts(JsonElement facts, PatientRecordBuilder builder)
    {
        if (facts.ValueKind != JsonValueKind.Object) { builder.Problem("facts", "must be an object of fact id → value"); return; }
        foreach (var property in facts.EnumerateObject())
        {
            var field = $"facts.{property.Name}";
            var value = property.Value;
            if (property.Name == "birthDate")
            {
                if (value.ValueKind == JsonValueKind.String) builder.SetBirthDate(value.GetString()!, field);
                else builder.Problem(field, "must be a date string YYYY-MM-DD");
                continue;
            }
            var fact = builder.Definition(property.Name, field);
            if (fact is null) continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.True or JsonValueKind.False:
                    builder.SetBoolean(fact, value.GetBoolean(), field);
                    break;
                case JsonValueKind.Number:
                    builder.SetNumber(fact, value.GetDecimal(), field);
                    break;
                case JsonValueKind.String when fact.Kind == FactKind.Quantity:
                    builder.SetQuantityText(fact, value.GetString()!, field);
                    break;
                case JsonValueKind.String when fact.Kind == FactKind.Integer:
                    if (decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) builder.SetNumber(fact, number, field);
                    else builder.Problem(field, $"'{value.GetString()}' is not a number");
                    break;
                case JsonValueKind.String:
                    builder.SetCode(fact, value.GetString()!, field);
                    break;
                case JsonValueKind.Object when fact.Kind == FactKind.Quantity:
                    ReadQuantityObject(value, fact, field, builder);
                    break;
                case JsonValueKind.Null:
                    break; // an explicit null is the same as absent: unknown
                default:
                    builder.Problem(field, $"unexpected {value.ValueKind.ToString().ToLowerInvariant()} for '{fact.Id}'");
                    break;
            }
        }
    }

    private static void ReadQuantityObject(JsonElement value, FactDefinition fact, string field, PatientRecordBuilder builder)
    {
        if (!value.TryGetProperty("value", out var number) || number.ValueKind != JsonValueKind.Number)
        {
            builder.Problem($"{field}.value", "a quantity object needs a numeric 'value'");
            return;
        }
        if (!value.TryGetProperty("unit", out var unit) || unit.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(unit.GetString()))
        {
            builder.Problem($"{field}.unit", $"a quantity needs its 'unit' (e.g. {fact.Unit?.Code})");
            return;
        }
        if (!Units.TryFind(unit.GetString()!, out var u))
        {
            builder.Problem($"{field}.unit", $"'{unit.GetString()}' is not a known unit; see docs/units.md");
            return;
        }
        var censor = Censor.Exact;
        if (value.TryGetProperty("comparator", out var comparator) && (comparator.ValueKind != JsonValueKind.String || !Censoring.TryParse(comparator.GetString(), out censor)))
        {
            builder.Problem($"{field}.comparator", "must be one of <, <=, >, >=");
            return;
        }
        builder.SetQuantity(fact, new Quantity(number.GetDecimal(), u), field, censor);
    }

    private static void ReadTherapies(JsonElement therapies, PatientRecordBuilder builder)
    {
        if (therapies.ValueKind != JsonValueKind.Array) { builder.Problem("therapies", "must be a list of { drug, status }"); return; }
        var i = 0;
        foreach (var item in therapies.EnumerateArray())
        {
            var field = $"therapies[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { builder.Problem(field, "must be an object { drug, status }"); continue; }
            var drug = item.TryGetProperty("drug", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var status = item.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (drug is null) { builder.Problem($"{field}.drug", "missing"); continue; }
            if (status is null) { builder.Problem($"{field}.status", "missing"); continue; }
            builder.AddTherapy(drug, status, field);
        }
    }
}
