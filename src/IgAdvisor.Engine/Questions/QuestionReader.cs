using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Questions;

/// <summary>
/// Reads a clinician's question into a condition, a leading context and an intent, or asks it
/// back. Never guesses: a word with several meanings that the question does not settle, two
/// conditions at once, or a correction too uncertain make the reading <c>ambiguous</c>; a question
/// about nothing the knowledge base covers is <c>not-covered</c> with the nearest covered conditions.
/// </summary>
public sealed partial class QuestionReader(KnowledgeBase knowledgeBase, Lexicon lexicon)
{
    /// <summary>Longest question read, in characters; longer ones are refused as bad input.</summary>
    public const int MaxLength = 4000;

    /// <summary>A corrected word at least this similar to the lexicon word lets the answer stand.</summary>
    public const double AnswerConfidence = 0.8;

    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Za-z]\d{2}(?:\.[A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IcdPattern();

    [GeneratedRegex(@"(?<![0-9])(\d{6,18})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SnomedPattern();

    // "SCT 55464009" names the code system, not stem cell transplantation: a system name directly
    // before a concept id is not read as words.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:SCT|SNOMED(?:[ -]?CT)?)[\s:#]*(?=\d{6,18}(?![0-9]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SnomedSystemPrefix();

    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;
    public Lexicon Lexicon { get; } = lexicon;

    public static QuestionReader For(KnowledgeBase kb) => new(kb, LexiconBuilder.Build(kb));

    public QuestionReading Read(string? question)
    {
        if (question is null || string.IsNullOrWhiteSpace(question)) return QuestionReading.BadInput("", "the question is empty");
        if (question.Length > MaxLength)
            return QuestionReading.BadInput(question[..80] + "…", $"the question is {question.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString("N0", CultureInfo.InvariantCulture)}");
        if (question.Contains('\uFFFD'))
            return QuestionReading.BadInput(question, "the question contains bytes that are not valid UTF-8 text");
        var clean = Clean(question);
        if (clean.Length == 0) return QuestionReading.BadInput(question, "the question has no readable text (only control characters)");

        var tokens = new List<string>(16);
        var caps = new List<bool>(16);
        Lexicon.Normaliser.Tokens(SnomedSystemPrefix().Replace(clean, " "), tokens, caps);
        if (tokens.Count == 0) return QuestionReading.BadInput(clean, "the question has no words");
        JoinAndSplit(tokens, caps);

        var corrections = ImmutableArray.CreateBuilder<string>();
        var similarity = new double[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            similarity[i] = 1.0;
            var token = tokens[i];
            if (token.Length > 40 || Lexicon.KnownWords.Contains(token) || !IsWord(token)) continue;
            if (Lexicon.Fuzzy.Nearest(token) is { } nearest)
            {
                var corrected = Lexicon.Normaliser.Canonical(nearest.Word);
                corrections.Add($"{token} → {corrected}");
                tokens[i] = corrected;
                similarity[i] = nearest.Similarity;
            }
        }

        var matches = Match(tokens, caps, similarity);
        return Interpret(clean, tokens, matches, FindCodes(clean), corrections.ToImmutable());
    }

    /// <summary>
    /// "auto immune" becomes "autoimmune" and "hyperigm" becomes "hyper igm" when the lexicon knows
    /// the joined or split words and not the given ones.
    /// </summary>
    private void JoinAndSplit(List<string> tokens, List<bool> caps)
    {
        var content = Lexicon.ContentLookup;
        Span<char> buffer = stackalloc char[82];
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (a, b) = (tokens[i], tokens[i + 1]);
            if (a.Length + b.Length > 40 || (content.Contains(a) && content.Contains(b))) continue;
            a.CopyTo(buffer);
            b.CopyTo(buffer[a.Length..]);
            var joined = buffer[..(a.Length + b.Length)];
            if (!content.Contains(joined)) continue;
            tokens[i] = joined.ToString();
            tokens.RemoveAt(i + 1);
            caps.RemoveAt(i + 1);
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length < 5 || token.Length > 40 || Lexicon.KnownWords.Contains(token)) continue;
            for (var cut = 2; cut <= token.Length - 2; cut++)
            {
                if (!content.Contains(token.AsSpan(0, cut)) || !content.Contains(token.AsSpan(cut))) continue;
                tokens[i] = token[..cut];
                tokens.Insert(i + 1, token[cut..]);
                caps.Insert(i + 1, caps[i]);
                i++;
                break;
            }
        }
    }

    private static bool IsWord(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsAsciiLetterLower(c)) return false;
        }
        return true;
    }

    /// <summary>Control characters become spaces; whitespace is collapsed.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private List<(ConditionId Condition, ContextId? Context)> FindCodes(string text)
    {
        var found = new List<(ConditionId, ContextId?)>();
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return found; // every code has digits
        foreach (Match m in IcdPattern().Matches(text))
        {
            var code = m.Groups[1].Value.ToUpperInvariant();
            if (Lexicon.Codes.TryGetValue(code, out var hit)) found.Add(hit);
            else if (code.Contains('.'))
            {
                // A parent code (D59.1) names a condition when all its listed children do.
                var children = Lexicon.Codes.Where(c => c.Key.StartsWith(code, StringComparison.Ordinal)).Select(c => c.Value.Condition).Distinct().ToList();
                if (children.Count == 1) found.Add((children[0], null));
            }
        }
        foreach (Match m in SnomedPattern().Matches(text))
        {
            if (Lexicon.Codes.TryGetValue(m.Groups[1].Value, out var hit)) found.Add(hit);
        }
        return found;
    }

    private readonly record struct PhraseMatch(int Start, int Length, ImmutableArray<Lexeme> Lexemes, double Confidence);

    /// <summary>Greedy longest match of lexicon phrases over the tokens.</summary>
    private List<PhraseMatch> Match(List<string> tokens, List<bool> caps, double[] similarity)
    {
        var joined = string.Join(' ', tokens);
        var starts = new int[tokens.Count + 1];
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            starts[i] = position;
            position += tokens[i].Length + 1;
        }
        starts[tokens.Count] = position;
        var matches = new List<PhraseMatch>();
        var index = 0;
        while (index < tokens.Count)
        {
            var matched = false;
            for (var length = Math.Min(Lexicon.MaxPhraseTokens, tokens.Count - index); length >= 1; length--)
            {
                var span = joined.AsSpan(starts[index], starts[index + length] - starts[index] - 1);
                if (!Lexicon.PhraseLookup.TryGetValue(span, out var lexemes)) continue;
                if (length == 1) lexemes = FilterSingleToken(lexemes, tokens, caps, index);
                if (lexemes.IsEmpty) continue;
                var confidence = 1.0;
                for (var k = index; k < index + length; k++) confidence = Math.Min(confidence, similarity[k]);
                matches.Add(new PhraseMatch(index, length, lexemes, confidence));
                index += length;
                matched = true;
                break;
            }
            if (!matched) index++;
        }
        return matches;
    }

    /// <summary>
    /// An abbreviation right after a number is a unit ("400 mg"), and one that is also a common
    /// English word counts only when written in capitals ("HIT", not "hit").
    /// </summary>
    private ImmutableArray<Lexeme> FilterSingleToken(ImmutableArray<Lexeme> lexemes, List<string> tokens, List<bool> caps, int index)
    {
        var afterNumber = index > 0 && tokens[index - 1].Length > 0 && char.IsAsciiDigit(tokens[index - 1][0]);
        var commonWord = !Lexicon.ContentWords.Contains(tokens[index]) || KnowledgeBase.Vocabulary.CommonWords.Contains(tokens[index]);
        if (!afterNumber && !(commonWord && !caps[index])) return lexemes;
        return lexemes.RemoveAll(l => l.Kind is LexemeKind.ConditionAbbreviation or LexemeKind.Ambiguous);
    }

    private QuestionReading Interpret(string question, List<string> tokens, List<PhraseMatch> matches, List<(ConditionId Condition, ContextId? Context)> codes, ImmutableArray<string> corrections)
    {
        var recognised = ImmutableArray.CreateBuilder<string>();
        var direct = new Dictionary<ConditionId, double>();
        var namedContexts = new List<(ConditionId Condition, ContextId Context)>();
        foreach (var (condition, context) in codes)
        {
            direct[condition] = 1.0;
            if (context is { } c) namedContexts.Add((condition, c));
            recognised.Add($"code → {condition}{(context is { } cx ? "/" + cx : "")}");
        }
        var facets = new HashSet<string>(StringComparer.Ordinal);
        var intents = new List<string>();
        var immunoglobulin = false;
        var ambiguities = new List<AmbiguousTerm>();
        var collisions = new List<ImmutableArray<ConditionId>>();
        var uncovered = new List<Lexeme>();
        var consumed = new bool[tokens.Count];
        var contextPhrases = new List<Lexeme>();
        var text = " " + string.Join(' ', tokens) + " ";

        foreach (var match in matches)
        {
            var lexemes = match.Lexemes;
            var words = string.Join(' ', tokens.GetRange(match.Start, match.Length));
            if (lexemes.Any(l => l.Kind == LexemeKind.Ambiguous))
            {
                ambiguities.AddRange(lexemes.Where(l => l.Kind == LexemeKind.Ambiguous).Select(l => l.Term!));
                recognised.Add($"'{words}' has several meanings");
                lexemes = lexemes.RemoveAll(l => l.Kind is LexemeKind.ConditionAbbreviation or LexemeKind.ConditionName or LexemeKind.ConditionSynonym);
            }
            var conditionLexemes = lexemes.Where(l => l.Kind is LexemeKind.ConditionName or LexemeKind.ConditionAbbreviation or LexemeKind.ConditionSynonym or LexemeKind.ContextName).ToList();
            var distinct = conditionLexemes.Select(l => l.Condition!.Value).Distinct().ToImmutableArray();
            if (distinct.Length == 1)
            {
                direct[distinct[0]] = Math.Max(direct.GetValueOrDefault(distinct[0]), match.Confidence);
                var first = conditionLexemes[0];
                if (first.Kind == LexemeKind.ContextName) namedContexts.Add((first.Condition!.Value, first.Context!.Value));
                recognised.Add($"{Describe(first.Kind)} '{first.Surface}' → {distinct[0]}{(first.Context is { } ctx ? "/" + ctx : "")}");
            }
            else if (distinct.Length > 1)
            {
                collisions.Add(distinct);
                recognised.Add($"'{conditionLexemes[0].Surface}' names {string.Join(", ", distinct)}");
            }
            if (lexemes.Any(l => l.Kind is LexemeKind.Uncovered or LexemeKind.Neutral or LexemeKind.Ambiguous) || distinct.Length > 0)
                for (var k = match.Start; k < match.Start + match.Length; k++) consumed[k] = true;
            foreach (var l in lexemes)
            {
                switch (l.Kind)
                {
                    case LexemeKind.ContextPhrase: contextPhrases.Add(l); break;
                    case LexemeKind.Facet: facets.Add(l.Facet!); break;
                    case LexemeKind.Intent: intents.Add(l.Intent!); break;
                    case LexemeKind.Immunoglobulin:
                        immunoglobulin = true;
                        if (IsComparison(tokens, match.Start - 1) || IsComparison(tokens, match.Start + match.Length)) intents.Add("alternatives");
                        break;
                    case LexemeKind.Uncovered: uncovered.Add(l); break;
                }
            }
        }
        immunoglobulin |= CollectFacets(tokens, facets, intents);

        var unresolved = new List<AmbiguousTerm>();
        var uncoveredMeanings = new List<string>();
        foreach (var term in ambiguities)
        {
            var settled = Settle(term, direct.Keys, text, immunoglobulin);
            if (settled is null) { unresolved.Add(term); continue; }
            recognised.Add($"'{term.Term}' read as {settled.Label}");
            if (settled.Condition is { } c)
            {
                direct[c] = Math.Max(direct.GetValueOrDefault(c), 1.0);
                if (settled.Context is { } ctx) namedContexts.Add((c, ctx));
            }
            else uncoveredMeanings.Add(settled.Label);
        }
        foreach (var collision in collisions)
        {
            if (!collision.Any(direct.ContainsKey))
                unresolved.Add(new AmbiguousTerm("", [.. collision.Select(c => new TermMeaning(Name(c), c, null, []))], null, Origin.None));
        }

        if (direct.Count == 0 && unresolved.Count == 0 && contextPhrases.Count > 0)
        {
            // A keyword pointing elsewhere ("recent onset cardiomyopathy" is a myocarditis term, "cardiomyopathy" a word of another name) leaves it open.
            var owners = contextPhrases.Select(l => l.Condition!.Value)
                .Concat(ByKeyword(tokens, consumed, immunoglobulin).Select(k => k.Id).Where(k => !contextPhrases.Any(l => l.Condition == k) && IsNamedBy(k, tokens)))
                .Distinct().ToList();
            if (owners.Count == 1)
            {
                direct[owners[0]] = KeywordConfidence;
                foreach (var l in contextPhrases) namedContexts.Add((l.Condition!.Value, l.Context!.Value));
                recognised.Add($"context phrase '{contextPhrases[0].Surface}' → {owners[0]}/{contextPhrases[0].Context}");
            }
            else unresolved.Add(new AmbiguousTerm(contextPhrases[0].Surface, [.. owners.Select(o => new TermMeaning(Name(o), o, null, []))], null, Origin.None));
        }
        if (direct.Count == 0 && unresolved.Count == 0)
        {
            var keyword = ByKeyword(tokens, consumed, immunoglobulin);
            if (keyword.Count == 1)
            {
                direct[keyword[0].Id] = KeywordConfidence;
                recognised.Add($"keyword '{keyword[0].Word}' → {keyword[0].Id}");
            }
            else if (keyword.Count > 1)
                unresolved.Add(new AmbiguousTerm(keyword[0].Word, [.. keyword.Select(k => new TermMeaning(Name(k.Id), k.Id, null, []))], null, Origin.None));
        }

        // Asked together, a condition named as another's setting gives way to it ("BK viraemia after kidney transplant").
        if (direct.Count > 1)
        {
            foreach (var setting in direct.Keys.Where(b => direct.Keys.Any(a => a != b && IsSettingOf(b, a))).ToList())
            {
                direct.Remove(setting);
                recognised.Add($"{setting} read as the setting");
            }
        }
        // A facet of the question can point to a condition's more specific sibling ("sepsis in a neonate").
        if (direct.Count == 1 && Lexicon.Specialisations.TryGetValue(direct.Keys.First(), out var siblings))
        {
            var general = direct.Keys.First();
            var specific = siblings.Where(s => facets.Contains(s.Facet)).Select(s => s.Specific).Distinct().ToList();
            if (specific.Count == 1)
            {
                direct[specific[0]] = direct[general];
                direct.Remove(general);
                recognised.Add($"{general} in a {(siblings.First(x => x.Specific == specific[0]).Facet)} question read as {specific[0]}");
            }
        }

        var intent = ChooseIntent(intents);
        var rec = recognised.ToImmutable();
        if (direct.Count == 1 && unresolved.Count == 0)
        {
            var (id, confidence) = direct.First();
            var condition = KnowledgeBase.ConditionsById[id];
            if (confidence < AnswerConfidence)
                return new QuestionReading(ReadingStatus.Ambiguous, question, null, null, ContextChoice.Headline, intent,
                    [new Candidate(id, condition.Name, null, "a spelling correction was needed")], $"Did you mean {condition.Name}?", rec, corrections, confidence);
            var (context, choice) = ChooseContext(condition, namedContexts, facets, text);
            return new QuestionReading(ReadingStatus.Answered, question, condition, context, choice, intent, [], null, rec, corrections, confidence);
        }
        if (direct.Count == 1 && unresolved.All(t => t.Meanings.Any(m => m.Condition == direct.Keys.First())))
        {
            // The question names one condition plainly; an unsettled term that can also mean it is read as it.
            var id = direct.Keys.First();
            var condition = KnowledgeBase.ConditionsById[id];
            var (context, choice) = ChooseContext(condition, namedContexts, facets, text);
            return new QuestionReading(ReadingStatus.Answered, question, condition, context, choice, intent, [], null, rec, corrections, direct[id]);
        }
        if (direct.Count + unresolved.Count > 0)
        {
            var candidates = direct.Keys.Select(c => new Candidate(c, Name(c), null, "named in the question"))
                .Concat(unresolved.SelectMany(t => t.Meanings.Select(m => new Candidate(m.Condition, m.Label, m.Context,
                    t.Term.Length > 0 ? $"a meaning of '{t.Term}'" : "shares the abbreviation"))))
                .DistinctBy(c => (c.Id, c.Name))
                .ToImmutableArray();
            var message = unresolved.Count > 0 && direct.Count == 0
                ? (unresolved[0].Term.Length > 0 ? $"'{unresolved[0].Term}' has several meanings; which one do you mean?" : "This abbreviation names several conditions; which one do you mean?")
                : "The question names more than one condition; ask about one at a time.";
            return new QuestionReading(ReadingStatus.Ambiguous, question, null, null, ContextChoice.Headline, intent, candidates, message, rec, corrections, 0);
        }
        if (uncovered.Count > 0 || uncoveredMeanings.Count > 0)
        {
            var label = uncovered.Count > 0 ? uncovered[0].Surface : uncoveredMeanings[0];
            var area = uncovered.Count > 0 ? uncovered[0].Area : null;
            return new QuestionReading(ReadingStatus.NotCovered, question, null, null, ContextChoice.Headline, intent,
                Nearest(tokens, area), $"IgAdvisor does not cover {label}.", rec, corrections, 0);
        }
        if (UnknownCode(question) is { } code)
            return new QuestionReading(ReadingStatus.NotCovered, question, null, null, ContextChoice.Headline, intent,
                SameCategory(code), $"IgAdvisor does not cover the code {code}.", rec, corrections, 0);
        var nearest = Nearest(tokens, null);
        if (nearest.Length > 0 && nearest[0].Reason == SimilarSpelling)
            return new QuestionReading(ReadingStatus.Ambiguous, question, null, null, ContextChoice.Headline, intent, nearest,
                $"Did you mean {nearest[0].Name}?", rec, corrections, 0);
        var what = immunoglobulin ? "The question names no condition that IgAdvisor covers." : "The question names neither a condition IgAdvisor covers nor immunoglobulin.";
        return new QuestionReading(ReadingStatus.NotCovered, question, null, null, ContextChoice.Headline, intent, nearest, what, rec, corrections, 0);
    }

    /// <summary>
    /// A code the question gives that no condition carries: an ICD-10-CM code with its decimal part
    /// (D69.6), or a number written after a SNOMED CT system name. A bare "B12" or a bare number is
    /// not taken for a code.
    /// </summary>
    private string? UnknownCode(string text)
    {
        foreach (Match m in IcdPattern().Matches(text))
        {
            var code = m.Groups[1].Value.ToUpperInvariant();
            if (code.Contains('.') && !Lexicon.Codes.ContainsKey(code)) return code;
        }
        foreach (Match m in SnomedSystemPrefix().Matches(text))
        {
            var number = SnomedPattern().Match(text, m.Index + m.Length);
            if (number.Success && number.Index == m.Index + m.Length && !Lexicon.Codes.ContainsKey(number.Value)) return number.Value;
        }
        return null;
    }

    /// <summary>Covered conditions whose ICD-10-CM codes share the three-character category of an uncovered code.</summary>
    private ImmutableArray<Candidate> SameCategory(string code)
    {
        if (code.Length < 3 || !char.IsAsciiLetter(code[0])) return [];
        var category = code[..3];
        return [.. Lexicon.Codes
            .Where(c => c.Key.StartsWith(category, StringComparison.Ordinal))
            .Select(c => c.Value.Condition)
            .Distinct()
            .Select(id => KnowledgeBase.ConditionsById[id])
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => new Candidate(c.Id, c.Name, null, $"covered condition coded in ICD-10-CM {category}"))];
    }

    /// <summary>A word this similar to a condition's name word is probably that word misspelt: ask back.</summary>
    private const double NearMiss = 0.75;

    private const string SimilarSpelling = "spelled much like a word of its name";

    /// <summary>True when a word of the condition's own name is in the question.</summary>
    private bool IsNamedBy(ConditionId condition, List<string> tokens)
    {
        var name = Lexicon.Normaliser.Phrase(KnowledgeBase.ConditionsById[condition].Name).Split(' ');
        return tokens.Any(t => t.Length >= 4 && name.Contains(t) && Lexicon.Keywords.ContainsKey(t));
    }

    private bool IsSettingOf(ConditionId setting, ConditionId condition) =>
        Lexicon.Settings.TryGetValue(condition, out var settings) && settings.Contains(setting)
        && !(Lexicon.Settings.TryGetValue(setting, out var back) && back.Contains(condition));

    private static bool IsComparison(List<string> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index] is "or" or "versus" or "vs" or "than" or "instead";

    /// <summary>Confidence of a condition found only through distinctive words of its name.</summary>
    public const double KeywordConfidence = 0.9;

    private static string Describe(LexemeKind kind) => kind switch
    {
        LexemeKind.ConditionAbbreviation => "abbreviation",
        LexemeKind.ConditionSynonym => "synonym",
        LexemeKind.ContextName => "context",
        _ => "name",
    };

    /// <summary>Facet and intent words anywhere in the question, also inside longer phrases
    /// ("pregnancy loss"); returns whether immunoglobulin is named anywhere (also inside "does IVIG work").</summary>
    private bool CollectFacets(List<string> tokens, HashSet<string> facets, List<string> intents)
    {
        var immunoglobulin = false;
        var joined = string.Join(' ', tokens);
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var one = joined.AsSpan(position, tokens[i].Length);
            if (Lexicon.PhraseLookup.TryGetValue(one, out var lexemes))
            {
                foreach (var l in lexemes)
                {
                    if (l.Kind == LexemeKind.Facet) facets.Add(l.Facet!);
                    else if (l.Kind == LexemeKind.Intent) intents.Add(l.Intent!);
                    else if (l.Kind == LexemeKind.Immunoglobulin) immunoglobulin = true;
                }
            }
            if (i + 1 < tokens.Count)
            {
                var two = joined.AsSpan(position, tokens[i].Length + 1 + tokens[i + 1].Length);
                if (Lexicon.PhraseLookup.TryGetValue(two, out var pair))
                {
                    foreach (var l in pair)
                    {
                        if (l.Kind == LexemeKind.Facet) facets.Add(l.Facet!);
                        else if (l.Kind == LexemeKind.Intent) intents.Add(l.Intent!);
                    }
                }
            }
            position += tokens[i].Length + 1;
        }
        return immunoglobulin;
    }

    /// <summary>The conditions whose distinctive name words the question uses most, when it names none whole.</summary>
    /// <remarks>A word found only in a context's terms ("CLL") names its condition only in a question
    /// that names immunoglobulin; otherwise "drop" or "table" could turn an unrelated question into an answer.</remarks>
    private List<(ConditionId Id, string Word)> ByKeyword(List<string> tokens, bool[] consumed, bool immunoglobulin)
    {
        var scores = new Dictionary<ConditionId, (double Score, string? Word)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (consumed[i] || !Lexicon.Keywords.TryGetValue(tokens[i], out var keyword)) continue;
            foreach (var owner in keyword.Owners)
            {
                var current = scores.GetValueOrDefault(owner.Condition, (0, null));
                var naming = keyword.Distinctive && (owner.FromName || immunoglobulin);
                scores[owner.Condition] = (current.Score + owner.Weight, current.Word ?? (naming ? tokens[i] : null));
            }
        }
        // Only a condition with at least one distinctive word is named; shared words only tip the balance.
        var named = scores.Where(p => p.Value.Word is not null).ToList();
        if (named.Count == 0) return [];
        var best = named.Max(p => p.Value.Score);
        return [.. named.Where(p => Math.Abs(p.Value.Score - best) < 1e-9).Select(p => (p.Key, p.Value.Word!)).OrderBy(p => p.Key.Value, StringComparer.Ordinal)];
    }

    private string Name(ConditionId id) => KnowledgeBase.ConditionsById[id].Name;

    /// <summary>Settles an ambiguous term from the rest of the question, or returns null.</summary>
    private TermMeaning? Settle(AmbiguousTerm term, IEnumerable<ConditionId> named, string text, bool immunoglobulin)
    {
        var namedSet = named.ToHashSet();
        var byCondition = term.Meanings.Where(m => m.Condition is { } c && namedSet.Contains(c)).ToList();
        if (byCondition.Count == 1) return byCondition[0];
        var byCue = term.Meanings.Where(m => Lexicon.CuesByTerm.TryGetValue($"{term.Term}|{m.Label}", out var cues)
            && cues.Any(cue => text.Contains(" " + cue + " ", StringComparison.Ordinal))).ToList();
        if (byCue.Count == 1) return byCue[0];
        if (byCue.Count == 0 && immunoglobulin && term.ImmunoglobulinDefault is { } fallback)
            return term.Meanings.First(m => m.Label == fallback);
        return null;
    }

    /// <summary>The intents a question names are ranked: explicit asks (evidence, dose, safety)
    /// outrank the "X or IVIG" comparisons of alternatives, which outrank an overview.</summary>
    private static readonly string[] IntentPriority = ["evidence", "dose", "safety", "alternatives", "overview"];

    private static string ChooseIntent(List<string> intents)
    {
        if (intents.Count == 0) return "overview";
        return intents.Distinct(StringComparer.Ordinal)
            .OrderBy(i => Array.IndexOf(IntentPriority, i) is var rank && rank < 0 ? int.MaxValue : rank)
            .First();
    }

    /// <summary>
    /// The context the question names wins (its name or terms, weighted by how specific they are,
    /// or a code or ambiguous meaning that names it); else the context declaring most of the
    /// question's facets (the headline among equals); else the headline.
    /// </summary>
    private (ClinicalContext Context, ContextChoice Choice) ChooseContext(Condition condition, List<(ConditionId Condition, ContextId Context)> named, HashSet<string> facets, string text)
    {
        var scores = new Dictionary<ContextId, double>();
        var choice = ContextChoice.Headline;
        foreach (var (c, context) in named)
        {
            if (c != condition.Id) continue;
            scores[context] = scores.GetValueOrDefault(context) + ExplicitContextWeight;
            choice = ContextChoice.Named;
        }
        if (Lexicon.ContextCues.TryGetValue(condition.Id, out var cues))
        {
            foreach (var cue in cues)
            {
                if (!text.Contains(cue.Padded, StringComparison.Ordinal)) continue;
                scores[cue.Context] = scores.GetValueOrDefault(cue.Context) + cue.Weight;
                choice = ContextChoice.Named;
            }
        }
        foreach (var context in condition.Contexts)
        {
            var matched = context.Facets.Where(facets.Contains).Sum(f => LexiconBuilder.PopulationFacets.Contains(f) ? PopulationFacetWeight : FacetWeight);
            if (matched == 0) continue;
            scores[context.Id] = scores.GetValueOrDefault(context.Id) + matched;
            if (choice == ContextChoice.Headline) choice = ContextChoice.Facet;
        }
        if (scores.Count == 0) return (condition.HeadlineContext, ContextChoice.Headline);
        var top = scores.Values.Max();
        var best = condition.Contexts.Where(c => scores.TryGetValue(c.Id, out var s) && Math.Abs(s - top) < 1e-9).ToList();
        return (best.FirstOrDefault(c => c.Id == condition.Headline) ?? best[0], choice);
    }

    /// <summary>A code or an ambiguous term's meaning that names a context outweighs any wording.</summary>
    private const double ExplicitContextWeight = 10;

    /// <summary>Each facet of a context the question uses counts as a one-word context term...</summary>
    private const double FacetWeight = 1.0;

    /// <summary>...and a facet naming who the patient is (child, pregnancy, neonate) counts three.</summary>
    private const double PopulationFacetWeight = 3.0;

    /// <summary>Up to three covered conditions nearest the question: of the same area when the
    /// question named an uncovered condition, else by spelling.</summary>
    private ImmutableArray<Candidate> Nearest(List<string> tokens, string? area)
    {
        var words = tokens.Where(t => t.Length >= 4 && !Lexicon.KnownWords.Contains(t)).Distinct().ToList();
        IEnumerable<Condition> pool = KnowledgeBase.Conditions;
        if (area is not null) pool = pool.Where(c => EnumText.ToText(c.Area) == area);
        else if (words.Count == 0) return [];
        var inPool = pool.Select(c => c.Id).ToHashSet();
        var scores = new Dictionary<ConditionId, double>();
        foreach (var (id, nameWords) in Lexicon.NameWords)
        {
            if (!inPool.Contains(id)) continue;
            foreach (var nameWord in nameWords)
            {
                foreach (var word in words)
                {
                    var max = Math.Max(2, Math.Max(word.Length, nameWord.Length) / 3);
                    var d = FuzzyIndex.Distance(word, nameWord, max);
                    if (d > max) continue;
                    var s = 1.0 - (double)d / Math.Max(word.Length, nameWord.Length);
                    if (s > scores.GetValueOrDefault(id)) scores[id] = s;
                }
            }
        }
        return [.. pool
            .Select(c => (Condition: c, Score: scores.GetValueOrDefault(c.Id)))
            .Where(x => area is not null || x.Score >= 0.6)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Condition.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => new Candidate(x.Condition.Id, x.Condition.Name, null,
                area is not null ? $"covered condition in {area}" : x.Score >= NearMiss ? SimilarSpelling : "similar name"))];
    }
}
