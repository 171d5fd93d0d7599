using System.Collections.Immutable;
using System.Globalization;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering.Reports;

/// <summary>What <c>igadvisor dose</c> shows: the dosing weight and why, the course, the infusion, the cost, the warnings.</summary>
public static class DoseReport
{
    public const string Check = "Check the dose against local policy and the product's current label before prescribing.";

    public static Report Build(DoseResult dose, KnowledgeBase kb) =>
        new($"Immunoglobulin dose: {dose.Plan.Description}", Lead(dose), Sections(dose, kb), Footer(kb));

    public static ImmutableArray<string> Footer(KnowledgeBase kb) =>
        [$"IgAdvisor knowledge base {kb.Version} ({kb.Released:yyyy-MM-dd}).", Check, AnswerComposer.Disclaimer];

    /// <summary>One sentence with the result a pharmacist reads first.</summary>
    public static string Lead(DoseResult d)
    {
        var perDay = d.Days.Select(x => x.RoundedGrams).Distinct().ToList();
        var split = d.Days.Length == 1 ? "in one infusion" : perDay.Count == 1 ? $"as {G(perDay[0])} on each of {d.Days.Length} days" : $"over {d.Days.Length} days";
        var every = d.Plan.Interval is { } interval ? $", every {Wording.Interval(interval)}" : "";
        return $"Give {G(d.RoundedTotalGrams)} {split}{every} (exact {G(d.TotalGrams)}), for a dosing weight of {Kg(d.DosingWeightKg)} ({Policy(d.AppliedPolicy)}).";
    }

    public static ImmutableArray<ReportSection> Sections(DoseResult d, KnowledgeBase kb)
    {
        var sections = ImmutableArray.CreateBuilder<ReportSection>();
        if (!d.Warnings.IsEmpty)
            sections.Add(new ReportSection("Warnings", [new ReportList([.. d.Warnings.Select(w => new ReportItem(Wording.Capitalise(Wording.EnsurePeriod(w)), Emphasis: true))])]));
        sections.Add(new ReportSection("Dosing weight", [WeightFacts(d)]));
        sections.Add(new ReportSection("Course", [CourseFacts(d), DayTable(d)]));
        if (d.Days.FirstOrDefault()?.Infusion is { } infusion)
            sections.Add(new ReportSection($"Infusion with {infusion.Brand}", Infusion(infusion, kb.Products.GetValueOrDefault(infusion.Product))));
        sections.Add(new ReportSection("Cost", [CostFacts(d.Cost)]));
        return sections.ToImmutable();
    }

    private static ReportFacts WeightFacts(DoseResult d)
    {
        var rows = ImmutableArray.CreateBuilder<(string, string)>();
        rows.Add(("Actual weight", Kg(d.ActualWeightKg)));
        if (d.HeightCm is { } h) rows.Add(("Height", $"{N(h)} cm"));
        if (d.Bmi is { } bmi) rows.Add(("BMI", $"{N(bmi)} kg/m²"));
        if (d.IdealBodyWeightKg is { } ibw) rows.Add(("Ideal body weight (Devine)", Kg(ibw)));
        if (d.AdjustedBodyWeightKg is { } adj) rows.Add(("Adjusted body weight", Kg(adj)));
        rows.Add(("Policy", d.RequestedPolicy == d.AppliedPolicy ? Policy(d.AppliedPolicy) : $"{Policy(d.RequestedPolicy)} → {Policy(d.AppliedPolicy)}"));
        rows.Add(("Why", d.PolicyReason));
        rows.Add(("Dosing weight", Kg(d.DosingWeightKg)));
        return new ReportFacts(rows.ToImmutable());
    }

    private static ReportFacts CourseFacts(DoseResult d)
    {
        var rows = ImmutableArray.CreateBuilder<(string, string)>();
        rows.Add(("Regimen", d.Plan.RegimenId is { } id ? $"{d.Plan.Description} ({id})" : d.Plan.Description));
        rows.Add(("Per day", $"{N(d.Plan.GramsPerKgPerDay)} g/kg × {Kg(d.DosingWeightKg)} = {G(d.Days[0].ExactGrams)}"));
        if (d.MaximumGramsPerDay is { } max) rows.Add(("Maximum per day", G(max)));
        rows.Add(("Rounding", $"to {d.Rounding}, within {N(d.TolerancePercent)}%"));
        rows.Add(("Total", $"{G(d.RoundedTotalGrams)} given (exact {G(d.TotalGrams)})"));
        return new ReportFacts(rows.ToImmutable());
    }

    private static ReportTable DayTable(DoseResult d) => new(["Day", "Exact", "Given", "Vials"],
        [.. d.Days.Select(day => ImmutableArray.Create($"{day.Day}", G(day.ExactGrams), G(day.RoundedGrams), Vials(day.Vials)))]);

    private static ImmutableArray<ReportBlock> Infusion(InfusionPlan plan, Product? product)
    {
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        var rows = ImmutableArray.CreateBuilder<(string, string)>();
        rows.Add(("Volume per day", $"{N(plan.VolumeMl)} mL"));
        rows.Add(("Duration per day", plan.LongestDurationMinutes is { } longest
            ? $"{Duration(plan.DurationMinutes)} to {Duration(longest)}: the label says to raise the rate as tolerated without giving an interval"
            : Duration(plan.DurationMinutes)));
        if (plan.Sites is { } sites)
        {
            rows.Add(("Sites", $"{sites.SiteCount} in parallel, {N(sites.VolumePerSiteMl)} mL each at {N(sites.MlPerHourPerSite)} mL/h ({sites.Phase})"));
            if (sites.MaximumSites is { } maxSites) rows.Add(("Label's maximum sites", $"{maxSites}"));
        }
        else rows.Add(("Rates per kg of", Kg(plan.RateWeightKg)));
        blocks.Add(new ReportFacts(rows.ToImmutable()));
        if (plan.Sites is null)
        {
            var concentration = product?.ConcentrationGramsPerLitre;
            blocks.Add(new ReportTable(["Step", "mL/kg/h", "mg/kg/min", "mL/h", "Minutes", "Volume"],
                [.. plan.Steps.Select((s, i) => ImmutableArray.Create($"{i + 1}", N(s.RateMlPerKgPerHour),
                    concentration is { } c ? N(Math.Round(s.RateMlPerKgPerHour * c / 60m, 2)) : "", N(s.RateMlPerHour),
                    s.Minutes is { } m ? N(m) : "as tolerated", s.VolumeMl is { } v ? $"{N(v)} mL" : "—"))]));
        }
        if (product?.RateNote is { } note) blocks.Add(new ReportParagraph($"Label: {Wording.EnsurePeriod(note)}"));
        return blocks.ToImmutable();
    }

    private static ReportFacts CostFacts(CostEstimate c)
    {
        var rows = ImmutableArray.CreateBuilder<(string, string)>();
        rows.Add(("Price per gram", Money(c.PricePerGram, c.Currency)));
        rows.Add(("Course", Money(c.CourseCost, c.Currency)));
        if (c.CoursesPerYear is { } n) rows.Add(("Courses per year", N(n)));
        if (c.AnnualCost is { } year) rows.Add(("Per year, if continued", Money(year, c.Currency)));
        return new ReportFacts(rows.ToImmutable());
    }

    public static string Vials(ImmutableArray<VialCount> vials) =>
        vials.IsEmpty ? "—" : string.Join(" + ", vials.Select(v => $"{v.Count} × {N(v.SizeGrams)} g"));

    public static string Policy(WeightPolicy policy) => policy switch
    {
        WeightPolicy.Actual => "actual body weight",
        WeightPolicy.Ideal => "ideal body weight",
        WeightPolicy.Adjusted => "adjusted body weight",
        _ => "automatic choice",
    };

    private static string Duration(decimal minutes) =>
        minutes < 60 ? $"{N(minutes)} min" : $"{(int)(minutes / 60)} h {N(minutes % 60)} min";

    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    public static string G(decimal grams) => $"{N(grams)} g";
    public static string Kg(decimal kg) => $"{N(kg)} kg";
    private static string Money(decimal amount, string currency) => $"{amount.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";
}
