using System.Collections.Frozen;
using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Questions;

/// <summary>What a phrase of a question can name.</summary>
public enum LexemeKind
{
    ConditionName, ConditionAbbreviation, ConditionSynonym, ContextName, Facet, Intent, Immunoglobulin, Ambiguous, Uncovered, Neutral,
}

/// <summary>One meaning of a lexicon phrase.</summary>
public sealed record Lexeme(LexemeKind Kind, string Surface, ConditionId? Condition = null, ContextId? Context = null, string? Facet = null,
    string? Intent = null, AmbiguousTerm? Term = null, string? Area = null);

/// <summary>A condition a keyword points at, and how strongly (its own name's words weigh most; shared words less).</summary>
public sealed record KeywordOwner(ConditionId Condition, double Weight);

/// <summary>A phrase that points at one context once the condition is known, weighted by how few
/// contexts across the knowledge base use it ("postpartum" outweighs "relapse").</summary>
public sealed record ContextCue(ContextId Context, string Phrase, double Weight);

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
        FrozenDictionary<string, ImmutableArray<KeywordOwner>> keywords)
    {
        Normaliser = normaliser;
        Phrases = phrases;
        MaxPhraseTokens = maxPhraseTokens;
        Codes = codes;
        KnownWords = knownWords;
        ContentWords = contentWords;
        Fuzzy = fuzzy;
        CuesByTerm = cuesByTerm;
        NamePhrases = namePhrases;
        ContextCues = contextCues;
        Keywords = keywords;
        PhraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

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
    /// <summary>Per condition, the phrases that point at one of its contexts.</summary>
    public FrozenDictionary<ConditionId, ImmutableArray<ContextCue>> ContextCues { get; }
    /// <summary>Distinctive words of up to three conditions' names and contexts, for questions that name a condition in part.</summary>
    public FrozenDictionary<string, ImmutableArray<KeywordOwner>> Keywords { get; }
}
