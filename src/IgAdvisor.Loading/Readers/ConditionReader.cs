using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using IgAdvisor.Loading.Yaml;

namespace IgAdvisor.Loading.Readers;

/// <summary>Reads one condition file into a <see cref="Condition"/>, reporting what it cannot read.</summary>
internal static class ConditionReader
{
    public static Condition? Read(Map m)
    {
        var id = m.Id("id");
        var name = m.Text("name", required: true);
        var shortName = m.Text("short", required: true);
        var abbreviations = m.Texts("abbreviations");
        var synonyms = m.Texts("synonyms");
        var codes = ReadCodes(m.Child("codes", "codes (icd10cm, snomedct)"));
        var area = m.Enum<ClinicalArea>("area", required: true);
        var lastReviewed = m.Date("lastReviewed", required: true);
        var title = m.Text("title", required: true);
        var headline = m.Id("headline");
        var bottomLine = Common.Statements(m, "bottomLine", required: true);
        var closing = Common.Statements(m, "closing");
        var indirect = ReadIndirect(m);
        var sections = Common.Sections(m.Child("sections", "sections"));
        var regimens = ReadRegimens(m);
        var cautions = ReadCautions(m);
        var contexts = m.Maps("contexts", "clinical contexts", required: true).Select(ReadContext).OfType<ClinicalContext>().ToImmutableArray();
        m.Done();
        if (id is null || name is null || shortName is null || area is null || lastReviewed is null || title is null || headline is null || contexts.IsEmpty)
            return null;
        return new Condition(new ConditionId(id), name, shortName, abbreviations, synonyms, codes, area.Value, lastReviewed.Value, title,
            new ContextId(headline), bottomLine, closing, indirect, sections, regimens, cautions, contexts, m.Origin);
    }

    private static ConditionCodes ReadCodes(Map? m)
    {
        if (m is null) return ConditionCodes.Empty;
        var icd = m.Texts("icd10cm");
        var snomed = m.Texts("snomedct");
        foreach (var code in icd.Where(c => !IsIcd10Cm(c)))
            m.File.Error(DiagnosticCodes.MalformedCode, m.Raw("icd10cm"), m.Sub("icd10cm"), $"'{code}' is not an ICD-10-CM code (e.g. D68.61)");
        foreach (var code in snomed.Where(c => c.Length is < 6 or > 18 || !c.All(char.IsAsciiDigit)))
            m.File.Error(DiagnosticCodes.MalformedCode, m.Raw("snomedct"), m.Sub("snomedct"), $"'{code}' is not a SNOMED CT concept id (6-18 digits)");
        m.Done();
        return new ConditionCodes(icd, snomed);
    }

    /// <summary>Letter, two digits, then optionally '.' and 1-4 letters or digits (D68.61, D59.11, G61.0).</summary>
    public static bool IsIcd10Cm(string code)
    {
        if (code.Length < 3 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiLetterOrDigit(code[2])) return false;
        if (code.Length == 3) return true;
        return code[3] == '.' && code.Length is >= 5 and <= 8 && code[4..].All(char.IsAsciiLetterOrDigit);
    }

    private static ImmutableDictionary<SourceId, string> ReadIndirect(Map m)
    {
        var builder = ImmutableDictionary.CreateBuilder<SourceId, string>();
        foreach (var item in m.Maps("indirect", "indirect marks ({ source, reason })"))
        {
            var source = item.Id("source");
            var reason = item.Text("reason", required: true);
            item.Done();
            if (source is null || reason is null) continue;
            if (!builder.TryAdd(new SourceId(source), reason))
                item.File.Error(DiagnosticCodes.DuplicateId, item.Node, item.Path, $"source '{source}' is marked indirect twice");
        }
        return builder.ToImmutable();
    }

    private static ClinicalContext? ReadContext(Map m)
    {
        var id = m.Id("id");
        var name = m.Text("name", required: true);
        var facets = m.Texts("facets");
        var terms = m.Texts("terms");
        var codes = ReadCodes(m.Child("codes", "codes (icd10cm, snomedct)"));
        var selectWhen = m.Raw("selectWhen") is { } sw ? Common.Test(sw, m.Sub("selectWhen"), m.File) : null;
        var verdictMap = m.Child("verdict", "a verdict");
        if (verdictMap is null)
            m.File.Error(DiagnosticCodes.ContextWithoutVerdict, m.Node, m.Sub("verdict"), $"context '{id}' has no verdict (role, strength, summary, cite)");
        // An unreadable verdict is reported where it is; a placeholder keeps the context in place so that
        // one mistake does not cascade into "unknown headline" (the knowledge base is refused anyway).
        var verdict = verdictMap is null ? null : ReadVerdict(verdictMap) ?? new Verdict(Role.NotRecommended, Strength.ExpertOpinion, null, "(invalid verdict)", [], verdictMap.Origin);
        var positions = m.Maps("positions", "positions").Select(ReadPosition).OfType<Position>().ToImmutableArray();
        var sections = Common.Sections(m.Child("sections", "sections"));
        var studies = m.Maps("studies", "studies").Select(ReadStudy).OfType<Study>().ToImmutableArray();
        var algorithm = m.Maps("algorithm", "algorithm steps").Select(ReadStep).OfType<AlgorithmStep>().ToImmutableArray();
        var regimens = ReadRegimens(m);
        var qualifying = m.Maps("qualifying", "criteria").Select(ReadCriterion).OfType<Criterion>().ToImmutableArray();
        var review = m.Maps("review", "review criteria").Select(ReadReview).OfType<ReviewCriterion>().ToImmutableArray();
        var cautions = ReadCautions(m);
        m.Done();
        if (id is null || name is null || verdict is null) return null;
        return new ClinicalContext(new ContextId(id), name, facets, terms, selectWhen, verdict, positions, sections, studies, algorithm,
            regimens, qualifying, review, cautions, codes, m.Origin);
    }

    private static Verdict? ReadVerdict(Map m)
    {
        var role = m.Enum<Role>("role", required: true);
        var strength = m.Enum<Strength>("strength", required: true);
        var certainty = m.Enum<Certainty>("certainty");
        var summary = m.Text("summary", required: true);
        var cites = Common.Cites(m);
        m.Done();
        return role is null || strength is null || summary is null ? null : new Verdict(role.Value, strength.Value, certainty, summary, cites, m.Origin);
    }

    private static Position? ReadPosition(Map m)
    {
        var source = m.Id("source");
        var body = m.Text("body", required: true);
        var year = m.Int("year", required: true, min: 1900, max: 2100);
        var kind = m.Enum<PositionKind>("kind", required: true);
        var role = m.Enum<Role>("role", required: true);
        var strength = m.Enum<Strength>("strength");
        var grade = m.Text("grade");
        var category = m.Text("category");
        var text = m.Text("text", required: true);
        m.Done();
        if (source is null || body is null || year is null || kind is null || role is null || text is null) return null;
        return new Position(new SourceId(source), body, year.Value, kind.Value, role.Value, strength, grade, category, text, m.Origin);
    }

    private static Study? ReadStudy(Map m)
    {
        var source = m.Id("source");
        var design = m.Text("design", required: true);
        var participants = m.Int("participants", min: 1);
        var followUp = m.Text("followUp");
        var population = m.Text("population");
        var intervention = m.Text("intervention");
        var result = m.Text("result", required: true);
        m.Done();
        return source is null || design is null || result is null ? null
            : new Study(new SourceId(source), design, participants, followUp, population, intervention, result, m.Origin);
    }

    private static AlgorithmStep? ReadStep(Map m)
    {
        var id = m.Id("id");
        var line = m.Text("line", required: true);
        var action = m.Text("action", required: true);
        var escalate = m.Text("escalateWhen");
        var usesIg = m.Bool("usesImmunoglobulin");
        var anyLine = m.Bool("atAnyLine");
        var completed = m.Raw("completedWhen") is { } cw ? Common.Test(cw, m.Sub("completedWhen"), m.File) : null;
        var cites = Common.Cites(m);
        m.Done();
        return id is null || line is null || action is null ? null
            : new AlgorithmStep(id, line, action, escalate, usesIg, completed, cites, m.Origin) { AtAnyLine = anyLine };
    }

    private static ImmutableArray<Regimen> ReadRegimens(Map m) => [.. m.Maps("regimens", "regimens").Select(ReadRegimen).OfType<Regimen>()];

    private static Regimen? ReadRegimen(Map m)
    {
        var id = m.Id("id");
        var name = m.Text("name", required: true);
        var purpose = m.Enum<RegimenPurpose>("purpose", required: true);
        var route = m.Enum<Route>("route", required: true);
        var population = m.Enum<Population>("population") ?? Population.Any;
        var dose = Dose(m, "dose", required: true);
        var days = m.Int("days", required: true, min: 1, max: 31);
        var interval = IntervalField(m);
        var continueFor = m.Text("continueFor");
        var infusionTime = m.Text("infusionTime");
        var maxDaily = Dose(m, "maxDailyDose");
        var maxCourse = CatalogueReaders.QuantityField(m, "maxCourseGrams", Units.Gram);
        var product = m.Id("product", required: false);
        var cites = Common.Cites(m);
        if (dose is { IsGramsPerKg: true } d && d.Basis == DoseBasis.PerDay && d.Max * (d.AmountUnit == DoseAmountUnit.Milligram ? 0.001m : 1m) / d.PerKilograms!.Value > 2m)
            m.File.Error(DiagnosticCodes.ImplausibleDose, m.Raw("dose"), m.Sub("dose"), $"dose '{d.Text}' is above 2 g/kg on one day");
        if (dose is { IsGramsPerKg: true } total && days is { } n)
        {
            var (_, perDayMax) = total.GramsPerKgPerInfusionDay(n);
            if (perDayMax * n > 4m && total.Basis != DoseBasis.PerWeek)
                m.File.Error(DiagnosticCodes.ImplausibleDose, m.Raw("dose"), m.Sub("dose"), $"a course of '{total.Text}' over {n} days is above 4 g/kg");
        }
        m.Done();
        if (id is null || name is null || purpose is null || route is null || dose is null || days is null) return null;
        return new Regimen(id, name, purpose.Value, route.Value, population, dose, days.Value, interval, continueFor, infusionTime, maxDaily,
            maxCourse is { } g ? new Grams(g.Value) : null, product is null ? null : new ProductId(product), cites, m.Origin);
    }

    private static DoseSpec? Dose(Map m, string key, bool required = false)
    {
        var text = m.Text(key, required);
        if (text is null) return null;
        if (DoseSpec.TryParse(text, out var dose, out var error)) return dose;
        m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw(key), m.Sub(key), error);
        return null;
    }

    private static Quantity? IntervalField(Map m)
    {
        var interval = CatalogueReaders.QuantityField(m, "interval", Units.Week);
        return interval is { } q && q.Value <= 0 ? null : interval;
    }

    private static Criterion? ReadCriterion(Map m)
    {
        var id = m.Id("id");
        var text = m.Text("text", required: true);
        var strictness = m.Enum<Strictness>("strictness", required: true);
        var test = m.Raw("test", required: true) is { } t ? Common.Test(t, m.Sub("test"), m.File) : null;
        var cites = Common.Cites(m);
        m.Done();
        return id is null || text is null || strictness is null || test is null ? null : new Criterion(id, text, strictness.Value, test, cites, m.Origin);
    }

    private static ReviewCriterion? ReadReview(Map m)
    {
        var id = m.Id("id");
        var measure = m.Text("measure", required: true);
        var interval = m.Text("interval", required: true);
        var response = m.Text("response", required: true);
        var stop = m.Text("stopWhen");
        var cites = Common.Cites(m);
        m.Done();
        return id is null || measure is null || interval is null || response is null ? null
            : new ReviewCriterion(id, measure, interval, response, stop, cites, m.Origin);
    }

    public static ImmutableArray<Caution> ReadCautions(Map m, bool required = false) => [.. m.Maps("cautions", "cautions", required).Select(ReadCaution).OfType<Caution>()];

    private static Caution? ReadCaution(Map m)
    {
        var id = m.Id("id");
        var text = m.Text("text", required: true);
        var action = m.Text("action", required: true);
        var severity = m.Enum<CautionSeverity>("severity", required: true);
        var when = m.Raw("when") is { } w ? Common.Test(w, m.Sub("when"), m.File) : null;
        var cites = Common.Cites(m);
        m.Done();
        return id is null || text is null || action is null || severity is null ? null
            : new Caution(id, text, action, severity.Value, when, cites, m.Origin);
    }
}
