using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Dosing;

/// <summary>
/// Properties of the dose calculator over generated patients, regimens and products (FsCheck):
/// monotone in weight for a fixed policy, rounding within tolerance, never above the cap, adjusted
/// weight between ideal and actual, unit conversions that round-trip.
/// </summary>
public sealed class DosePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);
    private static readonly DosingPolicySettings Settings = TestKnowledge.KnowledgeBase.DosingPolicy;
    private static readonly ImmutableArray<Product> Products = [.. TestKnowledge.KnowledgeBase.Products.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
    private static readonly ImmutableArray<DosePlan> Plans =
    [
        .. TestKnowledge.KnowledgeBase.RegimensById.Values
            .Select(r => DosePlan.FromRegimen(r.Regimen).Plan)
            .OfType<DosePlan>()
            .OrderBy(p => p.RegimenId, StringComparer.Ordinal),
    ];

    /// <summary>A patient in tenths of a kilogram and centimetre, as a chart records them.</summary>
    public sealed record Patient(decimal WeightKg, decimal HeightCm, Sex Sex)
    {
        public override string ToString() => $"{WeightKg} kg, {HeightCm} cm, {Sex}";
    }

    private static readonly Gen<Patient> Patients =
        from weight in Gen.Choose(25_0, 250_0)
        from height in Gen.Choose(140_0, 210_0)
        from sex in Gen.Elements(Sex.Female, Sex.Male)
        select new Patient(weight / 10m, height / 10m, sex);

    private static readonly Gen<WeightPolicy> FixedPolicies = Gen.Elements(WeightPolicy.Actual, WeightPolicy.Ideal, WeightPolicy.Adjusted);
    private static readonly Gen<DosePlan> AnyPlan = Gen.Elements(Plans.AsEnumerable());
    private static readonly Gen<Product?> AnyProduct = Gen.Elements(Products.Select(p => (Product?)p).Append(null));
    private static readonly Gen<decimal> Tolerances = Gen.Elements(0m, 5m, 10m, 15m, 25m);

    private static DoseResult Dose(Patient p, WeightPolicy policy, DosePlan plan, Product? product = null, decimal? tolerance = null)
    {
        var outcome = DoseCalculator.Calculate(new DoseRequest(new BodyWeight(p.WeightKg), new BodyHeight(p.HeightCm), p.Sex, policy, plan, product,
            TolerancePercent: tolerance), Settings);
        return outcome.Result ?? throw new InvalidOperationException(outcome.Problem!.ToString());
    }

    [Fact]
    public void Plans_AreGeneratedFromTheKnowledgeBase()
    {
        Assert.True(Plans.Length >= 50, $"{Plans.Length} weight-based regimens");
        Assert.Contains(Plans, p => p.MaxGramsPerKgPerDay is not null || p.MaxCourseGrams is not null);
    }

    [Fact]
    public void Dose_IsMonotoneInWeight_ForAFixedPolicy()
    {
        var gen = from p in Patients from extra in Gen.Choose(1, 500) from policy in FixedPolicies from plan in AnyPlan
                  select (Lighter: p, Heavier: p with { WeightKg = Math.Min(350m, p.WeightKg + extra / 10m) }, Policy: policy, Plan: plan);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var light = Dose(c.Lighter, c.Policy, c.Plan);
            var heavy = Dose(c.Heavier, c.Policy, c.Plan);
            return (light.DosingWeightKg <= heavy.DosingWeightKg && light.TotalGrams <= heavy.TotalGrams)
                .Label($"{c.Policy} {c.Plan.RegimenId}: {c.Lighter} → {light.TotalGrams} g; {c.Heavier} → {heavy.TotalGrams} g");
        }).Check(Runs);
    }

    [Fact]
    public void RoundedDose_StaysWithinTolerance_OrSaysItCouldNot()
    {
        var gen = from p in Patients from plan in AnyPlan from product in AnyProduct from tolerance in Tolerances select (p, plan, product, tolerance);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var dose = Dose(c.p, WeightPolicy.Auto, c.plan, c.product, c.tolerance);
            var partVial = dose.Warnings.Any(w => w.Contains("part vial", StringComparison.Ordinal));
            return dose.Days.All(d => partVial || Math.Abs(d.RoundedGrams - d.ExactGrams) <= d.ExactGrams * c.tolerance / 100m + 0.0001m)
                .Label($"{c.p} {c.plan.RegimenId} {c.product?.Id} ±{c.tolerance}%: exact {dose.Days[0].ExactGrams}, rounded {dose.Days[0].RoundedGrams}");
        }).Check(Runs);
    }

    [Fact]
    public void RoundedDose_IsMadeOfTheProductsVials()
    {
        var gen = from p in Patients from plan in AnyPlan from product in Gen.Elements(Products.AsEnumerable()) select (p, plan, product);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var day = Dose(c.p, WeightPolicy.Auto, c.plan, c.product).Days[0];
            var vials = day.Vials.Sum(v => v.SizeGrams * v.Count);
            return (day.Vials.IsEmpty || (vials == day.RoundedGrams && day.Vials.All(v => c.product.VialSizesGrams.Contains(v.SizeGrams))))
                .Label($"{c.product.Id}: {day.RoundedGrams} g from {string.Join(" + ", day.Vials.Select(v => $"{v.Count}×{v.SizeGrams}"))}");
        }).Check(Runs);
    }

    [Fact]
    public void Dose_IsNeverAboveTheRegimensCap()
    {
        var capped = Plans.Where(p => p.MaxGramsPerKgPerDay is not null || p.MaxCourseGrams is not null).ToList();
        var gen = from p in Patients from plan in Gen.Elements(capped.AsEnumerable()) from product in AnyProduct from policy in FixedPolicies select (p, plan, product, policy);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var dose = Dose(c.p, c.policy, c.plan, c.product);
            var cap = dose.MaximumGramsPerDay!.Value;
            return dose.Days.All(d => d.RoundedGrams <= cap && d.ExactGrams <= cap)
                .Label($"{c.plan.RegimenId} {c.product?.Id} {c.p}: cap {cap} g/day, given {dose.Days[0].RoundedGrams}");
        }).Check(Runs);
    }

    [Fact]
    public void Infusion_DeliversTheDayVolume_NeverAboveTheLabelsMaximumRate()
    {
        var perKg = Products.Where(p => p.MaximumRate is not null).ToList();
        var gen = from p in Patients from plan in AnyPlan from product in Gen.Elements(perKg.AsEnumerable()) select (p, plan, product);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var day = Dose(c.p, WeightPolicy.Auto, c.plan, c.product).Days[0];
            var plan = day.Infusion!;
            var delivered = plan.Steps.Sum(s => s.VolumeMl ?? 0m);
            var expectedVolume = day.RoundedGrams * 1000m / c.product.ConcentrationGramsPerLitre;
            var maximum = c.product.MaximumRate!.Value.MillilitresPerKilogramPerHour;
            return (Math.Abs(delivered - plan.VolumeMl) <= 0.1m * plan.Steps.Length && Math.Abs(plan.VolumeMl - expectedVolume) <= 0.05m
                    && plan.Steps.All(s => s.RateMlPerKgPerHour <= Math.Round(maximum, 3) + 0.0005m))
                .Label($"{c.product.Id} {day.RoundedGrams} g: volume {plan.VolumeMl} mL, steps deliver {delivered} mL");
        }).Check(Runs);
    }

    [Fact]
    public void AdjustedWeight_LiesBetweenIdealAndActual()
    {
        Prop.ForAll(Patients.ToArbitrary(), p =>
        {
            var ibw = DoseCalculator.Devine(new BodyHeight(p.HeightCm), p.Sex);
            var adjusted = Dose(p, WeightPolicy.Adjusted, Plans[0]).DosingWeightKg;
            var low = Math.Min(ibw, p.WeightKg) - 0.05m;
            var high = Math.Max(ibw, p.WeightKg) + 0.05m;
            return (adjusted >= low && adjusted <= high).Label($"{p}: IBW {ibw:0.##}, adjusted {adjusted}");
        }).Check(Runs);
    }

    [Fact]
    public void AutoPolicy_NeverDosesAboveTheActualWeight()
    {
        Prop.ForAll(Patients.ToArbitrary(), p =>
            (Dose(p, WeightPolicy.Auto, Plans[0]).DosingWeightKg <= p.WeightKg).Label(p.ToString())).Check(Runs);
    }

    public static TheoryData<string, string, string> Conversions() => new()
    {
        { "kg", "[lb_av]", "body weight" },
        { "cm", "[in_i]", "height" },
        { "umol/L", "mg/dL", "creatinine" },
        { "g/L", "mg/dL", "IgG" },
        { "10*9/L", "10*3/uL", "platelets" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void UnitConversions_RoundTrip(string from, string to, string what)
    {
        Assert.True(Units.TryFind(from, out var a), from);
        Assert.True(Units.TryFind(to, out var b), $"{to} ({what})");
        var molarMass = what == "creatinine" ? 113.12m : (decimal?)null;
        Prop.ForAll(Gen.Choose(1, 10_000_000).ToArbitrary(), n =>
        {
            var original = new Quantity(n / 1000m, a);
            var there = original.TryConvertTo(b, molarMass, out var converted);
            var back = converted.TryConvertTo(a, molarMass, out var returned);
            return (there && back && Math.Abs(returned.Value - original.Value) <= original.Value * 1e-12m)
                .Label($"{original} → {converted} → {returned}");
        }).Check(Runs);
    }

    [Fact]
    public void KnownConversions_HaveTheTextbookValues()
    {
        Assert.True(Units.TryFind("mg/dL", out var mgdl));
        Assert.True(Units.TryFind("umol/L", out var umol));
        Assert.True(new Quantity(1m, mgdl).TryConvertTo(umol, 113.12m, out var creatinine));
        Assert.Equal(88.4m, Math.Round(creatinine.Value, 1)); // 1 mg/dL creatinine = 88.4 µmol/L
        Assert.True(Units.TryFind("[lb_av]", out var lb));
        Assert.True(Units.TryFind("kg", out var kg));
        Assert.True(new Quantity(100m, lb).TryConvertTo(kg, null, out var weight));
        Assert.Equal(45.359237m, weight.Value);
    }
}
