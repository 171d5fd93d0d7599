using System.Collections.Immutable;
using System.Text.RegularExpressions;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using IgAdvisor.Loading.Yaml;

namespace IgAdvisor.Loading.Readers;

/// <summary>Readers of the list files: sources, facts, drugs and products.</summary>
internal static partial class CatalogueReaders
{
    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex PmidPattern();

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$")]
    private static partial Regex DoiPattern();

    public static IEnumerable<Source> Sources(Map root)
    {
        foreach (var m in root.Maps("sources", "sources", required: true))
        {
            var id = m.Id("id");
            var type = m.Enum<SourceType>("type", required: true);
            var body = m.Text("body");
            var authors = m.Text("authors");
            var title = m.Text("title", required: true);
            var journal = m.Text("journal");
            var year = m.Int("year", required: true, min: 1900, max: 2100);
            var volume = m.Text("volume");
            var issue = m.Text("issue");
            var pages = m.Text("pages");
            var pmid = m.Text("pmid");
            var doi = m.Text("doi");
            var url = m.Text("url");
            var addresses = m.Texts("addresses");
            var general = m.Bool("general");
            var about = m.Text("about");
            var note = m.Text("note");
            if (body is null && authors is null)
                m.File.Error(DiagnosticCodes.MissingField, m.Node, m.Path, "a source needs 'body' or 'authors'");
            if (addresses.IsEmpty && !general && about is null)
                m.File.Error(DiagnosticCodes.MissingField, m.Node, m.Sub("addresses"), "a source needs 'addresses' (condition ids), 'general: true', or 'about' (what it addresses when no covered condition)");
            if (pmid is not null && !PmidPattern().IsMatch(pmid))
                m.File.Error(DiagnosticCodes.MalformedCode, m.Raw("pmid"), m.Sub("pmid"), $"'{pmid}' is not a PMID (digits only)");
            if (doi is not null && !DoiPattern().IsMatch(doi))
                m.File.Error(DiagnosticCodes.MalformedCode, m.Raw("doi"), m.Sub("doi"), $"'{doi}' is not a DOI (10.NNNN/...)");
            if (pmid is null && doi is null && url is null && journal is null)
                m.File.Warning(DiagnosticCodes.SourceWithoutLocator, m.Node, m.Path, "source without PMID, DOI, URL or journal: a reader cannot find it");
            foreach (var a in addresses.Where(a => !IdSyntax.IsValid(a)))
                m.File.Error(DiagnosticCodes.MalformedId, m.Raw("addresses"), m.Sub("addresses"), $"'{a}' is not a valid condition id");
            m.Done();
            if (id is null || type is null || title is null || year is null) continue;
            yield return new Source(new SourceId(id), type.Value, body, authors, title, journal, year.Value, volume, issue, pages, pmid, doi, url,
                [.. addresses.Where(IdSyntax.IsValid).Select(a => new ConditionId(a))], general, about, note, m.Origin);
        }
        root.Done();
    }

    public static IEnumerable<FactDefinition> Facts(Map root)
    {
        foreach (var m in root.Maps("facts", "facts", required: true))
        {
            var id = m.Id("id");
            var kind = m.Enum<FactKind>("kind", required: true);
            var unitText = m.Text("unit");
            var loinc = m.Texts("loinc");
            var snomed = m.Texts("snomedct");
            var icd10 = m.Texts("icd10cm");
            var values = m.Texts("values");
            var range = m.Text("range");
            var molarMass = m.Decimal("molarMass");
            var question = m.Text("question", required: true);
            Unit? unit = null;
            if (kind == FactKind.Quantity)
            {
                if (unitText is null)
                    m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Node, m.Sub("unit"), "a quantity fact needs its canonical 'unit'");
                else if (!Units.TryFind(unitText, out var u))
                    m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw("unit"), m.Sub("unit"), $"'{unitText}' is not a known unit; see docs/units.md");
                else unit = u;
            }
            else if (unitText is not null)
                m.File.Error(DiagnosticCodes.WrongShape, m.Raw("unit"), m.Sub("unit"), $"only quantity facts have a unit (this one is {EnumText.ToText(kind ?? FactKind.Boolean)})");
            if (kind == FactKind.Code && values.IsEmpty)
                m.File.Error(DiagnosticCodes.MissingField, m.Node, m.Sub("values"), "a code fact lists its allowed 'values'");
            decimal? min = null, max = null;
            if (range is not null)
            {
                var parts = range.Split('-', 2);
                if (parts.Length == 2 && decimal.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var lo)
                    && decimal.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var hi) && lo <= hi)
                    (min, max) = (lo, hi);
                else m.File.Error(DiagnosticCodes.WrongShape, m.Raw("range"), m.Sub("range"), $"'{range}' is not a range of the form MIN-MAX");
            }
            m.Done();
            if (id is null || kind is null || question is null) continue;
            if (!icd10.IsEmpty && kind != FactKind.Boolean)
                m.File.Error(DiagnosticCodes.WrongShape, m.Raw("icd10cm"), m.Sub("icd10cm"), "only yes/no facts (diagnoses) take ICD-10-CM codes");
            yield return new FactDefinition(new FactId(id), kind.Value, unit, loinc, snomed, values, min, max, molarMass, question, m.Origin) { Icd10Cm = icd10 };
        }
        root.Done();
    }

    public static IEnumerable<Drug> Drugs(Map root)
    {
        foreach (var m in root.Maps("drugs", "drugs", required: true))
        {
            var id = m.Id("id");
            var name = m.Text("name", required: true);
            var kind = m.Enum<DrugKind>("kind", required: true);
            var synonyms = m.Texts("synonyms");
            var atc = m.Text("atc");
            var memberOf = m.Texts("memberOf");
            m.Done();
            if (id is null || name is null || kind is null) continue;
            yield return new Drug(new DrugId(id), name, kind.Value, synonyms, atc, [.. memberOf.Select(x => new DrugId(x))], m.Origin);
        }
        root.Done();
    }

    public static IEnumerable<Product> Products(Map root)
    {
        foreach (var m in root.Maps("products", "products", required: true))
        {
            var id = m.Id("id");
            var brand = m.Text("brand", required: true);
            var manufacturer = m.Text("manufacturer", required: true);
            var route = m.Enum<Route>("route", required: true);
            var concentration = QuantityField(m, "concentration", Units.GramPerLitre, required: true);
            var vials = m.Texts("vialSizes", required: true);
            var stabiliser = m.Text("stabiliser", required: true);
            var sugars = m.Texts("sugars");
            foreach (var sugar in sugars.Where(x => x is not ("sucrose" or "maltose" or "glucose" or "sorbitol" or "fructose")))
                m.File.Error(DiagnosticCodes.OutsideEnumeration, m.Raw("sugars"), m.Sub("sugars"), $"'{sugar}' is not one of sucrose, maltose, glucose, sorbitol, fructose");
            var sodium = m.Text("sodium");
            var iga = QuantityField(m, "igaContent", Units.MilligramPerLitre);
            var markets = m.Texts("markets");
            // Intravenous labels give a per-kg schedule; subcutaneous labels usually give per-site
            // limits instead, so an SC product needs one of the two and an IV product the first.
            var perSiteOnly = route == Route.Sc && m.Has("siteRates") && !m.Has("rates");
            var steps = new List<(string Rate, int? Minutes, Map Map)>();
            foreach (var s in m.Maps("rates", "rate steps ({ rate, minutes })", required: !perSiteOnly))
            {
                var rate = s.Text("rate", required: true);
                var minutes = s.Int("minutes", min: 1, max: 1440);
                s.Done();
                if (rate is not null) steps.Add((rate, minutes, s));
            }
            var maximum = m.Text("maximumRate", required: !perSiteOnly);
            var siteRates = ImmutableArray.CreateBuilder<SiteRate>();
            foreach (var s in m.Maps("siteRates", "per-site limits ({ phase, volumePerSite, rate })"))
            {
                var phase = s.Text("phase", required: true);
                var volume = QuantityField(s, "volumePerSite", Units.Millilitre, required: true);
                var rate = s.Text("rate", required: true);
                s.Done();
                if (phase is null || volume is null || rate is null) continue;
                if (ParseSiteRate(rate, out var perSite, out var error)) siteRates.Add(new SiteRate(phase, volume.Value.Value, perSite));
                else s.File.Error(DiagnosticCodes.QuantityWithoutUnit, s.Raw("rate"), s.Sub("rate"), error);
            }
            if (route == Route.Iv && m.Has("siteRates"))
                m.File.Error(DiagnosticCodes.WrongShape, m.Raw("siteRates"), m.Sub("siteRates"), "per-site rates are for subcutaneous products; an intravenous product needs 'rates' and 'maximumRate'");
            var maximumSites = m.Int("maximumSites", min: 1, max: 12);
            var note = m.Text("rateNote");
            var cites = Common.Cites(m);
            var vialGrams = ImmutableArray.CreateBuilder<decimal>();
            foreach (var v in vials)
            {
                if (Quantity.TryParse(v, out var q, out var error) && q.TryConvertTo(Units.Gram, null, out var g) && g.Value > 0) vialGrams.Add(g.Value);
                else m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw("vialSizes"), m.Sub("vialSizes"), $"vial size '{v}' must be grams with a unit ('5 g'){(error.Length > 0 ? ": " + error : "")}");
            }
            m.Done();
            if (id is null || brand is null || manufacturer is null || route is null || concentration is null || stabiliser is null) continue;
            if (maximum is null && !perSiteOnly) continue;
            var c = concentration.Value.Value;
            var parsedSteps = ImmutableArray.CreateBuilder<RateStep>();
            foreach (var (rate, minutes, map) in steps)
            {
                if (ParseRate(rate, c, out var r, out var error)) parsedSteps.Add(new RateStep(r, minutes));
                else map.File.Error(DiagnosticCodes.QuantityWithoutUnit, map.Raw("rate"), map.Sub("rate"), error);
            }
            InfusionRate? max = null;
            if (maximum is not null)
            {
                if (!ParseRate(maximum, c, out var parsedMax, out var maxError))
                {
                    m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw("maximumRate"), m.Sub("maximumRate"), maxError);
                    continue;
                }
                max = parsedMax;
            }
            yield return new Product(new ProductId(id), brand, manufacturer, route.Value, c, [.. vialGrams.Order()], stabiliser, sugars,
                sodium, iga?.Value, markets, parsedSteps.ToImmutable(), max, siteRates.ToImmutable(), maximumSites, note, cites, m.Origin);
        }
        root.Done();
    }

    /// <summary>A rate written as "0.5 mg/kg/min" or "0.3 mL/kg/h", converted to mL/kg/h.</summary>
    public static bool ParseRate(string text, decimal concentrationGramsPerLitre, out InfusionRate rate, out string error)
    {
        rate = default;
        error = "";
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !decimal.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            error = $"rate '{text}' must be a positive number with a unit (mg/kg/min or mL/kg/h)";
            return false;
        }
        switch (parts[1])
        {
            case "mg/kg/min":
                rate = InfusionRate.FromMilligramsPerKilogramPerMinute(value, concentrationGramsPerLitre);
                return true;
            case "mL/kg/h" or "ml/kg/h" or "mL/kg/hr":
                rate = new InfusionRate(value);
                return true;
            default:
                error = $"rate unit '{parts[1]}' is not mg/kg/min or mL/kg/h";
                return false;
        }
    }

    /// <summary>A per-site rate written as "15 mL/h" or "15 mL/h/site", in mL per hour per site.</summary>
    public static bool ParseSiteRate(string text, out decimal millilitresPerHour, out string error)
    {
        millilitresPerHour = 0;
        error = "";
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && decimal.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            && parts[1] is "mL/h" or "mL/h/site" or "ml/h" or "ml/h/site")
        {
            millilitresPerHour = value;
            return true;
        }
        error = $"site rate '{text}' must be a positive number in mL/h per site ('20 mL/h/site')";
        return false;
    }

    /// <summary>A quantity field converted to <paramref name="unit"/>; a bare number is KB040.</summary>
    public static Quantity? QuantityField(Map m, string key, Unit unit, bool required = false)
    {
        var text = m.Text(key, required);
        if (text is null) return null;
        if (!Quantity.TryParse(text, out var q, out var error))
        {
            m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw(key), m.Sub(key), $"'{key}': {error}");
            return null;
        }
        if (!q.TryConvertTo(unit, null, out var converted))
        {
            m.File.Error(DiagnosticCodes.QuantityWithoutUnit, m.Raw(key), m.Sub(key), $"'{key}' is in {q.Unit.Code}, which does not convert to {unit.Code}");
            return null;
        }
        return converted;
    }
}
