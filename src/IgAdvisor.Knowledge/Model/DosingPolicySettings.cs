using System.Collections.Immutable;

namespace IgAdvisor.Knowledge.Model;

/// <summary>
/// The configurable thresholds of the dosing-weight policy (knowledge/policies/dosing-weight.yaml).
/// </summary>
/// <param name="BmiThreshold">Policy <c>auto</c> adjusts the weight when BMI (kg/m²) is strictly above this.</param>
/// <param name="IdealWeightExcessRatio">Policy <c>auto</c> adjusts when actual weight is strictly above this multiple of ideal weight (1.2 = 20% above).</param>
/// <param name="AdjustmentFactor">Adjusted weight = IBW + factor × (actual − IBW).</param>
/// <param name="MinimumHeightForIdealWeightCm">Below this height (cm) the Devine formula does not apply and policy <c>auto</c> uses actual weight.</param>
/// <param name="DefaultRoundingGrams">Round to this many grams when no product is chosen.</param>
/// <param name="DefaultTolerancePercent">Rounded dose stays within this percentage of the exact dose.</param>
/// <param name="DefaultPricePerGram">Default price per gram for cost estimates, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of the price.</param>
/// <param name="Citations">Sources of the thresholds (national programmes' calculators).</param>
public sealed record DosingPolicySettings(
    decimal BmiThreshold,
    decimal IdealWeightExcessRatio,
    decimal AdjustmentFactor,
    decimal MinimumHeightForIdealWeightCm,
    decimal DefaultRoundingGrams,
    decimal DefaultTolerancePercent,
    decimal DefaultPricePerGram,
    string Currency,
    ImmutableArray<SourceId> Citations)
{
    /// <summary>Defaults used when no policy file is present (tests of the calculator alone).</summary>
    public static DosingPolicySettings Default { get; } = new(30m, 1.2m, 0.4m, 152.4m, 5m, 10m, 50m, "GBP", []);
}
