using System.Globalization;

namespace IgAdvisor.Knowledge.Quantities;

/// <summary>A body weight in kilograms; positive and finite. Plausibility limits live in the
/// knowledge base's fact catalogue, not here.</summary>
public readonly record struct BodyWeight
{
    public BodyWeight(decimal kilograms)
    {
        if (kilograms <= 0) throw new ArgumentOutOfRangeException(nameof(kilograms), kilograms, "A body weight is positive.");
        Kilograms = kilograms;
    }

    public decimal Kilograms { get; }

    public override string ToString() => $"{Kilograms.ToString("0.#", CultureInfo.InvariantCulture)} kg";
}

/// <summary>A body height in centimetres; positive.</summary>
public readonly record struct BodyHeight
{
    public BodyHeight(decimal centimetres)
    {
        if (centimetres <= 0) throw new ArgumentOutOfRangeException(nameof(centimetres), centimetres, "A height is positive.");
        Centimetres = centimetres;
    }

    public decimal Centimetres { get; }

    /// <summary>Height in inches (2.54 cm each), as the Devine formula counts it.</summary>
    public decimal Inches => Centimetres / 2.54m;

    public override string ToString() => $"{Centimetres.ToString("0.#", CultureInfo.InvariantCulture)} cm";
}

/// <summary>An amount of immunoglobulin in grams; not negative.</summary>
public readonly record struct Grams : IComparable<Grams>
{
    public Grams(decimal value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "An amount of immunoglobulin is not negative.");
        Value = value;
    }

    public decimal Value { get; }

    public static Grams operator +(Grams a, Grams b) => new(a.Value + b.Value);

    public int CompareTo(Grams other) => Value.CompareTo(other.Value);

    public static bool operator <(Grams a, Grams b) => a.Value < b.Value;
    public static bool operator >(Grams a, Grams b) => a.Value > b.Value;
    public static bool operator <=(Grams a, Grams b) => a.Value <= b.Value;
    public static bool operator >=(Grams a, Grams b) => a.Value >= b.Value;

    public override string ToString() => $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} g";
}

/// <summary>A dose in grams per kilogram of dosing weight (the weight the dosing policy chose).</summary>
public readonly record struct DosePerKg
{
    public DosePerKg(decimal gramsPerKilogram)
    {
        if (gramsPerKilogram <= 0) throw new ArgumentOutOfRangeException(nameof(gramsPerKilogram), gramsPerKilogram, "A dose is positive.");
        GramsPerKilogram = gramsPerKilogram;
    }

    public decimal GramsPerKilogram { get; }

    public Grams For(BodyWeight dosingWeight) => new(GramsPerKilogram * dosingWeight.Kilograms);

    public override string ToString() => $"{GramsPerKilogram.ToString("0.###", CultureInfo.InvariantCulture)} g/kg";
}

/// <summary>An infusion rate in millilitres per kilogram per hour.</summary>
public readonly record struct InfusionRate
{
    public InfusionRate(decimal millilitresPerKilogramPerHour)
    {
        if (millilitresPerKilogramPerHour <= 0) throw new ArgumentOutOfRangeException(nameof(millilitresPerKilogramPerHour), millilitresPerKilogramPerHour, "A rate is positive.");
        MillilitresPerKilogramPerHour = millilitresPerKilogramPerHour;
    }

    public decimal MillilitresPerKilogramPerHour { get; }

    /// <summary>The same rate in mg/kg/min for a product of the given concentration (g/L).</summary>
    public decimal MilligramsPerKilogramPerMinute(decimal concentrationGramsPerLitre) =>
        MillilitresPerKilogramPerHour * concentrationGramsPerLitre / 60m;

    /// <summary>Converts mg/kg/min to mL/kg/h for a product of the given concentration (g/L).</summary>
    public static InfusionRate FromMilligramsPerKilogramPerMinute(decimal mgPerKgPerMin, decimal concentrationGramsPerLitre) =>
        new(mgPerKgPerMin * 60m / concentrationGramsPerLitre);

    public override string ToString() => $"{MillilitresPerKilogramPerHour.ToString("0.###", CultureInfo.InvariantCulture)} mL/kg/h";
}
