using System.Collections.Immutable;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Dosing;

/// <summary>
/// Computes an immunoglobulin dose for one patient: the dosing weight by policy, the course split
/// over its days, each day rounded to the product's vials (or to a step) within a tolerance and
/// never above the regimen's maximum, the infusion plan for the product and the cost.
/// </summary>
public static class DoseCalculator
{
    /// <summary>Inches below which Devine's formula is not defined (5 feet).</summary>
    private const decimal DevineBaseInches = 60m;

    public static DoseOutcome Calculate(DoseRequest request, DosingPolicySettings settings)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        // Measurements converted from pounds or inches carry long fractions; a dose is computed
        // from the weight and height to 0.1 kg and 0.1 cm, as a pharmacist would write them.
        var actual = Round(request.Weight.Kilograms, 1);
        var heightCm = request.Height is { } measured ? Round(measured.Centimetres, 1) : (decimal?)null;
        decimal? bmi = heightCm is { } h ? Round(actual / (h / 100m * (h / 100m)), 1) : null;
        // Devine counts inches: a height given in inches is used as measured, not after rounding to 0.1 cm.
        decimal? ibw = request.Height is { } height && request.Sex is { } sex ? Devine(height, sex) : null;
        decimal? adjusted = ibw is { } i ? i + settings.AdjustmentFactor * (actual - i) : null;

        if (request.Policy is WeightPolicy.Ideal or WeightPolicy.Adjusted)
        {
            var name = EnumText.ToText(request.Policy);
            if (request.Height is null) return new DoseOutcome(null, new InputProblem("height", $"policy '{name}' needs the height (the ideal body weight is computed from it)"));
            if (request.Sex is null) return new DoseOutcome(null, new InputProblem("sex", $"policy '{name}' needs the sex (the ideal body weight formula differs by sex)"));
        }
        if (ibw is { } devine && heightCm < settings.MinimumHeightForIdealWeightCm && request.Policy is WeightPolicy.Ideal or WeightPolicy.Adjusted)
            warnings.Add($"the Devine formula is not defined below {settings.MinimumHeightForIdealWeightCm:0.#} cm; ideal weight {Round(devine, 1)} kg is an extrapolation");

        var (applied, reason) = ChoosePolicy(request, actual, heightCm, ibw, bmi, settings);
        var dosingWeight = applied switch
        {
            WeightPolicy.Ideal => ibw!.Value,
            WeightPolicy.Adjusted => adjusted!.Value,
            _ => actual,
        };
        if (applied is WeightPolicy.Ideal or WeightPolicy.Adjusted && ibw > actual)
            warnings.Add($"the ideal body weight ({Round(ibw.Value, 1)} kg) is above the actual weight ({actual:0.#} kg); policy '{EnumText.ToText(request.Policy)}' was applied as asked, policy 'auto' would use the actual weight");
        if (request.Policy == WeightPolicy.Auto && applied == WeightPolicy.Actual && reason.StartsWith("height", StringComparison.Ordinal))
            warnings.Add(reason);
        dosingWeight = Round(dosingWeight, 1);

        var plan = request.Plan;
        warnings.AddRange(plan.Notes);
        var exactPerDay = plan.GramsPerKgPerDay * dosingWeight;
        decimal? maxPerDay = plan.MaxGramsPerKgPerDay is { } cap ? cap * dosingWeight : null;
        if (plan.MaxCourseGrams is { } courseCap && courseCap / plan.Days is var capPerDay && (maxPerDay is null || capPerDay < maxPerDay)) maxPerDay = capPerDay;
        if (maxPerDay is { } limit && exactPerDay > limit)
        {
            warnings.Add($"the computed {Round(exactPerDay, 2)} g per day is above the regimen's maximum; capped at {Round(limit, 2)} g");
            exactPerDay = limit;
        }
        exactPerDay = Round(exactPerDay, 2);

        var tolerance = request.TolerancePercent ?? settings.DefaultTolerancePercent;
        var vials = request.Product is { } product ? product.VialSizesGrams : [];
        var step = request.RoundToGrams ?? settings.DefaultRoundingGrams;
        var rounding = request.Product is { } p
            ? $"{p.Brand} vials of {string.Join(", ", p.VialSizesGrams.Select(v => $"{v:0.##} g"))}"
            : $"steps of {step:0.##} g";
        var (rounded, vialCounts, withinTolerance) = Round(exactPerDay, vials, step, tolerance, maxPerDay);
        if (!withinTolerance)
            warnings.Add($"no amount in {rounding} lies within {tolerance:0.#}% of {exactPerDay:0.##} g without exceeding the maximum; the exact dose is given (a part vial)");

        var infusion = request.Product is { } product2 ? Infuse(product2, rounded, dosingWeight) : null;
        if (infusion?.Sites is { } sites)
        {
            var first = request.Product!.SiteRates[0];
            if (request.Product.SiteRates.Length > 1)
                warnings.Add($"the site plan uses the label's limits for '{sites.Phase}'; for '{first.Phase}' the label allows at most {first.VolumePerSiteMl:0.#} mL per site at {first.MlPerHourPerSite:0.#} mL/h");
            if (sites.ExceedsMaximumSites)
                warnings.Add($"{sites.SiteCount} infusion sites are needed, more than the label's {sites.MaximumSites}; split the dose over more days a week");
        }
        var days = Enumerable.Range(1, plan.Days).Select(d => new DayDose(d, exactPerDay, rounded, vialCounts, infusion)).ToImmutableArray();
        var total = Round(exactPerDay * plan.Days, 2);
        var roundedTotal = rounded * plan.Days;
        if (request.Product is { Route: Route.Sc } && plan.Basis != DoseBasis.PerWeek)
            warnings.Add("a subcutaneous product was chosen for a regimen written for intravenous use");

        var price = request.PricePerGram ?? settings.DefaultPricePerGram;
        var currency = request.Currency ?? settings.Currency;
        decimal? perYear = plan.Interval is { } interval && interval.TryConvertTo(Units.Day, null, out var d2) && d2.Value > 0
            ? Round(365.25m / d2.Value, 2) : null;
        var cost = new CostEstimate(price, currency, Round(roundedTotal * price, 2), perYear, perYear is { } n ? Round(roundedTotal * price * n, 0) : null);

        return new DoseOutcome(new DoseResult(request.Policy, applied, reason, actual, heightCm, ibw is { } x ? Round(x, 1) : null,
            adjusted is { } a ? Round(a, 1) : null, bmi, dosingWeight, plan, total, roundedTotal, days, rounding, tolerance,
            maxPerDay is { } m ? Round(m, 2) : null, cost, warnings.ToImmutable()), null);
    }

    /// <summary>Devine: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch over 5 feet.</summary>
    public static decimal Devine(BodyHeight height, Sex sex) =>
        (sex == Sex.Male ? 50m : 45.5m) + 2.3m * (height.Inches - DevineBaseInches);

    private static (WeightPolicy Applied, string Reason) ChoosePolicy(DoseRequest request, decimal actual, decimal? heightCm, decimal? ibw, decimal? bmi, DosingPolicySettings settings)
    {
        switch (request.Policy)
        {
            case WeightPolicy.Actual: return (WeightPolicy.Actual, "actual body weight, as asked");
            case WeightPolicy.Ideal: return (WeightPolicy.Ideal, "ideal body weight (Devine), as asked");
            case WeightPolicy.Adjusted: return (WeightPolicy.Adjusted, $"adjusted body weight = IBW + {settings.AdjustmentFactor} × (actual − IBW), as asked");
        }
        if (heightCm is null) return (WeightPolicy.Actual, "height not given: the auto policy cannot check for obesity and used the actual weight; give the height to dose an obese patient on adjusted weight");
        if (request.Sex is null) return (WeightPolicy.Actual, "height given but sex not: the auto policy cannot compute the ideal weight and used the actual weight");
        if (heightCm < settings.MinimumHeightForIdealWeightCm) return (WeightPolicy.Actual, $"height below {settings.MinimumHeightForIdealWeightCm:0.#} cm (a child or short stature): actual weight");
        if (actual < ibw) return (WeightPolicy.Actual, "actual weight is below the ideal weight: actual weight");
        if (bmi > settings.BmiThreshold) return (WeightPolicy.Adjusted, $"BMI {bmi:0.#} is above {settings.BmiThreshold:0.#}: adjusted body weight");
        if (actual > settings.IdealWeightExcessRatio * ibw) return (WeightPolicy.Adjusted, $"actual weight is more than {(settings.IdealWeightExcessRatio - 1) * 100:0}% above the ideal weight: adjusted body weight");
        return (WeightPolicy.Actual, "BMI and weight within the thresholds: actual weight");
    }

    /// <summary>
    /// The achievable amount (sums of vials, or multiples of the step) nearest the exact dose within
    /// the tolerance and not above the maximum; the lower one on a tie. When none qualifies, the exact
    /// dose (to 0.1 g) and false.
    /// </summary>
    internal static (decimal Rounded, ImmutableArray<VialCount> Vials, bool WithinTolerance) Round(decimal exact, ImmutableArray<decimal> vials, decimal step, decimal tolerancePercent, decimal? maximum)
    {
        var low = exact * (1 - tolerancePercent / 100m);
        var high = exact * (1 + tolerancePercent / 100m);
        if (maximum is { } max && high > max) high = max;
        const int scale = 100; // hundredths of a gram: vials of 1.65 g exist
        var sizes = (vials.IsEmpty ? [step] : vials).Select(v => (int)Math.Round(v * scale)).Where(v => v > 0).Distinct().Order().ToArray();
        var limit = (int)Math.Floor(high * scale); // never above the tolerance or the maximum
        var count = new int[limit + 1];
        var last = new int[limit + 1];
        Array.Fill(count, int.MaxValue);
        count[0] = 0;
        for (var amount = 1; amount <= limit; amount++)
        {
            foreach (var size in sizes)
            {
                if (size > amount || count[amount - size] == int.MaxValue || count[amount - size] + 1 >= count[amount]) continue;
                count[amount] = count[amount - size] + 1;
                last[amount] = size;
            }
        }
        var best = -1;
        for (var amount = (int)Math.Ceiling(low * scale); amount <= limit; amount++)
        {
            if (amount <= 0 || count[amount] == int.MaxValue) continue;
            if (best < 0 || Math.Abs(amount - exact * scale) < Math.Abs(best - exact * scale)) best = amount;
        }
        if (best < 0)
        {
            // A part vial: the exact dose to 0.1 g, rounded down when rounding up would pass the maximum.
            var part = Round(exact, 1);
            if (maximum is { } cap && part > cap) part = Math.Floor(exact * 10m) / 10m;
            return (part, [], false);
        }
        var pieces = new Dictionary<int, int>();
        for (var rest = best; rest > 0; rest -= last[rest]) pieces[last[rest]] = pieces.GetValueOrDefault(last[rest]) + 1;
        var breakdown = vials.IsEmpty ? ImmutableArray<VialCount>.Empty
            : [.. pieces.OrderByDescending(p => p.Key).Select(p => new VialCount(p.Key / (decimal)scale, p.Value))];
        return (best / (decimal)scale, breakdown, true);
    }

    /// <summary>
    /// Runs the product's timed rate steps (per kg of <paramref name="weightKg"/>) until the volume is
    /// infused, then the maximum rate. A step without a duration that is below the maximum is the
    /// label's "raise as tolerated" with no interval: it is shown, and bounds the longest duration.
    /// </summary>
    internal static InfusionPlan Infuse(Product product, decimal grams, decimal weightKg)
    {
        var volume = Round(grams * 1000m / product.ConcentrationGramsPerLitre, 1);
        if (product.MaximumRate is not { } maximumRate) return InfuseBySite(product, volume, weightKg);
        var remaining = volume;
        var steps = ImmutableArray.CreateBuilder<InfusionStep>();
        var minutes = 0m;
        var timed = product.RateSteps.TakeWhile(s => s.Minutes is not null).ToList();
        foreach (var step in timed)
        {
            if (remaining <= 0) break;
            var perHour = step.Rate.MillilitresPerKilogramPerHour * weightKg;
            var stepMinutes = Math.Min(step.Minutes!.Value, remaining / perHour * 60m);
            var stepVolume = perHour * stepMinutes / 60m;
            steps.Add(new InfusionStep(Round(step.Rate.MillilitresPerKilogramPerHour, 3), Round(perHour, 1), Round(stepMinutes, 0), Round(stepVolume, 1)));
            remaining -= stepVolume;
            minutes += stepMinutes;
        }
        decimal? longest = null;
        if (remaining > 0)
        {
            var max = maximumRate.MillilitresPerKilogramPerHour;
            if (product.RateSteps.Skip(timed.Count).FirstOrDefault() is { } untimed && untimed.Rate.MillilitresPerKilogramPerHour < max)
            {
                var startPerHour = untimed.Rate.MillilitresPerKilogramPerHour * weightKg;
                steps.Add(new InfusionStep(Round(untimed.Rate.MillilitresPerKilogramPerHour, 3), Round(startPerHour, 1), null, null));
                longest = Round(minutes + remaining / startPerHour * 60m, 0);
            }
            var maxPerHour = max * weightKg;
            var lastMinutes = remaining / maxPerHour * 60m;
            steps.Add(new InfusionStep(Round(max, 3), Round(maxPerHour, 1), Round(lastMinutes, 0), Round(remaining, 1)));
            minutes += lastMinutes;
        }
        return new InfusionPlan(product.Id, product.Brand, volume, Round(minutes, 0), weightKg, steps.ToImmutable(), null, longest);
    }

    /// <summary>
    /// Spreads a subcutaneous dose over the fewest sites the label's maintenance limits allow (the
    /// last phase listed); the sites run in parallel, so the duration is one site's volume at its rate.
    /// </summary>
    private static InfusionPlan InfuseBySite(Product product, decimal volume, decimal weightKg)
    {
        var limit = product.SiteRates[^1];
        var sites = Math.Max(1, (int)Math.Ceiling(volume / limit.VolumePerSiteMl));
        var perSite = Round(volume / sites, 1);
        var minutes = Round(perSite / limit.MlPerHourPerSite * 60m, 0);
        var totalPerHour = sites * limit.MlPerHourPerSite;
        var step = new InfusionStep(Round(totalPerHour / weightKg, 3), Round(totalPerHour, 1), minutes, volume);
        return new InfusionPlan(product.Id, product.Brand, volume, minutes, weightKg, [step],
            new SitePlan(limit.Phase, sites, perSite, limit.MlPerHourPerSite, product.MaximumSites));
    }

    private static decimal Round(decimal value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
