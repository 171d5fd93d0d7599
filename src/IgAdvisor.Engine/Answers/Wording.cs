using System.Globalization;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Answers;

/// <summary>
/// The fixed English wording for structured knowledge (roles, strengths, regimens, studies,
/// references). Emission is mechanical: the same data always reads the same way.
/// </summary>
public static class Wording
{
    public static string SectionTitle(SectionKind kind) => kind switch
    {
        SectionKind.BottomLine => "Bottom line",
        SectionKind.StandardTreatment => "Standard treatment",
        SectionKind.GuidelinePosition => "Guideline and programme positions on immunoglobulin",
        SectionKind.WhereConsidered => "Where immunoglobulin may be considered",
        SectionKind.Evidence => "Evidence and its quality",
        SectionKind.Mechanism => "Mechanism of action",
        SectionKind.Dosing => "Dosing",
        SectionKind.Review => "Review and stopping",
        SectionKind.Safety => "Safety caveats",
        SectionKind.Algorithm => "Treatment algorithm",
        SectionKind.Combinations => "Combination regimens for severe or refractory disease",
        SectionKind.Pitfalls => "Pitfalls",
        SectionKind.SupportiveCare => "Supportive care",
        SectionKind.Emerging => "Emerging therapies",
        SectionKind.Closing => "Bottom line (closing)",
        _ => kind.ToString(),
    };

    public static string Role(Role role) => role switch
    {
        Knowledge.Model.Role.FirstLine => "first-line therapy",
        Knowledge.Model.Role.SecondLine => "second-line therapy",
        Knowledge.Model.Role.Adjunct => "adjunct in defined severe situations",
        Knowledge.Model.Role.Exceptional => "exceptional use only, in refractory cases",
        Knowledge.Model.Role.NotRecommended => "not recommended",
        Knowledge.Model.Role.RecommendedAgainst => "recommended against",
        _ => EnumText.ToText(role),
    };

    public static string Strength(Strength strength) => strength switch
    {
        Knowledge.Model.Strength.Strong => "strong recommendation",
        Knowledge.Model.Strength.Conditional => "conditional recommendation",
        Knowledge.Model.Strength.Weak => "weak recommendation",
        Knowledge.Model.Strength.Consensus => "consensus",
        Knowledge.Model.Strength.ExpertOpinion => "expert opinion",
        _ => EnumText.ToText(strength),
    };

    public static string Certainty(Certainty certainty) => certainty switch
    {
        Knowledge.Model.Certainty.VeryLow => "very low",
        _ => EnumText.ToText(certainty),
    };

    public static string SourceType(SourceType type) => type switch
    {
        Knowledge.Model.SourceType.Rct => "randomised controlled trial",
        Knowledge.Model.SourceType.NationalCriteria => "national criteria",
        _ => EnumText.ToText(type).Replace('-', ' '),
    };

    public static string Verdict(ClinicalContext context) =>
        $"{context.Name}: {Capitalise(Role(context.Verdict.Role))} ({Strength(context.Verdict.Strength)}" +
        (context.Verdict.Certainty is { } c ? $"; {Certainty(c)} certainty evidence" : "") + $"). {context.Verdict.Summary}";

    public static string Position(Position p)
    {
        var strength = p.Strength is { } s ? Strength(s) : "strength not graded";
        var grade = p.Grade is { } g ? $", graded \"{g}\"" : "";
        var category = p.Category is { } cat ? $" Category: {cat}." : "";
        return $"{p.Body} ({p.Year}): {EnsurePeriod(p.Text)} Read as: {Role(p.Role)} ({strength}{grade}).{category}";
    }

    public static string Study(Study study, Source source)
    {
        var parts = new List<string> { study.Design };
        if (study.Participants is { } n) parts.Add($"n = {n}");
        if (study.FollowUp is { } f) parts.Add($"follow-up {f}");
        var text = $"{ShortAuthor(source)} {source.Year} ({string.Join(", ", parts)}).";
        if (study.Population is { } population) text += $" Population: {EnsurePeriod(population)}";
        if (study.Intervention is { } intervention) text += $" Intervention: {EnsurePeriod(intervention)}";
        return $"{text} Result: {EnsurePeriod(study.Result)}";
    }

    public static string Regimen(Regimen r)
    {
        var text = $"{r.Name} ({EnumText.ToText(r.Purpose).Replace('-', ' ')}, {EnumText.ToText(r.Route).ToUpperInvariant()}, {Population(r.Population)}): {r.Dose.Text}";
        if (r.Dose.Basis != DoseBasis.PerWeek) text += r.Days == 1 ? " on 1 day" : $" on each of {r.Days} days".Replace("on each of", r.Dose.Basis == DoseBasis.PerCourse ? "split over" : "on each of", StringComparison.Ordinal);
        if (r.Interval is { } interval) text += $", repeated every {Interval(interval)}";
        text += ".";
        if (r.MaxDailyDose is { } maxDaily) text += $" Maximum {maxDaily.Text} per day.";
        if (r.MaxCourse is { } maxCourse) text += $" Maximum {maxCourse} per course.";
        if (r.ContinueFor is { } continueFor) text += $" Duration: {EnsurePeriod(continueFor)}";
        if (r.InfusionTime is { } infusion) text += $" Infusion: {EnsurePeriod(infusion)}";
        return text;
    }

    public static string Review(ReviewCriterion r) =>
        $"{r.Measure}, reviewed {Decapitalise(r.Interval)}: {EnsurePeriod(r.Response)}" + (r.StopWhen is { } stop ? $" Stop when: {EnsurePeriod(stop)}" : "");

    /// <summary>Lower-cases a leading capital that starts an ordinary word ("Within 1 week"), not an acronym ("INCAT").</summary>
    public static string Decapitalise(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    public static string Caution(Caution c) => $"{EnsurePeriod(c.Text)} What to do: {EnsurePeriod(c.Action)}";

    public static string Criterion(Criterion c) => $"{(c.Strictness == Strictness.Required ? "Required" : "Advisory")}: {EnsurePeriod(c.Text)}";

    public static string Step(int number, AlgorithmStep step) =>
        $"{number}. {Capitalise(step.Line)}: {EnsurePeriod(step.Action)}" + (step.EscalateWhen is { } e ? $" Escalate when: {EnsurePeriod(e)}" : "");

    public static string Population(Population population) => population switch
    {
        Knowledge.Model.Population.Adult => "adults",
        Knowledge.Model.Population.Child => "children",
        Knowledge.Model.Population.Neonate => "neonates",
        _ => "all ages",
    };

    public static string Interval(Quantity interval)
    {
        var value = interval.Value.ToString("0.##", CultureInfo.InvariantCulture);
        var unit = interval.Unit.Display.TrimEnd('s');
        return interval.Value == 1 ? unit : $"{value} {interval.Unit.Display}";
    }

    /// <summary>A full citation: authors or body, title, journal, year, volume(issue):pages, PMID, DOI or URL.</summary>
    public static string Citation(Source s)
    {
        var who = s.Authors ?? s.Body ?? "";
        var text = $"{EnsurePeriod(who)} {EnsurePeriod(s.Title)}";
        if (s.Authors is not null && s.Body is not null && s.Type is Knowledge.Model.SourceType.Guideline or Knowledge.Model.SourceType.Consensus or Knowledge.Model.SourceType.NationalCriteria)
            text += $" {EnsurePeriod(s.Body)}";
        if (s.Journal is not null)
        {
            text += $" {s.Journal}. {s.Year}";
            if (s.Volume is not null) text += $";{s.Volume}";
            if (s.Issue is not null) text += $"({s.Issue})";
            if (s.Pages is not null) text += $":{s.Pages}";
            text += ".";
        }
        else text += $" {s.Year}.";
        if (s.Pmid is not null) text += $" PMID: {s.Pmid}.";
        if (s.Doi is not null) text += $" doi:{s.Doi}.";
        if (s.Url is not null && s.Pmid is null && s.Doi is null) text += $" {s.Url}";
        return text.Trim();
    }

    public static string ShortAuthor(Source s)
    {
        if (s.Authors is { } authors)
        {
            var first = authors.Split(',', 2)[0].Trim();
            var surname = first.Split(' ')[0];
            return authors.Contains(',', StringComparison.Ordinal) ? $"{surname} et al." : surname;
        }
        return s.Body ?? "";
    }

    public static string EnsurePeriod(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || t[^1] is '.' or '?' or '!' or ')' && t.Length > 1 && t[^2] is '.' ? t : t[^1] is '.' or '?' or '!' ? t : t + ".";
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
