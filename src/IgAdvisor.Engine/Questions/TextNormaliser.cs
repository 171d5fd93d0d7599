using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace IgAdvisor.Engine.Questions;

/// <summary>
/// Turns text into comparable tokens: lower case, accents removed (Barré → barre), punctuation and
/// hyphens as spaces, American spellings mapped to British ones (hemolytic → haemolytic), simple
/// plurals folded (thromboses → thrombosis, antibodies → antibody). The lexicon and the question
/// go through the same normaliser, so they meet in the same form.
/// </summary>
public sealed class TextNormaliser
{
    private readonly FrozenDictionary<string, string> _words;
    private readonly (string From, string To)[] _prefixes;
    private readonly (string From, string To)[] _suffixes;
    private readonly IReadOnlySet<string>? _known;

    /// <param name="spellings">American → British pairs. "hem-" is a prefix rule (word start),
    /// "-emia" a suffix rule (word end), a plain word replaces the whole word.</param>
    public TextNormaliser(IReadOnlyDictionary<string, string> spellings) : this(spellings, null)
    {
    }

    /// <param name="spellings">As above.</param>
    /// <param name="known">When given (reading questions), a plural is folded only if the folded
    /// word is known; an unknown word keeps its letters so that a misspelling stays correctable.</param>
    public TextNormaliser(IReadOnlyDictionary<string, string> spellings, IReadOnlySet<string>? known)
    {
        _known = known;
        _words = spellings.Where(p => !p.Key.StartsWith('-') && !p.Key.EndsWith('-'))
            .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _prefixes = [.. spellings.Where(p => p.Key.EndsWith('-')).Select(p => (p.Key.TrimEnd('-'), p.Value.TrimEnd('-'))).OrderByDescending(p => p.Item1.Length)];
        _suffixes = [.. spellings.Where(p => p.Key.StartsWith('-')).Select(p => (p.Key.TrimStart('-'), p.Value.TrimStart('-'))).OrderByDescending(p => p.Item1.Length)];
    }

    /// <summary>Normalises <paramref name="text"/> into tokens (never null; may be empty).</summary>
    public List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Tokens(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; when
    /// <paramref name="allCaps"/> is given, records for each token whether it was written in capitals.</summary>
    public void Tokens(string text, List<string> tokens, List<bool>? allCaps = null)
    {
        var builder = new StringBuilder(24);
        var upper = true;
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127) { ascii = false; break; }
        }
        if (ascii)
        {
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (char.IsAsciiLetterLower(c)) upper = false;
                    builder.Append(char.ToLowerInvariant(c));
                }
                else Flush(builder, tokens, allCaps, ref upper);
            }
        }
        else
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
                if (Rune.IsLetterOrDigit(rune))
                {
                    if (Rune.IsLower(rune)) upper = false;
                    var lower = Rune.ToLowerInvariant(rune);
                    if (lower.Value is >= 0xC0 and <= 0x17F) builder.Append(FoldLatin(lower.Value));
                    else builder.Append(lower.ToString());
                }
                else Flush(builder, tokens, allCaps, ref upper);
            }
        }
        Flush(builder, tokens, allCaps, ref upper);
    }

    // Latin-1 Supplement and Latin Extended-A letters (U+00C0-U+017F) without their accents, in code
    // point order; string.Normalize is unavailable under invariant globalisation, so the fold is a table.
    private const string LatinFold =
        "aaaaaaaceeeeiiii" + "dnooooo\0ouuuuyts" + "aaaaaaaceeeeiiii" + "dnooooo\0ouuuuyty" +
        "aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "iijjjjkkklllllll" +
        "lllnnnnnnnnnoooo" + "oooorrrrrrssssss" + "ssttttttuuuuuuuu" + "uuuuwwyyyzzzzzzs";

    private static string FoldLatin(int codePoint)
    {
        return codePoint switch
        {
            0xDF => "ss",
            0xE6 or 0xC6 => "ae",
            0x153 or 0x152 => "oe",
            _ => LatinFold[codePoint - 0xC0] is var c && c != '\0' ? c.ToString() : "",
        };
    }

    /// <summary>The normalised form of a phrase: its tokens joined by single spaces.</summary>
    public string Phrase(string text) => string.Join(' ', Tokens(text));

    private void Flush(StringBuilder builder, List<string> tokens, List<bool>? allCaps, ref bool upper)
    {
        if (builder.Length == 0)
        {
            upper = true;
            return;
        }
        tokens.Add(Word(builder.ToString()));
        allCaps?.Add(upper);
        builder.Clear();
        upper = true;
    }

    private string Word(string word)
    {
        if (_words.TryGetValue(word, out var whole)) return Fold(whole);
        foreach (var (from, to) in _prefixes)
        {
            if (word.Length > from.Length && word.StartsWith(from, StringComparison.Ordinal) && !word.StartsWith(to, StringComparison.Ordinal))
            {
                word = to + word[from.Length..];
                break;
            }
        }
        foreach (var (from, to) in _suffixes)
        {
            if (word.Length > from.Length + 1 && word.EndsWith(from, StringComparison.Ordinal) && !word.EndsWith(to, StringComparison.Ordinal))
            {
                word = word[..^from.Length] + to;
                break;
            }
        }
        return Fold(word);
    }

    /// <summary>The canonical form of one already lower-case word (spelling rules and plural folding).</summary>
    public string Canonical(string word) => Word(word);

    private string Fold(string word)
    {
        var singular = Singular(word);
        if (_known is null || _known.Contains(singular)) return singular;
        // Unknown either way: keep the letters as typed so that the typo corrector sees them.
        return word;
    }

    /// <summary>Folds common English plurals; leaves short words, Latin -us/-is and -ss alone.</summary>
    internal static string Singular(string word)
    {
        if (word.Length <= 4 || word[^1] != 's' || char.IsDigit(word[0])) return word;
        if (word.Length > 6 && word.EndsWith("oses", StringComparison.Ordinal)) return word[..^2] + "is"; // thromboses
        if (word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y"; // antibodies
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return word;
        return word[..^1];
    }
}
