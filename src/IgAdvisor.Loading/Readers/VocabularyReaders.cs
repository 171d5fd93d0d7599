using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;
using IgAdvisor.Loading.Yaml;

namespace IgAdvisor.Loading.Readers;

/// <summary>What vocabulary/language.yaml holds.</summary>
internal sealed record LanguageContent(ImmutableArray<string> DrugTerms, ImmutableArray<UncoveredCondition> Uncovered, ImmutableArray<string> CommonWords,
    ImmutableArray<string> NeutralPhrases, ImmutableDictionary<string, string> Spellings);

/// <summary>Readers of the knowledge base header, the vocabulary files and the dosing policy.</summary>
internal static class VocabularyReaders
{
    public static (string? Version, DateOnly? Released) Header(Map m)
    {
        var version = m.Text("version", required: true);
        var released = m.Date("released", required: true);
        m.Text("title");
        m.Done();
        return (version, released);
    }

    public static IEnumerable<Facet> Facets(Map root)
    {
        foreach (var m in root.Maps("facets", "facets", required: true))
        {
            var id = m.Id("id");
            var terms = m.Texts("terms", required: true);
            m.Done();
            if (id is not null) yield return new Facet(id, terms, m.Origin);
        }
        root.Done();
    }

    public static IEnumerable<AmbiguousTerm> Ambiguous(Map root)
    {
        foreach (var m in root.Maps("terms", "ambiguous terms", required: true))
        {
            var term = m.Text("term", required: true);
            var meanings = ImmutableArray.CreateBuilder<TermMeaning>();
            foreach (var meaning in m.Maps("meanings", "meanings ({ label, condition, context, cues })", required: true))
            {
                var label = meaning.Text("label", required: true);
                var condition = meaning.Id("condition", required: false);
                var context = meaning.Id("context", required: false);
                var cues = meaning.Texts("cues");
                meaning.Done();
                if (label is not null)
                    meanings.Add(new TermMeaning(label, condition is null ? null : new ConditionId(condition), context is null ? null : new ContextId(context), cues));
            }
            if (meanings.Count < 2)
                m.File.Error(DiagnosticCodes.MissingField, m.Node, m.Sub("meanings"), "an ambiguous term lists at least two meanings");
            var fallback = m.Text("inImmunoglobulinQuestion");
            if (fallback is not null && meanings.All(x => x.Label != fallback))
                m.File.Error(DiagnosticCodes.UnknownReference, m.Raw("inImmunoglobulinQuestion"), m.Sub("inImmunoglobulinQuestion"), $"'{fallback}' is not the label of one of the meanings");
            m.Done();
            if (term is not null) yield return new AmbiguousTerm(term, meanings.ToImmutable(), fallback, m.Origin);
        }
        root.Done();
    }

    public static IEnumerable<IntentDefinition> Intents(Map root)
    {
        foreach (var m in root.Maps("intents", "intents", required: true))
        {
            var id = m.Id("id");
            var terms = m.Texts("terms");
            var leads = ImmutableArray.CreateBuilder<SectionKind>();
            foreach (var key in m.Texts("leads"))
            {
                if (key == "bottomLine") leads.Add(SectionKind.BottomLine);
                else if (Common.SectionKeys.TryGetValue(key, out var kind)) leads.Add(kind);
                else m.File.Error(DiagnosticCodes.OutsideEnumeration, m.Raw("leads"), m.Sub("leads"), $"'{key}' is not a section key");
            }
            m.Done();
            if (id is not null) yield return new IntentDefinition(id, terms, leads.ToImmutable(), m.Origin);
        }
        root.Done();
    }

    public static LanguageContent Language(Map root)
    {
        var drugTerms = root.Texts("immunoglobulinTerms", required: true);
        var common = root.Texts("commonWords");
        var neutral = root.Texts("neutralPhrases");
        var uncovered = ImmutableArray.CreateBuilder<UncoveredCondition>();
        foreach (var m in root.Maps("uncoveredConditions", "uncovered conditions ({ name, area, synonyms })"))
        {
            var name = m.Text("name", required: true);
            var area = m.Enum<ClinicalArea>("area", required: true);
            var synonyms = m.Texts("synonyms");
            m.Done();
            if (name is not null && area is not null) uncovered.Add(new UncoveredCondition(name, area.Value, synonyms, m.Origin));
        }
        var spellings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var m in root.Maps("spellings", "spelling pairs ({ british, american })"))
        {
            var british = m.Text("british", required: true);
            var american = m.Text("american", required: true);
            m.Done();
            if (british is not null && american is not null) spellings[american] = british;
        }
        root.Done();
        return new LanguageContent(drugTerms, uncovered.ToImmutable(), common, neutral, spellings.ToImmutable());
    }

    public static DosingPolicySettings? DosingPolicy(Map root)
    {
        var weight = root.Child("dosingWeight", "dosing-weight thresholds", required: true);
        var rounding = root.Child("rounding", "rounding defaults", required: true);
        var cost = root.Child("cost", "cost defaults", required: true);
        var cites = Common.Cites(root);
        decimal? bmi = null, ratio = null, factor = null, minHeight = null, roundTo = null, tolerance = null, price = null;
        string? currency = null;
        if (weight is not null)
        {
            bmi = weight.Decimal("bmiThreshold", required: true);
            ratio = weight.Decimal("idealWeightExcessRatio", required: true);
            factor = weight.Decimal("adjustmentFactor", required: true);
            minHeight = CatalogueReaders.QuantityField(weight, "minimumHeightForIdealWeight", Units.Centimetre, required: true)?.Value;
            weight.Done();
        }
        if (rounding is not null)
        {
            roundTo = CatalogueReaders.QuantityField(rounding, "defaultStep", Units.Gram, required: true)?.Value;
            tolerance = rounding.Decimal("tolerancePercent", required: true);
            rounding.Done();
        }
        if (cost is not null)
        {
            price = cost.Decimal("pricePerGram", required: true);
            currency = cost.Text("currency", required: true);
            cost.Done();
        }
        root.Done();
        if (bmi is null || ratio is null || factor is null || minHeight is null || roundTo is null || tolerance is null || price is null || currency is null)
            return null;
        return new DosingPolicySettings(bmi.Value, ratio.Value, factor.Value, minHeight.Value, roundTo.Value, tolerance.Value, price.Value, currency, cites);
    }
}
