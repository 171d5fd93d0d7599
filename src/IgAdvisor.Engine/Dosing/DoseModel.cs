using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Dosing;

/// <summary>Which body weight a dose per kilogram multiplies (docs/dosing.md).</summary>
public enum WeightPolicy { Auto, Actual, Ideal, Adjusted }

/// <summary>Biological sex, as the Devine ideal-body-weight formula uses it.</summary>
public enum Sex { Female, Male }

/// <summary>
/// What is to be given per kilogram of dosing weight: <see cref="GramsPerKgPerDay"/> on each of
/// <see cref="Days"/> infusion days (weekly for SC maintenance), with the regimen's limits.
/// </summary>
public sealed record DosePlan(
    string? RegimenId,
    string Description,
    decimal GramsPerKgPerDay,
    int Days,
    DoseBasis Basis,
    Quantity? Interval,
    decimal? MaxGramsPerKgPerDay,
    decimal? MaxCourseGrams,
    ImmutableArray<string> Notes)
{
    /// <summary>Grams per kilogram over the whole course.</summary>
    public decimal GramsPerKgPerCourse => GramsPerKgPerDay * Days;

    /// <summary>The plan for a knowledge-base regimen; a fixed (not weight-based) dose cannot be computed.</summary>
    public static (DosePlan? Plan, string? Problem) FromRegimen(Regimen regimen)
    {
        var dose = regimen.Dose;
        if (!dose.IsGramsPerKg)
            return (null, $"regimen '{regimen.Id}' is a fixed dose ({dose.Text}), not a dose per kilogram; give it as written");
        var days = dose.Basis == DoseBasis.PerWeek ? 1 : regimen.Days;
        var (min, max) = dose.GramsPerKgPerInfusionDay(days);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (max > min) notes.Add($"the regimen allows {dose.Text}; computed at the lower end, {min:0.###} g/kg per day (use --g-per-kg to choose another)");
        decimal? cap = max > min ? max : null;
        if (regimen.MaxDailyDose is { IsGramsPerKg: true } maxDaily)
        {
            var explicitCap = maxDaily.GramsPerKgPerInfusionDay(1).Max;
            cap = cap is { } c ? Math.Min(c, explicitCap) : explicitCap;
        }
        if (dose.Basis == DoseBasis.PerWeek) notes.Add("weekly dose (subcutaneous maintenance)");
        return (new DosePlan(regimen.Id, $"{regimen.Name}: {dose.Text} × {regimen.Days} day(s)", min, days, dose.Basis, regimen.Interval, cap,
            regimen.MaxCourse?.Value, notes.ToImmutable()), null);
    }

    /// <summary>A course given on the command line: <paramref name="gramsPerKgPerCourse"/> split evenly over <paramref name="days"/>.</summary>
    public static DosePlan Custom(decimal gramsPerKgPerCourse, int days) =>
        new(null, $"{gramsPerKgPerCourse:0.###} g/kg over {days} day(s)", gramsPerKgPerCourse / days, days, DoseBasis.PerCourse, null, null, null, []);
}

/// <summary>Everything the calculator needs: the patient's measurements, the policy, the plan and the product.</summary>
public sealed record DoseRequest(
    BodyWeight Weight,
    BodyHeight? Height,
    Sex? Sex,
    WeightPolicy Policy,
    DosePlan Plan,
    Product? Product = null,
    decimal? RoundToGrams = null,
    decimal? TolerancePercent = null,
    decimal? PricePerGram = null,
    string? Currency = null);

/// <summary>How many vials of one size make up a day's dose.</summary>
public sealed record VialCount(decimal SizeGrams, int Count);

/// <summary>
/// One rate of an infusion plan: how fast, for how long, how much. <see cref="Minutes"/> and
/// <see cref="VolumeMl"/> are null on a starting rate the label says to raise "as tolerated"
/// without giving an interval.
/// </summary>
public sealed record InfusionStep(decimal RateMlPerKgPerHour, decimal RateMlPerHour, decimal? Minutes, decimal? VolumeMl)
{
    public bool AsTolerated => Minutes is null;
}

/// <summary>
/// How one day's dose runs with a product's rate schedule; rates per kg of <see cref="RateWeightKg"/>.
/// A subcutaneous product with per-site limits also has <see cref="Sites"/>: the sites run in parallel.
/// When the label gives no interval for raising the rate, <see cref="DurationMinutes"/> is the
/// shortest time the label allows (raised to the maximum at once) and
/// <see cref="LongestDurationMinutes"/> the time at the starting rate throughout.
/// </summary>
public sealed record InfusionPlan(ProductId Product, string Brand, decimal VolumeMl, decimal DurationMinutes, decimal RateWeightKg,
    ImmutableArray<InfusionStep> Steps, SitePlan? Sites = null, decimal? LongestDurationMinutes = null);

/// <summary>
/// How a subcutaneous dose spreads over infusion sites under the label's limits for
/// <see cref="Phase"/>: <see cref="SiteCount"/> sites of <see cref="VolumePerSiteMl"/> each at
/// <see cref="MlPerHourPerSite"/>; <see cref="MaximumSites"/> is the label's limit, when it gives one.
/// </summary>
public sealed record SitePlan(string Phase, int SiteCount, decimal VolumePerSiteMl, decimal MlPerHourPerSite, int? MaximumSites)
{
    public bool ExceedsMaximumSites => MaximumSites is { } max && SiteCount > max;
}

/// <summary>One infusion day: the exact dose, what is given after rounding, the vials, the infusion.</summary>
public sealed record DayDose(int Day, decimal ExactGrams, decimal RoundedGrams, ImmutableArray<VialCount> Vials, InfusionPlan? Infusion);

/// <summary>What a course costs at a price per gram, and a year of courses when the regimen repeats.</summary>
public sealed record CostEstimate(decimal PricePerGram, string Currency, decimal CourseCost, decimal? CoursesPerYear, decimal? AnnualCost);

/// <summary>
/// A computed dose. <see cref="TotalGrams"/> is exact (dosing weight × g/kg × days, capped at the
/// regimen's maximum); <see cref="RoundedTotalGrams"/> is the sum of the rounded days.
/// </summary>
public sealed record DoseResult(
    WeightPolicy RequestedPolicy,
    WeightPolicy AppliedPolicy,
    string PolicyReason,
    decimal ActualWeightKg,
    decimal? HeightCm,
    decimal? IdealBodyWeightKg,
    decimal? AdjustedBodyWeightKg,
    decimal? Bmi,
    decimal DosingWeightKg,
    DosePlan Plan,
    decimal TotalGrams,
    decimal RoundedTotalGrams,
    ImmutableArray<DayDose> Days,
    string Rounding,
    decimal TolerancePercent,
    decimal? MaximumGramsPerDay,
    CostEstimate Cost,
    ImmutableArray<string> Warnings);

/// <summary>The calculator's answer: a result, or the input problem (field and message) that stopped it.</summary>
public sealed record DoseOutcome(DoseResult? Result, Patients.InputProblem? Problem);
