namespace IgAdvisor.Knowledge.Model;

/// <summary>
/// The role of immunoglobulin in a clinical context (PRODUCT.md). The order runs from the
/// strongest endorsement to a recommendation against.
/// </summary>
public enum Role
{
    /// <summary>Standard first therapy (UK red, Australia "established").</summary>
    FirstLine,
    /// <summary>Established after or beside first-line therapy.</summary>
    SecondLine,
    /// <summary>Part of a combination in defined severe situations.</summary>
    Adjunct,
    /// <summary>Only in refractory cases after other options; weak evidence (UK grey).</summary>
    Exceptional,
    /// <summary>Insufficient evidence; not for routine use.</summary>
    NotRecommended,
    /// <summary>A guideline recommends against it (UK black, Australia "not funded").</summary>
    RecommendedAgainst,
}

/// <summary>Strength of a recommendation, normalised from the issuing body's own grading.</summary>
public enum Strength { Strong, Conditional, Weak, Consensus, ExpertOpinion }

/// <summary>GRADE certainty of the evidence behind a verdict.</summary>
public enum Certainty { High, Moderate, Low, VeryLow }

/// <summary>What kind of publication a source is; drives the evidence label in references.</summary>
public enum SourceType
{
    Guideline, Consensus, SystematicReview, MetaAnalysis, Rct, Cohort, CaseSeries, CaseReport,
    ExpertOpinion, Label, NationalCriteria, NarrativeReview,
}

/// <summary>Who stands behind a recorded position.</summary>
public enum PositionKind { Guideline, Consensus, NationalProgramme }

/// <summary>Clinical area a condition belongs to; used to group the condition list.</summary>
public enum ClinicalArea
{
    Haematology, Immunology, Neurology, Rheumatology, Dermatology, Obstetrics, Infection,
    Transplantation, Cardiology, Paediatrics, Other,
}

/// <summary>The answer sections of PRODUCT.md, in the order an answer renders them.</summary>
public enum SectionKind
{
    BottomLine, StandardTreatment, GuidelinePosition, WhereConsidered, Evidence, Mechanism, Dosing,
    Review, Safety, Algorithm, Combinations, Pitfalls, SupportiveCare, Emerging, Closing,
}

/// <summary>What a regimen is for.</summary>
public enum RegimenPurpose { Loading, Induction, Maintenance, SingleDose, Replacement, PostExposure }

/// <summary>Route of administration.</summary>
public enum Route { Iv, Sc, Im }

/// <summary>Population a regimen is written for.</summary>
public enum Population { Adult, Child, Neonate, Any }

/// <summary>How a qualifying criterion weighs in the decision.</summary>
public enum Strictness
{
    /// <summary>Not met means not indicated; unknown means insufficient information.</summary>
    Required,
    /// <summary>Not met or unknown turns "indicated" into "indicated with conditions".</summary>
    Advisory,
}

/// <summary>Severity of a caution.</summary>
public enum CautionSeverity { High, Moderate, Low }

/// <summary>A patient's relation to a therapy.</summary>
public enum TherapyStatus { Current, Completed, Failed, Intolerant, Contraindicated, Declined }

/// <summary>The value type of a patient fact.</summary>
public enum FactKind { Boolean, Quantity, Integer, Code }

/// <summary>What a drug entry names.</summary>
public enum DrugKind { Drug, Procedure, Immunoglobulin, Class }

/// <summary>
/// Converts enum members to and from the kebab-case words used in YAML and JSON
/// (<c>Role.FirstLine</c> is <c>first-line</c>, <c>SourceType.Rct</c> is <c>rct</c>).
/// </summary>
public static class EnumText
{
    public static string ToText<T>(T value) where T : struct, Enum => Cache<T>.ToText[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Cache<T>.FromText.TryGetValue(text, out value);
    }

    /// <summary>All accepted words of <typeparamref name="T"/>, for error messages.</summary>
    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => Cache<T>.Words;

    private static string Kebab(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToText = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));
        public static readonly Dictionary<string, T> FromText = ToText.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        public static readonly IReadOnlyList<string> Words = [.. ToText.Values];
    }
}
