using System.Collections.Frozen;

namespace IgAdvisor.Knowledge.Quantities;

/// <summary>Physical dimension of a unit; conversion is only defined within a dimension
/// (and between mass and substance concentration given a molar mass).</summary>
public enum Dimension
{
    Mass, Length, Volume, Time, MassConcentration, SubstanceConcentration, NumberConcentration,
    FiltrationRate, Dimensionless, AreaDensity, CatalyticConcentration, DosePerMass,
}

/// <summary>
/// A UCUM unit known to IgAdvisor: its case-sensitive UCUM code, dimension and factor to the
/// dimension's base unit (g, m, L, s, g/L, mol/L, 1/L, mL/min/1.73 m², kg/m², U/L).
/// </summary>
public sealed record Unit(string Code, Dimension Dimension, decimal Factor, string Display)
{
    public override string ToString() => Code;
}

/// <summary>The unit table. Only units listed in docs/units.md are accepted anywhere.</summary>
public static class Units
{
    public static readonly Unit Gram = new("g", Dimension.Mass, 1m, "g");
    public static readonly Unit Milligram = new("mg", Dimension.Mass, 0.001m, "mg");
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 1000m, "kg");
    public static readonly Unit Pound = new("[lb_av]", Dimension.Mass, 453.59237m, "lb");
    public static readonly Unit Metre = new("m", Dimension.Length, 1m, "m");
    public static readonly Unit Centimetre = new("cm", Dimension.Length, 0.01m, "cm");
    public static readonly Unit Inch = new("[in_i]", Dimension.Length, 0.0254m, "in");
    public static readonly Unit Foot = new("[ft_i]", Dimension.Length, 0.3048m, "ft");
    public static readonly Unit Litre = new("L", Dimension.Volume, 1m, "L");
    public static readonly Unit Millilitre = new("mL", Dimension.Volume, 0.001m, "mL");
    public static readonly Unit Year = new("a", Dimension.Time, 31_557_600m, "years");
    public static readonly Unit Month = new("mo", Dimension.Time, 2_629_800m, "months");
    public static readonly Unit Week = new("wk", Dimension.Time, 604_800m, "weeks");
    public static readonly Unit Day = new("d", Dimension.Time, 86_400m, "days");
    public static readonly Unit Hour = new("h", Dimension.Time, 3_600m, "h");
    public static readonly Unit Minute = new("min", Dimension.Time, 60m, "min");
    public static readonly Unit GramPerLitre = new("g/L", Dimension.MassConcentration, 1m, "g/L");
    public static readonly Unit GramPerDecilitre = new("g/dL", Dimension.MassConcentration, 10m, "g/dL");
    public static readonly Unit MilligramPerDecilitre = new("mg/dL", Dimension.MassConcentration, 0.01m, "mg/dL");
    public static readonly Unit MilligramPerLitre = new("mg/L", Dimension.MassConcentration, 0.001m, "mg/L");
    public static readonly Unit MicromolePerLitre = new("umol/L", Dimension.SubstanceConcentration, 0.000001m, "µmol/L");
    public static readonly Unit MillimolePerLitre = new("mmol/L", Dimension.SubstanceConcentration, 0.001m, "mmol/L");
    public static readonly Unit BillionPerLitre = new("10*9/L", Dimension.NumberConcentration, 1_000_000_000m, "×10⁹/L");
    public static readonly Unit ThousandPerMicrolitre = new("10*3/uL", Dimension.NumberConcentration, 1_000_000_000m, "×10³/µL");
    public static readonly Unit Egfr = new("mL/min/{1.73_m2}", Dimension.FiltrationRate, 1m, "mL/min/1.73 m²");
    public static readonly Unit Percent = new("%", Dimension.Dimensionless, 0.01m, "%");
    public static readonly Unit BodyMassIndex = new("kg/m2", Dimension.AreaDensity, 1m, "kg/m²");
    public static readonly Unit UnitsPerLitre = new("U/L", Dimension.CatalyticConcentration, 1m, "U/L");
    public static readonly Unit GramPerKilogram = new("g/kg", Dimension.DosePerMass, 1m, "g/kg");
    public static readonly Unit MilligramPerKilogram = new("mg/kg", Dimension.DosePerMass, 0.001m, "mg/kg");

    private static readonly Unit[] All =
    [
        Gram, Milligram, Kilogram, Pound, Metre, Centimetre, Inch, Foot, Litre, Millilitre, Year, Month, Week,
        Day, Hour, Minute, GramPerLitre, GramPerDecilitre, MilligramPerDecilitre, MilligramPerLitre,
        MicromolePerLitre, MillimolePerLitre, BillionPerLitre, ThousandPerMicrolitre, Egfr, Percent, BodyMassIndex, UnitsPerLitre, GramPerKilogram, MilligramPerKilogram,
    ];

    // Common ways of writing the same unit; UCUM codes are case sensitive, aliases are matched
    // case-insensitively because people type "KG" and "Lbs".
    private static readonly (string Alias, Unit Unit)[] Aliases =
    [
        ("lb", Pound), ("lbs", Pound), ("pound", Pound), ("pounds", Pound), ("in", Inch), ("inch", Inch),
        ("inches", Inch), ("ft", Foot), ("kgs", Kilogram), ("years", Year), ("year", Year), ("y", Year),
        ("yr", Year), ("yrs", Year), ("months", Month), ("month", Month), ("weeks", Week), ("week", Week),
        ("days", Day), ("day", Day), ("µmol/L", MicromolePerLitre), ("μmol/L", MicromolePerLitre),
        ("x10^9/L", BillionPerLitre), ("10^9/L", BillionPerLitre), ("x10*9/L", BillionPerLitre),
        ("10e9/L", BillionPerLitre), ("x10^3/uL", ThousandPerMicrolitre), ("10^3/uL", ThousandPerMicrolitre),
        ("K/uL", ThousandPerMicrolitre), ("mL/min/1.73m2", Egfr), ("mL/min/1.73 m2", Egfr),
        ("mL/min/1.73m²", Egfr), ("ml/min/1.73m2", Egfr), ("kg/m²", BodyMassIndex), ("IU/L", UnitsPerLitre),
        ("ug/mL", MilligramPerLitre), ("µg/mL", MilligramPerLitre), ("mcg/mL", MilligramPerLitre),
    ];

    private static readonly FrozenDictionary<string, Unit> ByCode = All.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, Unit> ByAlias =
        All.Select(u => (Alias: u.Code, Unit: u)).Concat(Aliases)
            .GroupBy(a => a.Alias, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First().Unit, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a unit by its UCUM code (exact) or a common alias (case-insensitive).</summary>
    public static bool TryFind(string text, out Unit unit)
    {
        var trimmed = text.Trim();
        if (ByCode.TryGetValue(trimmed, out unit!)) return true;
        return ByAlias.TryGetValue(trimmed, out unit!);
    }

    /// <summary>Every accepted UCUM code, for messages.</summary>
    public static IEnumerable<string> Codes => All.Select(u => u.Code);
}
