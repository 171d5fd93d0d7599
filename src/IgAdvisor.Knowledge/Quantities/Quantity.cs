using System.Globalization;

namespace IgAdvisor.Knowledge.Quantities;

/// <summary>A number with its unit, e.g. 82 kg or 97 µmol/L. Never unit-less.</summary>
public readonly record struct Quantity(decimal Value, Unit Unit)
{
    /// <summary>
    /// Parses "82 kg", "82kg", "1.1 mg/dL" or "120 10*9/L". A number without a unit, an unknown
    /// unit or a non-number fails with a message saying which.
    /// </summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = "is empty"; return false; }
        var s = text.Trim();
        var end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+' || (s[end] is 'e' or 'E' && end > 0 && end + 1 < s.Length && char.IsDigit(s[end + 1]) && !char.IsLetter(s[end - 1]))))
            end++;
        var numberText = s[..end];
        var unitText = s[end..].Trim();
        if (numberText.Length == 0 || !decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{text}' does not start with a number";
            return false;
        }
        if (unitText.Length == 0)
        {
            error = $"'{text}' has no unit (write it with one, e.g. '{numberText} kg')";
            return false;
        }
        if (!Units.TryFind(unitText, out var unit))
        {
            error = $"'{unitText}' is not a known unit";
            return false;
        }
        quantity = new Quantity(value, unit);
        return true;
    }

    /// <summary>
    /// Converts to <paramref name="target"/>. Mass and substance concentrations convert through
    /// <paramref name="molarMass"/> (g/mol), e.g. creatinine 113.12 g/mol. Returns false when the
    /// dimensions differ and no molar mass bridges them.
    /// </summary>
    public bool TryConvertTo(Unit target, decimal? molarMass, out Quantity converted)
    {
        converted = default;
        var baseValue = Value * Unit.Factor;
        if (Unit.Dimension == target.Dimension)
        {
            converted = new Quantity(baseValue / target.Factor, target);
            return true;
        }
        if (molarMass is { } mm && mm > 0)
        {
            if (Unit.Dimension == Dimension.MassConcentration && target.Dimension == Dimension.SubstanceConcentration)
            {
                converted = new Quantity(baseValue / mm / target.Factor, target);
                return true;
            }
            if (Unit.Dimension == Dimension.SubstanceConcentration && target.Dimension == Dimension.MassConcentration)
            {
                converted = new Quantity(baseValue * mm / target.Factor, target);
                return true;
            }
        }
        return false;
    }

    public override string ToString() => $"{Value.ToString("0.###", CultureInfo.InvariantCulture)} {Unit.Display}";
}
