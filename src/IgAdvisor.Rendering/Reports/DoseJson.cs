using System.Collections.Immutable;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Rendering.Reports;

/// <summary>
/// The JSON contract of <c>dose --format json</c> (docs/dosing.md): dosingWeightKg, policy (the one
/// applied), idealBodyWeightKg, bmi, totalGrams (exact), roundedTotalGrams, perDayGrams (rounded)
/// and warnings, with the detail behind them.
/// </summary>
public static class DoseJson
{
    public sealed record RegimenDto(string? Id, string Description, decimal GramsPerKgPerDay, int Days, string? Interval, decimal? MaxGramsPerKgPerDay);
    public sealed record VialDto(decimal SizeGrams, int Count);
    public sealed record DayDto(int Day, decimal ExactGrams, decimal RoundedGrams, ImmutableArray<VialDto> Vials);
    public sealed record StepDto(decimal RateMlPerKgPerHour, decimal? RateMgPerKgPerMinute, decimal RateMlPerHour, decimal? Minutes, decimal? VolumeMl, bool AsTolerated);
    public sealed record SitesDto(string Phase, int Count, decimal VolumePerSiteMl, decimal MlPerHourPerSite, int? MaximumSites);
    public sealed record InfusionDto(string Product, string Brand, decimal VolumeMl, decimal DurationMinutes, decimal? LongestDurationMinutes, decimal RateWeightKg, ImmutableArray<StepDto> Steps, SitesDto? Sites);
    public sealed record CostDto(decimal PricePerGram, string Currency, decimal CourseCost, decimal? CoursesPerYear, decimal? AnnualCost);
    public sealed record DoseDto(
        decimal DosingWeightKg, string Policy, string RequestedPolicy, string PolicyReason, decimal ActualWeightKg, decimal? HeightCm,
        decimal? IdealBodyWeightKg, decimal? AdjustedBodyWeightKg, decimal? Bmi, RegimenDto Regimen, decimal TotalGrams, decimal RoundedTotalGrams,
        ImmutableArray<decimal> PerDayGrams, decimal? MaximumGramsPerDay, string Rounding, decimal TolerancePercent, ImmutableArray<DayDto> Days,
        InfusionDto? Infusion, CostDto Cost, ImmutableArray<string> Warnings);

    public static DoseDto ToDto(DoseResult d, KnowledgeBase kb)
    {
        var infusion = d.Days.FirstOrDefault()?.Infusion;
        var concentration = infusion is not null && kb.Products.TryGetValue(infusion.Product, out var product) ? product.ConcentrationGramsPerLitre : (decimal?)null;
        return new DoseDto(
            d.DosingWeightKg, EnumText.ToText(d.AppliedPolicy), EnumText.ToText(d.RequestedPolicy), d.PolicyReason, d.ActualWeightKg, d.HeightCm,
            d.IdealBodyWeightKg, d.AdjustedBodyWeightKg, d.Bmi,
            new RegimenDto(d.Plan.RegimenId, d.Plan.Description, d.Plan.GramsPerKgPerDay, d.Plan.Days, d.Plan.Interval?.ToString(), d.Plan.MaxGramsPerKgPerDay),
            d.TotalGrams, d.RoundedTotalGrams, [.. d.Days.Select(x => x.RoundedGrams)], d.MaximumGramsPerDay, d.Rounding, d.TolerancePercent,
            [.. d.Days.Select(x => new DayDto(x.Day, x.ExactGrams, x.RoundedGrams, [.. x.Vials.Select(v => new VialDto(v.SizeGrams, v.Count))]))],
            infusion is null ? null : new InfusionDto(infusion.Product.Value, infusion.Brand, infusion.VolumeMl, infusion.DurationMinutes, infusion.LongestDurationMinutes, infusion.RateWeightKg,
                [.. infusion.Steps.Select(s => new StepDto(s.RateMlPerKgPerHour, concentration is { } c && infusion.Sites is null ? Math.Round(s.RateMlPerKgPerHour * c / 60m, 2) : null,
                    s.RateMlPerHour, s.Minutes, s.VolumeMl, s.AsTolerated))],
                infusion.Sites is { } sites ? new SitesDto(sites.Phase, sites.SiteCount, sites.VolumePerSiteMl, sites.MlPerHourPerSite, sites.MaximumSites) : null),
            new CostDto(d.Cost.PricePerGram, d.Cost.Currency, d.Cost.CourseCost, d.Cost.CoursesPerYear, d.Cost.AnnualCost),
            d.Warnings);
    }

    public static string Render(DoseResult d, KnowledgeBase kb) => Json.Serialize(ToDto(d, kb));
}
