using System.Globalization;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Dosing;

/// <summary>
/// The dose calculator's inputs as a user types them (command line, REST): measurements as text
/// with their units, the rest as given. <see cref="GramsPerKg"/> is the course total, split evenly
/// over <see cref="Days"/>.
/// </summary>
public sealed record DoseArguments(
    string? Weight,
    string? Height = null,
    string? Sex = null,
    string? Regimen = null,
    decimal? GramsPerKg = null,
    int? Days = null,
    string? Policy = null,
    string? Product = null,
    decimal? RoundToGrams = null,
    decimal? TolerancePercent = null,
    decimal? PricePerGram = null);

/// <summary>
/// Checks <see cref="DoseArguments"/> and turns them into a <see cref="DoseRequest"/>. Measurements
/// go through the same unit and plausibility checks as a patient record's facts; every problem names
/// the argument (as the command-line option is spelt, without the dashes) and nothing is computed.
/// </summary>
public static class DoseInput
{
    /// <summary>A course above this many grams per kilogram is refused as a likely typing error.</summary>
    public const decimal MaximumGramsPerKgPerCourse = 5m;

    /// <summary>Infusion days a given course may be split over.</summary>
    public const int MaximumDays = 10;

    public static (DoseRequest? Request, InputProblem? Problem) Parse(DoseArguments a, KnowledgeBase kb)
    {
        if (string.IsNullOrWhiteSpace(a.Weight)) return Fail("weight", "the body weight is required, with its unit (e.g. 82kg or 180lb)");
        var probe = new PatientRecordBuilder(kb, TimeProvider.System);
        if (kb.Facts.TryGetValue(new FactId("body-weight"), out var weightFact)) probe.SetQuantityText(weightFact, a.Weight, "weight");
        if (a.Height is not null && kb.Facts.TryGetValue(new FactId("body-height"), out var heightFact)) probe.SetQuantityText(heightFact, a.Height, "height");
        if (probe.Problems.Count > 0) return (null, probe.Problems[0]);
        var record = probe.Build().Record!;
        var weight = new BodyWeight(record.Measure("body-weight")!.Value);
        BodyHeight? height = record.Measure("body-height") is { } cm ? new BodyHeight(cm) : null;

        Sex? sex = null;
        if (a.Sex is not null)
        {
            if (!EnumText.TryParse<Sex>(a.Sex.Trim().ToLowerInvariant(), out var parsedSex) && !TryInitial(a.Sex, out parsedSex))
                return Fail("sex", $"'{a.Sex}' is not one of female, male");
            sex = parsedSex;
        }

        var policy = WeightPolicy.Auto;
        if (a.Policy is not null && !EnumText.TryParse(a.Policy.Trim().ToLowerInvariant(), out policy))
            return Fail("policy", $"'{a.Policy}' is not one of {string.Join(", ", EnumText.Words<WeightPolicy>())}");

        Product? product = null;
        if (a.Product is not null && !kb.Products.TryGetValue(new ProductId(a.Product), out product))
            return Fail("product", $"'{a.Product}' is not a product of the catalogue ({string.Join(", ", kb.Products.Keys.Select(k => k.Value).Order(StringComparer.Ordinal))})");

        var (plan, planProblem) = Plan(a, kb);
        if (plan is null) return (null, planProblem);

        if (a.RoundToGrams is { } step && (step <= 0 || step > 100)) return Fail("round-to", $"{Number(step)} g is not a rounding step between 0 and 100 g");
        if (a.TolerancePercent is { } tolerance && (tolerance < 0 || tolerance > 50)) return Fail("tolerance", $"{Number(tolerance)}% is not a tolerance between 0 and 50%");
        if (a.PricePerGram is { } price && price < 0) return Fail("price-per-gram", "a price is not negative");

        return (new DoseRequest(weight, height, sex, policy, plan, product, a.RoundToGrams, a.TolerancePercent, a.PricePerGram), null);
    }

    private static (DosePlan? Plan, InputProblem? Problem) Plan(DoseArguments a, KnowledgeBase kb)
    {
        var given = a.GramsPerKg is not null || a.Days is not null;
        if (a.Regimen is not null && given)
            return (null, new InputProblem("regimen", "give either --regimen or --g-per-kg with --days, not both"));
        if (a.Regimen is { } id)
        {
            if (!kb.RegimensById.TryGetValue(id, out var found))
                return (null, new InputProblem("regimen", $"'{id}' is not a regimen of the knowledge base (regimen ids look like 'aps.catastrophic.five-day-course'; see the Dosing section of an answer)"));
            var (plan, problem) = DosePlan.FromRegimen(found.Regimen);
            return plan is null ? (null, new InputProblem("regimen", problem!)) : (plan, null);
        }
        if (a.GramsPerKg is not { } perKg) return (null, new InputProblem("g-per-kg", "give --regimen ID, or --g-per-kg G with --days N (G is the course total in g/kg)"));
        if (a.Days is not { } days) return (null, new InputProblem("days", "--g-per-kg needs --days (the number of infusion days the course is split over)"));
        if (perKg <= 0 || perKg > MaximumGramsPerKgPerCourse)
            return (null, new InputProblem("g-per-kg", $"{Number(perKg)} g/kg is not a plausible course (above 0 and at most {Number(MaximumGramsPerKgPerCourse)} g/kg)"));
        if (days < 1 || days > MaximumDays)
            return (null, new InputProblem("days", $"{days} is not a number of infusion days from 1 to {MaximumDays}"));
        return (DosePlan.Custom(perKg, days), null);
    }

    private static bool TryInitial(string text, out Sex sex)
    {
        sex = Sex.Female;
        switch (text.Trim().ToLowerInvariant())
        {
            case "f": return true;
            case "m": sex = Sex.Male; return true;
            default: return false;
        }
    }

    private static (DoseRequest?, InputProblem?) Fail(string field, string message) => (null, new InputProblem(field, message));

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
