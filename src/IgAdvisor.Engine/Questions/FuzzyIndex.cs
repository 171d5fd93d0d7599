using System.Collections.Frozen;

namespace IgAdvisor.Engine.Questions;

/// <summary>
/// Finds the vocabulary word nearest a misspelt token (Damerau-Levenshtein, optimal string
/// alignment). Candidates come from a symmetric-delete index (SymSpell): every word is stored
/// under itself and its one-letter deletions; a token's own deletions up to two letters are
/// looked up, and each candidate is verified with the exact distance.
/// </summary>
internal sealed class FuzzyIndex
{
    private readonly FrozenDictionary<string, string[]> _deletes;
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FuzzyIndex(IEnumerable<string> words)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            Add(map, word, word);
            for (var i = 0; i < word.Length; i++) Add(map, word.Remove(i, 1), word);
        }
        _deletes = map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _lookup = _deletes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _deletes.Count;

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string word)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(word);
    }

    /// <summary>The largest edit distance tolerated for a token of this length.</summary>
    public static int MaxDistance(int length) => length switch
    {
        < 4 => 0,
        <= 6 => 1,
        _ => 2,
    };

    /// <summary>
    /// The nearest word and its similarity (1 − distance / longer length), or null when none is
    /// within <see cref="MaxDistance"/>. Ties go to the more similar length, then alphabetically.
    /// </summary>
    public (string Word, double Similarity)? Nearest(string token)
    {
        var max = MaxDistance(token.Length);
        if (max == 0) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        Span<char> buffer = stackalloc char[token.Length];
        Span<char> two = stackalloc char[Math.Max(0, token.Length - 2)];

        void Consider(ReadOnlySpan<char> key)
        {
            if (!_lookup.TryGetValue(key, out var words)) return;
            foreach (var word in words)
            {
                if (Math.Abs(word.Length - token.Length) > max) continue;
                var d = Distance(token, word, max);
                if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(word, best) < 0))
                {
                    bestDistance = d;
                    best = word;
                }
            }
        }

        Consider(token);
        for (var i = 0; i < token.Length; i++)
        {
            token.AsSpan(0, i).CopyTo(buffer);
            token.AsSpan(i + 1).CopyTo(buffer[i..]);
            var one = buffer[..(token.Length - 1)];
            Consider(one);
            if (max < 2) continue;
            for (var j = i; j < one.Length; j++)
            {
                one[..j].CopyTo(two);
                one[(j + 1)..].CopyTo(two[j..]);
                Consider(two);
            }
        }
        if (best is null || bestDistance > max) return null;
        // Two letters swapped is the commonest typo and leaves every letter in place: it costs half.
        var cost = bestDistance == 1 && IsAdjacentSwap(token, best) ? 0.5 : bestDistance;
        return (best, 1.0 - cost / Math.Max(token.Length, best.Length));
    }

    private static bool IsAdjacentSwap(string a, string b)
    {
        if (a.Length != b.Length) return false;
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }

    /// <summary>Optimal-string-alignment distance, abandoned early once it must exceed <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        var n = a.Length;
        var m = b.Length;
        if (Math.Abs(n - m) > max) return max + 1;
        if (m > 64) return DistanceLong(a, b, max);
        Span<int> previous2 = stackalloc int[m + 1];
        Span<int> previous = stackalloc int[m + 1];
        Span<int> current = stackalloc int[m + 1];
        return Distance(a, b, max, previous2, previous, current);
    }

    private static int DistanceLong(string a, string b, int max) =>
        Distance(a, b, max, new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);

    private static int Distance(string a, string b, int max, Span<int> previous2, Span<int> previous, Span<int> current)
    {
        var n = a.Length;
        var m = b.Length;
        for (var j = 0; j <= m; j++) previous[j] = j;
        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            var rotate = previous2;
            previous2 = previous;
            previous = current;
            current = rotate;
        }
        return previous[m];
    }
}
