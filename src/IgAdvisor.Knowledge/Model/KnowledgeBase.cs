using System.Collections.Frozen;
using System.Collections.Immutable;

namespace IgAdvisor.Knowledge.Model;

/// <summary>An abbreviation or word whose meanings include ones outside the knowledge base
/// (e.g. AHA: the American Heart Association), so it must never silently resolve.</summary>
/// <paramref name="ImmunoglobulinDefault"/> is the label of the meaning to take when the question
/// is about immunoglobulin and no cue settles it (null: ask back).
public sealed record AmbiguousTerm(string Term, ImmutableArray<TermMeaning> Meanings, string? ImmunoglobulinDefault, Origin Origin);

/// <summary>A condition the knowledge base does not cover, with its area, so that a question about it
/// is answered "not covered" with the nearest covered conditions of that area.</summary>
public sealed record UncoveredCondition(string Name, ClinicalArea Area, ImmutableArray<string> Synonyms, Origin Origin);

/// <summary>One meaning of an ambiguous term: a covered condition (with optional context) or an uncovered name.</summary>
public sealed record TermMeaning(string Label, ConditionId? Condition, ContextId? Context, ImmutableArray<string> Cues);

/// <summary>The words that reveal what a question asks for (dose, safety, ...).</summary>
public sealed record IntentDefinition(string Id, ImmutableArray<string> Terms, ImmutableArray<SectionKind> Leads, Origin Origin);

/// <summary>Question-understanding vocabulary that is not part of any condition.</summary>
public sealed record Vocabulary(
    ImmutableArray<Facet> Facets,
    ImmutableArray<AmbiguousTerm> AmbiguousTerms,
    ImmutableArray<IntentDefinition> Intents,
    ImmutableArray<string> DrugTerms,
    ImmutableArray<UncoveredCondition> UncoveredConditions,
    ImmutableArray<string> CommonWords,
    ImmutableArray<string> NeutralPhrases,
    ImmutableDictionary<string, string> SpellingVariants)
{
    public static Vocabulary Empty { get; } = new([], [], [], [], [], [], [], ImmutableDictionary<string, string>.Empty);
}

/// <summary>
/// The whole knowledge base, immutable once loaded and valid: every reference resolves, every
/// statement is cited. Look-ups are by id.
/// </summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(
        string version,
        DateOnly released,
        IEnumerable<Condition> conditions,
        IEnumerable<Source> sources,
        IEnumerable<FactDefinition> facts,
        IEnumerable<Drug> drugs,
        IEnumerable<Product> products,
        Vocabulary vocabulary,
        DosingPolicySettings dosingPolicy,
        IEnumerable<Caution>? safetyRules = null)
    {
        SafetyRules = [.. safetyRules ?? []];
        Version = version;
        Released = released;
        Conditions = [.. conditions.OrderBy(c => c.Id.Value, StringComparer.Ordinal)];
        Sources = sources.ToFrozenDictionary(s => s.Id);
        Facts = facts.ToFrozenDictionary(f => f.Id);
        Drugs = drugs.ToFrozenDictionary(d => d.Id);
        Products = products.ToFrozenDictionary(p => p.Id);
        Vocabulary = vocabulary;
        DosingPolicy = dosingPolicy;
        ConditionsById = Conditions.ToFrozenDictionary(c => c.Id);
        RegimensById = Conditions.SelectMany(c => c.AllRegimens.Select(r => (Condition: c, Regimen: r)))
            .ToFrozenDictionary(x => x.Regimen.Id, StringComparer.Ordinal);
    }

    /// <summary>Knowledge base version, printed in every answer's footer.</summary>
    public string Version { get; }
    public DateOnly Released { get; }
    public ImmutableArray<Condition> Conditions { get; }
    public FrozenDictionary<ConditionId, Condition> ConditionsById { get; }

    /// <summary>Every regimen by its id (unique across the knowledge base), with its condition.</summary>
    public FrozenDictionary<string, (Condition Condition, Regimen Regimen)> RegimensById { get; }
    public FrozenDictionary<SourceId, Source> Sources { get; }
    public FrozenDictionary<FactId, FactDefinition> Facts { get; }
    public FrozenDictionary<DrugId, Drug> Drugs { get; }
    public FrozenDictionary<ProductId, Product> Products { get; }
    public Vocabulary Vocabulary { get; }
    public DosingPolicySettings DosingPolicy { get; }

    /// <summary>Product-class cautions (knowledge/safety): each applies to any patient whose facts meet its test.</summary>
    public ImmutableArray<Caution> SafetyRules { get; }

    /// <summary>True when <paramref name="drug"/> is <paramref name="target"/> or a (transitive) member of it.</summary>
    public bool IsA(DrugId drug, DrugId target)
    {
        if (drug == target) return true;
        var seen = new HashSet<DrugId>();
        var pending = new Stack<DrugId>([drug]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current) || !Drugs.TryGetValue(current, out var d)) continue;
            foreach (var parent in d.MemberOf)
            {
                if (parent == target) return true;
                pending.Push(parent);
            }
        }
        return false;
    }
}
