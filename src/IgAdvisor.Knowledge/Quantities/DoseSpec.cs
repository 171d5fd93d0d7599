using System.Globalization;
using System.Text.RegularExpressions;

namespace IgAdvisor.Knowledge.Quantities;

/// <summary>What the amount of a regimen dose is counted per.</summary>
public enum DoseBasis
{
    /// <summary>Given on every infusion day of the course (g/kg/day).</summary>
    PerDay,
    /// <summary>The whole course, split evenly over its days (g/kg/course).</summary>
    PerCourse,
    /// <summary>Every week (SC maintenance, g/kg/week).</summary>
    PerWeek,
    /// <summary>One dose (g/kg, IU, mL/kg): the whole course when the course has one day.</summary>
    Single,
}

/// <summary>The amount unit of a regimen dose.</summary>
public enum DoseAmountUnit { Gram, Milligram, InternationalUnit, Millilitre, Microgram }

/// <summary>
/// A regimen dose as written in the knowledge base: "0.4 g/kg/day", "2 g/kg/course",
/// "0.4-0.6 g/kg", "0.1 g/kg/week", "125 IU/10 kg", "500 IU", "0.25 mL/kg". Weight-based doses
/// state the amount per <see cref="PerKilograms"/> kilograms of dosing weight (1, or 10 for
/// "IU/10 kg"); <see cref="Min"/> equals <see cref="Max"/> unless a range was written.
/// </summary>
public sealed record DoseSpec(decimal Min, decimal Max, DoseAmountUnit AmountUnit, decimal? PerKilograms, DoseBasis Basis, string Text)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<min>\d+(\.\d+)?)\s*(-|–|to)?\s*(?<max>\d+(\.\d+)?)?\s*(?<unit>g|mg|IU|units?|U|mL|ml|mcg|ug|µg)\s*(/\s*(?<per>\d+(\.\d+)?)?\s*kg)?\s*(/\s*(?<basis>day|d|course|week|wk|dose))?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>True when the dose scales with body weight.</summary>
    public bool IsWeightBased => PerKilograms is not null;

    /// <summary>True for gram or milligram doses per kilogram, the doses the calculator computes.</summary>
    public bool IsGramsPerKg => IsWeightBased && AmountUnit is DoseAmountUnit.Gram or DoseAmountUnit.Milligram;

    /// <summary>Parses a dose; a bare number or an unknown unit fails with the reason.</summary>
    public static bool TryParse(string? text, out DoseSpec? dose, out string error)
    {
        dose = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = "dose is empty"; return false; }
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"dose '{trimmed}' has no unit (write e.g. '{trimmed} g/kg/day')";
            return false;
        }
        var m = Pattern.Match(trimmed);
        if (!m.Success)
        {
            error = $"dose '{trimmed}' is not of the form '<amount>[-<amount>] <g|mg|IU|mL>[/kg or /10 kg][/day|/course|/week]'";
            return false;
        }
        var min = decimal.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var max = m.Groups["max"].Success ? decimal.Parse(m.Groups["max"].Value, CultureInfo.InvariantCulture) : min;
        if (max < min) { error = $"dose range '{trimmed}' runs backwards"; return false; }
        var unit = m.Groups["unit"].Value switch
        {
            "g" => DoseAmountUnit.Gram,
            "mg" => DoseAmountUnit.Milligram,
            "mL" or "ml" => DoseAmountUnit.Millilitre,
            "mcg" or "ug" or "µg" => DoseAmountUnit.Microgram,
            _ => DoseAmountUnit.InternationalUnit,
        };
        decimal? perKg = null;
        if (trimmed.Contains("kg", StringComparison.Ordinal))
            perKg = m.Groups["per"].Success ? decimal.Parse(m.Groups["per"].Value, CultureInfo.InvariantCulture) : 1m;
        var basis = m.Groups["basis"].Value switch
        {
            "day" or "d" => DoseBasis.PerDay,
            "course" => DoseBasis.PerCourse,
            "week" or "wk" => DoseBasis.PerWeek,
            _ => DoseBasis.Single,
        };
        if (perKg is 0m) { error = $"dose '{trimmed}' divides by zero kilograms"; return false; }
        dose = new DoseSpec(min, max, unit, perKg, basis, trimmed);
        return true;
    }

    /// <summary>
    /// Grams per kilogram given on each infusion day for a course of <paramref name="days"/> days,
    /// at the lower and upper ends of the range. Only for <see cref="IsGramsPerKg"/> doses.
    /// </summary>
    public (decimal Min, decimal Max) GramsPerKgPerInfusionDay(int days)
    {
        if (!IsGramsPerKg) throw new InvalidOperationException($"Dose '{Text}' is not a gram-per-kilogram dose.");
        var scale = (AmountUnit == DoseAmountUnit.Milligram ? 0.001m : 1m) / PerKilograms!.Value;
        var divisor = Basis == DoseBasis.PerCourse || (Basis == DoseBasis.Single && days > 1) ? days : 1;
        return (Min * scale / divisor, Max * scale / divisor);
    }

    public override string ToString() => Text;
}
