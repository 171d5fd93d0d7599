using IgAdvisor.Engine.Questions;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Questions;

/// <summary>Every phrasing of the corpus reaches the right answer, or is asked back as the corpus says.</summary>
public sealed class QuestionCorpusTests
{
    public static TheoryData<string> Phrasings()
    {
        var data = new TheoryData<string>();
        foreach (var entry in QuestionCorpus.All) data.Add($"{entry.File}:{entry.Line}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Corpus_Phrasing_IsReadAsExpected(string key)
    {
        var entry = QuestionCorpus.All.Single(e => $"{e.File}:{e.Line}" == key);
        var reading = TestKnowledge.Advisor.Reader.Read(entry.Question);
        var trace = $"'{entry.Question}' → {reading.Status} {reading.Condition?.Id}/{reading.Context?.Id} intent {reading.Intent} " +
                    $"candidates [{string.Join(", ", reading.Candidates.Select(c => c.Id?.Value ?? c.Name))}] recognised [{string.Join("; ", reading.Recognised)}] corrections [{string.Join("; ", reading.Corrections)}]";

        Assert.True(Status(reading.Status) == entry.Status, $"status: expected {entry.Status}; {trace}");
        if (entry.Condition is not null) Assert.True(reading.Condition?.Id.Value == entry.Condition, $"condition: expected {entry.Condition}; {trace}");
        if (entry.Context is not null) Assert.True(reading.Context?.Id.Value == entry.Context, $"context: expected {entry.Context}; {trace}");
        if (entry.Intent is not null) Assert.True(reading.Intent == entry.Intent, $"intent: expected {entry.Intent}; {trace}");
        foreach (var candidate in entry.Candidates)
            Assert.True(reading.Candidates.Any(c => c.Id?.Value == candidate), $"candidates must include {candidate}; {trace}");
    }

    [Fact]
    public void Corpus_HasAtLeastThreeHundredPhrasings_OverEveryCondition()
    {
        Assert.True(QuestionCorpus.All.Count >= 300, $"the corpus has {QuestionCorpus.All.Count} phrasings");
        var covered = QuestionCorpus.All.Where(e => e.Condition is not null).Select(e => e.Condition!).ToHashSet();
        var missing = TestKnowledge.KnowledgeBase.Conditions.Where(c => !covered.Contains(c.Id.Value)).Select(c => c.Id.Value).ToList();
        Assert.True(missing.Count == 0, "conditions without phrasings: " + string.Join(", ", missing));
    }

    private static string Status(ReadingStatus status) => status switch
    {
        ReadingStatus.Answered => "answered",
        ReadingStatus.Ambiguous => "ambiguous",
        ReadingStatus.NotCovered => "not-covered",
        _ => "bad-input",
    };
}
