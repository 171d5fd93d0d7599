using System.Collections.Frozen;
using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Questions;

/// <summary>Builds the <see cref="Lexicon"/> from a loaded knowledge base. Nothing here is specific
/// to a condition: a new condition file is understood as soon as it validates.</summary>
public static class LexiconBuilder
{
    /// <summary>A keyword names at most this many conditions; more, and it is too generic to suggest any.</summary>
    private const int MaxConditionsPerKeyword = 3;

    /// <summary>A word shared by more conditions than this says nothing at all.</summary>
    private const int MaxConditionsPerWeakKeyword = 8;

    /// <summary>Facets that name who the patient is; they choose a context more surely than descriptive words.</summary>
    public static readonly IReadOnlySet<string> PopulationFacets = new HashSet<string>(StringComparer.Ordinal) { "paediatric", "neonatal", "obstetric", "fetal" };

    public static Lexicon Build(KnowledgeBase kb)
    {
        var normaliser = new TextNormaliser(kb.Vocabulary.SpellingVariants);
        var phrases = new Dictionary<string, List<Lexeme>>(StringComparer.Ordinal);
        var maxTokens = 1;
        var fuzzyWords = new HashSet<string>(StringComparer.Ordinal);
        var contentWords = new HashSet<string>(StringComparer.Ordinal);
        var common = new HashSet<string>(kb.Vocabulary.CommonWords.SelectMany(normaliser.Tokens), StringComparer.Ordinal);

        void Add(string text, Lexeme lexeme, bool correctable)
        {
            var tokens = normaliser.Tokens(text);
            if (tokens.Count == 0) return;
            var key = string.Join(' ', tokens);
            if (!phrases.TryGetValue(key, out var list)) phrases[key] = list = [];
            if (!list.Contains(lexeme)) list.Add(lexeme);
            maxTokens = Math.Max(maxTokens, tokens.Count);
            foreach (var token in tokens)
            {
                contentWords.Add(token);
                if (correctable && token.Length >= 4 && token.All(char.IsAsciiLetterLower)) fuzzyWords.Add(token);
            }
            // The typo corrector also knows the words as written ("measles", not only "measle").
            if (correctable)
                foreach (var raw in text.ToLowerInvariant().Split([' ', '-', '/', '(', ')', ',', '\''], StringSplitOptions.RemoveEmptyEntries))
                    if (raw.Length >= 4 && raw.All(char.IsAsciiLetterLower)) fuzzyWords.Add(raw);
        }

        // Words that say nothing about which condition is meant.
        var generic = new HashSet<string>(common, StringComparer.Ordinal);
        foreach (var facet in kb.Vocabulary.Facets) foreach (var t in facet.Terms.SelectMany(normaliser.Tokens)) generic.Add(t);
        foreach (var intent in kb.Vocabulary.Intents) foreach (var t in intent.Terms.SelectMany(normaliser.Tokens)) generic.Add(t);
        foreach (var t in kb.Vocabulary.DrugTerms.SelectMany(normaliser.Tokens)) generic.Add(t);

        var names = ImmutableArray.CreateBuilder<(ConditionId, string)>();
        var codes = new Dictionary<string, (ConditionId, ContextId?)>(StringComparer.Ordinal);
        // word → condition → how strongly the word belongs to it (its name 2, a synonym 1.5, a context 0.5)
        var wordConditions = new Dictionary<string, Dictionary<ConditionId, double>>(StringComparer.Ordinal);
        void Count(string text, ConditionId id, double weight)
        {
            foreach (var token in normaliser.Tokens(text))
            {
                if (!wordConditions.TryGetValue(token, out var owners)) wordConditions[token] = owners = [];
                owners[id] = Math.Max(owners.GetValueOrDefault(id), weight);
            }
        }

        foreach (var condition in kb.Conditions)
        {
            var id = condition.Id;
            Add(condition.Name, new Lexeme(LexemeKind.ConditionName, condition.Name, id), correctable: true);
            names.Add((id, normaliser.Phrase(condition.Name)));
            Count(condition.Name, id, 2.0);
            Add(condition.Short, new Lexeme(LexemeKind.ConditionAbbreviation, condition.Short, id), correctable: false);
            foreach (var abbreviation in condition.Abbreviations)
                Add(abbreviation, new Lexeme(LexemeKind.ConditionAbbreviation, abbreviation, id), correctable: false);
            foreach (var synonym in condition.Synonyms)
            {
                Add(synonym, new Lexeme(LexemeKind.ConditionSynonym, synonym, id), correctable: true);
                names.Add((id, normaliser.Phrase(synonym)));
                Count(synonym, id, 1.5);
            }
            foreach (var code in condition.Codes.Icd10Cm) codes[code.ToUpperInvariant()] = (id, null);
            foreach (var code in condition.Codes.SnomedCt) codes[code] = (id, null);
            foreach (var abbreviation in condition.Abbreviations.Append(condition.Short)) Count(abbreviation, id, 1.5);
            foreach (var context in condition.Contexts)
            {
                foreach (var code in context.Codes.Icd10Cm) codes[code.ToUpperInvariant()] = (id, context.Id);
                foreach (var code in context.Codes.SnomedCt) codes[code] = (id, context.Id);
                foreach (var term in context.Terms.Prepend(context.Name)) Count(term, id, 0.5);
            }
        }

        // Context cues: names and terms, weighted by how many contexts across the knowledge base share them.
        var cueUse = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var context in kb.Conditions.SelectMany(c => c.Contexts))
            foreach (var phrase in context.Terms.Prepend(context.Name).Select(normaliser.Phrase).Where(p => p.Length > 0).Distinct())
                cueUse[phrase] = cueUse.GetValueOrDefault(phrase) + 1;
        var contextCues = new Dictionary<ConditionId, ImmutableArray<ContextCue>>();
        var contextPhrases = new List<(string Phrase, ConditionId Condition, ContextId Context)>();
        foreach (var condition in kb.Conditions)
        {
            var cues = ImmutableArray.CreateBuilder<ContextCue>();
            // The condition's own name says nothing about which of its contexts is meant, nor do its words alone ("heparin").
            var own = new[] { condition.Name, condition.Short }.Select(normaliser.Phrase).ToHashSet(StringComparer.Ordinal);
            var nameWords = normaliser.Tokens(condition.Name).Concat(normaliser.Tokens(condition.Short)).ToHashSet(StringComparer.Ordinal);
            foreach (var context in condition.Contexts)
            {
                foreach (var phrase in context.Terms.Prepend(context.Name).Select(normaliser.Phrase).Where(p => p.Length > 0 && !own.Contains(p)).Distinct())
                {
                    var words = phrase.Split(' ');
                    foreach (var token in words) contentWords.Add(token);
                    if (words.Length == 1 && nameWords.Contains(words[0])) continue;
                    cues.Add(new ContextCue(context.Id, phrase, (double)words.Length / cueUse[phrase]));
                    if (words.Length > 1) contextPhrases.Add((phrase, condition.Id, context.Id));
                }
                // A context name with a word only this condition's names use also names the condition
                // ("cold agglutinin disease"); generic names ("Children", "Maintenance") do not.
                var nameTokens = normaliser.Tokens(context.Name);
                if (nameTokens.Count > 1 && nameTokens.Any(t => !generic.Contains(t) && wordConditions.TryGetValue(t, out var owners) && owners.Count == 1 && owners.ContainsKey(condition.Id)))
                    Add(context.Name, new Lexeme(LexemeKind.ContextName, context.Name, condition.Id, context.Id), correctable: true);
            }
            contextCues[condition.Id] = cues.ToImmutable();
        }

        // A context phrase only one condition uses can name it when nothing else does
        // ("antibody-mediated rejection"), unless it contains another name ("warm AIHA" in Evans syndrome).
        var namingPhrases = phrases.Where(p => p.Value.Any(l => l.Kind is LexemeKind.ConditionName or LexemeKind.ConditionAbbreviation or LexemeKind.ConditionSynonym))
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var group in contextPhrases.GroupBy(c => c.Phrase, StringComparer.Ordinal))
        {
            // A phrase used by one condition only (in one or more of its contexts).
            if (group.Select(g => g.Condition).Distinct().Count() != 1) continue;
            var (phrase, condition, context) = group.First();
            var words = phrase.Split(' ');
            if (words.All(generic.Contains) || ContainsAny(words, namingPhrases)) continue;
            Add(phrase, new Lexeme(LexemeKind.ContextPhrase, phrase, condition, context), correctable: false);
        }
        foreach (var facet in kb.Vocabulary.Facets)
            foreach (var term in facet.Terms) Add(term, new Lexeme(LexemeKind.Facet, term, Facet: facet.Id), correctable: true);
        foreach (var intent in kb.Vocabulary.Intents)
            foreach (var term in intent.Terms) Add(term, new Lexeme(LexemeKind.Intent, term, Intent: intent.Id), correctable: true);
        foreach (var term in kb.Vocabulary.DrugTerms) Add(term, new Lexeme(LexemeKind.Immunoglobulin, term), correctable: true);
        foreach (var drug in kb.Drugs.Values.Where(d => d.Kind == DrugKind.Immunoglobulin))
            foreach (var name in drug.Synonyms.Prepend(drug.Name)) Add(name, new Lexeme(LexemeKind.Immunoglobulin, name), correctable: true);
        foreach (var product in kb.Products.Values) Add(product.Brand, new Lexeme(LexemeKind.Immunoglobulin, product.Brand), correctable: true);
        foreach (var phrase in kb.Vocabulary.NeutralPhrases) Add(phrase, new Lexeme(LexemeKind.Neutral, phrase), correctable: false);

        var cuesByTerm = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var term in kb.Vocabulary.AmbiguousTerms)
        {
            Add(term.Term, new Lexeme(LexemeKind.Ambiguous, term.Term, Term: term), correctable: false);
            foreach (var meaning in term.Meanings)
            {
                cuesByTerm[$"{term.Term}|{meaning.Label}"] = [.. meaning.Cues.Select(normaliser.Phrase).Where(c => c.Length > 0)];
                foreach (var token in meaning.Cues.SelectMany(normaliser.Tokens)) contentWords.Add(token);
            }
        }
        foreach (var uncovered in kb.Vocabulary.UncoveredConditions)
            foreach (var name in uncovered.Synonyms.Prepend(uncovered.Name))
                Add(name, new Lexeme(LexemeKind.Uncovered, uncovered.Name, Area: EnumText.ToText(uncovered.Area)), correctable: true);

        var keywords = wordConditions
            .Where(p => p.Key.Length >= 3 && !generic.Contains(p.Key) && p.Value.Count <= MaxConditionsPerWeakKeyword && !p.Key.All(char.IsAsciiDigit))
            .ToFrozenDictionary(
                p => p.Key,
                p => new Keyword(
                    [.. p.Value.OrderBy(c => c.Key.Value, StringComparer.Ordinal).Select(c => new KeywordOwner(c.Key, c.Value / p.Value.Count, c.Value >= 1.5))],
                    p.Value.Count <= MaxConditionsPerKeyword),
                StringComparer.Ordinal);

        var frozenPhrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        var settings = Settings(kb, normaliser, frozenPhrases, maxTokens);
        var specialisations = Specialisations(kb, normaliser, frozenPhrases);

        var known = new HashSet<string>(contentWords, StringComparer.Ordinal);
        known.UnionWith(common);
        var frozenKnown = known.ToFrozenSet(StringComparer.Ordinal);
        return new Lexicon(
            new TextNormaliser(kb.Vocabulary.SpellingVariants, frozenKnown),
            frozenPhrases,
            maxTokens,
            codes.ToFrozenDictionary(StringComparer.Ordinal),
            frozenKnown,
            contentWords.Except(common).ToFrozenSet(StringComparer.Ordinal),
            new FuzzyIndex(fuzzyWords),
            cuesByTerm.ToFrozenDictionary(StringComparer.Ordinal),
            names.ToImmutable(),
            contextCues.ToFrozenDictionary(),
            keywords,
            settings,
            specialisations);
    }

    /// <summary>True when some run of <paramref name="words"/> is one of <paramref name="phrases"/>.</summary>
    private static bool ContainsAny(string[] words, HashSet<string> phrases)
    {
        for (var start = 0; start < words.Length; start++)
            for (var length = 1; length <= words.Length - start; length++)
                if (phrases.Contains(string.Join(' ', words, start, length))) return true;
        return false;
    }

    private static readonly LexemeKind[] NamingKinds = [LexemeKind.ConditionName, LexemeKind.ConditionAbbreviation, LexemeKind.ConditionSynonym];

    /// <summary>Which other conditions each condition's synonyms and context vocabulary name.</summary>
    private static FrozenDictionary<ConditionId, FrozenSet<ConditionId>> Settings(KnowledgeBase kb, TextNormaliser normaliser,
        FrozenDictionary<string, ImmutableArray<Lexeme>> phrases, int maxTokens)
    {
        var result = new Dictionary<ConditionId, FrozenSet<ConditionId>>();
        foreach (var condition in kb.Conditions)
        {
            var named = new HashSet<ConditionId>();
            var own = condition.Synonyms.Concat(condition.Contexts.SelectMany(c => c.Terms.Prepend(c.Name)));
            foreach (var phrase in own)
            {
                var tokens = normaliser.Tokens(phrase);
                for (var start = 0; start < tokens.Count; start++)
                {
                    for (var length = 1; length <= Math.Min(maxTokens, tokens.Count - start); length++)
                    {
                        if (!phrases.TryGetValue(string.Join(' ', tokens.GetRange(start, length)), out var lexemes)) continue;
                        foreach (var l in lexemes)
                            if (NamingKinds.Contains(l.Kind) && l.Condition is { } other && other != condition.Id) named.Add(other);
                    }
                }
            }
            if (named.Count > 0) result[condition.Id] = named.ToFrozenSet();
        }
        return result.ToFrozenDictionary();
    }

    /// <summary>Conditions named as a facet word plus another condition's name ("neonatal" + "sepsis").</summary>
    private static FrozenDictionary<ConditionId, ImmutableArray<(ConditionId, string)>> Specialisations(KnowledgeBase kb, TextNormaliser normaliser,
        FrozenDictionary<string, ImmutableArray<Lexeme>> phrases)
    {
        var facetOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var facet in kb.Vocabulary.Facets)
            if (PopulationFacets.Contains(facet.Id))
                foreach (var term in facet.Terms.Select(normaliser.Phrase).Where(t => t.Length > 0 && !t.Contains(' ')))
                    facetOf.TryAdd(term, facet.Id);
        var result = new Dictionary<ConditionId, List<(ConditionId, string)>>();
        foreach (var specific in kb.Conditions)
        {
            foreach (var phrase in specific.Synonyms.Prepend(specific.Name))
            {
                var tokens = normaliser.Tokens(phrase);
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (tokens.Count < 2 || !facetOf.TryGetValue(tokens[i], out var facet)) continue;
                    var rest = string.Join(' ', tokens.Where((_, k) => k != i));
                    if (!phrases.TryGetValue(rest, out var lexemes)) continue;
                    foreach (var general in lexemes.Where(l => NamingKinds.Contains(l.Kind) && l.Condition != specific.Id).Select(l => l.Condition!.Value).Distinct())
                    {
                        if (!result.TryGetValue(general, out var list)) result[general] = list = [];
                        if (!list.Contains((specific.Id, facet))) list.Add((specific.Id, facet));
                    }
                }
            }
        }
        return result.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }
}
