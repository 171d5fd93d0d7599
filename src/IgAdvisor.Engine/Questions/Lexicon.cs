using System.Collections.Frozen;
using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Questions;

/// <summary>What a phrase of a question can name.</summary>
public enum LexemeKind
{
    ConditionName, ConditionAbbreviation, ConditionSynonym, ContextName, ContextPhrase, Facet, Intent, Immunoglobulin, Ambiguous, Uncovered, Neutral,
}

/// <summary>One meaning of a lexicon phrase.</summary>
public sealed record Lexeme(LexemeKind Kind, string Surface, ConditionId? Condition = null, ContextId? Context = null, string? Facet = null,
    string? Intent = null, AmbiguousTerm? Term = null, string? Area = null);

/// <summary>A condition a keyword points at, and how strongly (its own name's words weigh most; shared
/// words less). <see cref="FromName"/>: the word is in the condition's name, a synonym or an abbreviation,
/// not only in a context's terms.</summary>
public sealed record KeywordOwner(ConditionId Condition, double Weight, bool FromName);

/// <summary>A word of condition names and contexts: the conditions it points at and whether it is
/// distinctive enough (few owners) to name a condition on its own.</summary>
public sealed record Keyword(ImmutableArray<KeywordOwner> Owners, bool Distinctive);

/// <summary>A phrase that points at one context once the condition is known, weighted by how few
/// contexts across the knowledge base use it ("postpartum" outweighs "relapse").</summary>
public sealed record ContextCue(ContextId Context, string Phrase, double Weight)
{
    /// <summary>The phrase between spaces, for whole-word search in a normalised question.</summary>
    public string Padded { get; } = " " + Phrase + " ";
}

/// <summary>
/// Every word a question can use to reach the knowledge base, built once per knowledge-base load:
/// condition names, abbreviations, synonyms and codes; context names and terms; facets; intents;
/// immunoglobulin names; ambiguous abbreviations; uncovered conditions; distinctive keywords for
/// partial names. Phrases are stored normalised; look-ups take spans.
/// </summary>
public sealed class Lexicon
{
    internal Lexicon(
        TextNormaliser normaliser,
        FrozenDictionary<string, ImmutableArray<Lexeme>> phrases,
        int maxPhraseTokens,
        FrozenDictionary<string, (ConditionId Condition, ContextId? Context)> codes,
        FrozenSet<string> knownWords,
        FrozenSet<string> contentWords,
        FuzzyIndex fuzzy,
        FrozenDictionary<string, ImmutableArray<string>> cuesByTerm,
        ImmutableArray<(ConditionId Id, string Phrase)> namePhrases,
        FrozenDictionary<ConditionId, ImmutableArray<ContextCue>> contextCues,
        FrozenDictionary<string, Keyword> keywords,
        FrozenDictionary<ConditionId, FrozenSet<ConditionId>> settings,
        FrozenDictionary<ConditionId, ImmutableArray<(ConditionId Specific, string Facet)>> specialisations)
    {
        Settings = settings;
        Specialisations = specialisations;
        Normaliser = normaliser;
        Phrases = phrases;
        MaxPhraseTokens = maxPhraseTokens;
        Codes = codes;
        KnownWords = knownWords;
        ContentWords = contentWords;
        Fuzzy = fuzzy;
        CuesByTerm = cuesByTerm;
        NamePhrases = namePhrases;
        NameWords = [.. namePhrases.Select(p => (p.Id, p.Phrase.Split(' ').Where(w => w.Length >= 4).ToArray())).Where(p => p.Item2.Length > 0)];
        ContextCues = contextCues;
        Keywords = keywords;
        PhraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        ContentLookup = contentWords.GetAlternateLookup<ReadOnlySpan<char>>();
        KnownLookup = knownWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentLookup { get; }
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup { get; }

    public TextNormaliser Normaliser { get; }
    /// <summary>Normalised phrase → its meanings; matched greedily, longest first.</summary>
    public FrozenDictionary<string, ImmutableArray<Lexeme>> Phrases { get; }
    internal FrozenDictionary<string, ImmutableArray<Lexeme>>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup { get; }
    public int MaxPhraseTokens { get; }
    /// <summary>ICD-10-CM codes (upper case) and SNOMED CT ids → condition, and context when the code is a context's.</summary>
    public FrozenDictionary<string, (ConditionId Condition, ContextId? Context)> Codes { get; }
    /// <summary>Words that are never corrected as typos (lexicon words and common English).</summary>
    public FrozenSet<string> KnownWords { get; }
    /// <summary>Words of the clinical lexicon (not common English), for joining and splitting tokens.</summary>
    public FrozenSet<string> ContentWords { get; }
    internal FuzzyIndex Fuzzy { get; }
    /// <summary>Normalised cue words of each ambiguous meaning, keyed "term|label".</summary>
    public FrozenDictionary<string, ImmutableArray<string>> CuesByTerm { get; }
    /// <summary>Each condition's normalised names and synonyms, for "nearest" suggestions.</summary>
    public ImmutableArray<(ConditionId Id, string Phrase)> NamePhrases { get; }

    /// <summary>The words (four letters or more) of each condition's names and synonyms, split once.</summary>
    internal ImmutableArray<(ConditionId Id, string[] Words)> NameWords { get; }
    /// <summary>Per condition, the phrases that point at one of its contexts.</summary>
    public FrozenDictionary<ConditionId, ImmutableArray<ContextCue>> ContextCues { get; }
    /// <summary>
    /// For each condition, the conditions its own vocabulary names as its setting (BK virus
    /// nephropathy's terms name kidney transplantation): asked together, the setting gives way.
    /// </summary>
    public FrozenDictionary<ConditionId, FrozenSet<ConditionId>> Settings { get; }

    /// <summary>
    /// A condition's more specific sibling for a facet: sepsis asked about in a neonate is neonatal
    /// sepsis, because that condition is named "neonatal" + "sepsis".
    /// </summary>
    public FrozenDictionary<ConditionId, ImmutableArray<(ConditionId Specific, string Facet)>> Specialisations { get; }

    /// <summary>Distinctive words of up to three conditions' names and contexts, for questions that name a condition in part.</summary>
    public FrozenDictionary<string, Keyword> Keywords { get; }
}
