using System.Collections.Immutable;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Knowledge.Model;

/// <summary>
/// A patient fact that criteria can test: a lab, a measurement, a finding or a score. Quantity
/// facts have a canonical UCUM <see cref="Unit"/>; every patient value is converted to it (through
/// <see cref="MolarMassGramsPerMole"/> between mass and molar concentrations).
/// </summary>
public sealed record FactDefinition(
    FactId Id,
    FactKind Kind,
    Unit? Unit,
    ImmutableArray<string> Loinc,
    ImmutableArray<string> Snomed,
    ImmutableArray<string> Values,
    decimal? RangeMin,
    decimal? RangeMax,
    decimal? MolarMassGramsPerMole,
    string Question,
    Origin Origin)
{
    /// <summary>ICD-10-CM codes or categories of a diagnosis fact: "E11" matches E11 and every code under it (E11.9, E11.65).</summary>
    public ImmutableArray<string> Icd10Cm { get; init; } = [];
}

/// <summary>A therapy, procedure, immunoglobulin or drug class. Members of a class satisfy tests on the class.</summary>
public sealed record Drug(
    DrugId Id,
    string Name,
    DrugKind Kind,
    ImmutableArray<string> Synonyms,
    string? Atc,
    ImmutableArray<DrugId> MemberOf,
    Origin Origin);

/// <summary>A kind of clinical situation ("obstetric", "refractory") and the words that name it.</summary>
public sealed record Facet(string Id, ImmutableArray<string> Terms, Origin Origin);

/// <summary>One step of a product's infusion-rate schedule: run at <see cref="Rate"/> for
/// <see cref="Minutes"/> minutes (null on the last step: until the infusion ends).</summary>
public sealed record RateStep(InfusionRate Rate, int? Minutes);

/// <summary>
/// A subcutaneous label's per-site limit for one phase of therapy ("first infusion", "later
/// infusions"): at most <see cref="VolumePerSiteMl"/> per site at <see cref="MlPerHourPerSite"/>.
/// SC labels state rates per site, not per kg, so the catalogue keeps them in that form.
/// </summary>
public sealed record SiteRate(string Phase, decimal VolumePerSiteMl, decimal MlPerHourPerSite);

/// <summary>
/// An immunoglobulin product as its label describes it: concentration (g/L), vial sizes (g),
/// stabiliser and sugars, sodium, the maximum IgA content (mg/L, the same as µg/mL), and the
/// infusion-rate schedule (steps then a maximum, in mL/kg/h of the weight the rate is based on).
/// Subcutaneous products may instead carry per-site limits (<see cref="SiteRates"/>, at most
/// <see cref="MaximumSites"/> sites at once); every intravenous product has a per-kg schedule.
/// </summary>
public sealed record Product(
    ProductId Id,
    string Brand,
    string Manufacturer,
    Route Route,
    decimal ConcentrationGramsPerLitre,
    ImmutableArray<decimal> VialSizesGrams,
    string Stabiliser,
    ImmutableArray<string> Sugars,
    string? Sodium,
    decimal? IgaMilligramsPerLitre,
    ImmutableArray<string> Markets,
    ImmutableArray<RateStep> RateSteps,
    InfusionRate? MaximumRate,
    ImmutableArray<SiteRate> SiteRates,
    int? MaximumSites,
    string? RateNote,
    ImmutableArray<SourceId> Citations,
    Origin Origin)
{
    public bool ContainsSucrose => Sugars.Contains("sucrose");
    public bool ContainsSugar => !Sugars.IsEmpty;
}
