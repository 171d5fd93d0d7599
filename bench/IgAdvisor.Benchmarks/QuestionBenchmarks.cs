using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using IgAdvisor.Engine.Questions;

namespace IgAdvisor.Benchmarks;

/// <summary>
/// Questions resolved on one thread, over a fixed mix of phrasings (names, abbreviations, typos,
/// codes, contexts, intents, ambiguous and off-topic), beside a plain dictionary look-up of the exact
/// condition name (the baseline). Each operation is the whole mix; per-question throughput is
/// operations per second × <see cref="Questions"/>.Length.
/// </summary>
[MemoryDiagnoser]
public class QuestionBenchmarks
{
    public static readonly string[] Questions =
    [
        "IVIG function in APAS", "ivig for antiphospholipid syndrome in pregnancy", "IVIG dose in catastrophic APS",
        "IVIg in autoimmune hemolytic anemia", "wAIHA ivig dose", "IVIG for cold agglutinin disease", "ivig in antiphospolipid syndrom",
        "D68.61 immunoglobulin", "IVIG in CIDP maintenance", "SCIG for CIDP", "IVIG in Guillain-Barre syndrome children",
        "second IVIG course in GBS", "IVIG dose for myasthenia crisis", "ITP in pregnancy IVIG", "IVIG for Kawasaki disease",
        "side effects of IVIG in MMN", "evidence for IVIG in dermatomyositis", "alternatives to IVIG in ITP", "IVIG in CAPS",
        "AHA IVIG", "IVIG for psoriasis", "what is the capital of France", "IVIG in CVID trough IgG", "IVIG for recurrent miscarriage",
    ];

    private QuestionReader _reader = null!;
    private FrozenDictionary<string, string> _exactNames = null!;
    private string[] _names = [];

    [GlobalSetup]
    public void Setup()
    {
        _reader = Shared.Advisor.Reader;
        _exactNames = Shared.KnowledgeBase.Conditions.ToFrozenDictionary(c => c.Name, c => c.Id.Value, StringComparer.OrdinalIgnoreCase);
        _names = [.. Shared.KnowledgeBase.Conditions.Select(c => c.Name).Take(Questions.Length)];
    }

    [Benchmark(Baseline = true, Description = "dictionary look-up of exact names")]
    public int ExactNameLookup()
    {
        var found = 0;
        foreach (var name in _names) if (_exactNames.ContainsKey(name)) found++;
        return found;
    }

    [Benchmark(Description = "read the question mix")]
    public int ReadQuestions()
    {
        var answered = 0;
        foreach (var q in Questions) if (_reader.Read(q).Status == ReadingStatus.Answered) answered++;
        return answered;
    }
}

/// <summary>Building the lexicon for the knowledge base as it stands (target under 50 ms).</summary>
[MemoryDiagnoser]
public class LexiconBenchmarks
{
    [Benchmark(Description = "build lexicon")]
    public Lexicon Build() => LexiconBuilder.Build(Shared.KnowledgeBase);
}
