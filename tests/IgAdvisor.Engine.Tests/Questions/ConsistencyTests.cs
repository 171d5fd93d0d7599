using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Questions;

/// <summary>Every phrasing that reaches the same condition and context gets the same verdicts, in the same order.</summary>
public sealed class ConsistencyTests
{
    [Fact]
    public void Corpus_SameConditionAndContext_GiveIdenticalVerdicts()
    {
        var groups = new Dictionary<(string, string), (string Question, string Verdicts)>();
        var checkedPhrasings = 0;
        foreach (var entry in QuestionCorpus.All.Where(e => e.Status == "answered"))
        {
            var outcome = TestKnowledge.Advisor.Ask(entry.Question);
            var answer = outcome.Answer;
            if (answer?.Condition is null || answer.LeadingContext is null) continue;
            // Verdicts in order, and the same statements (the intent may reorder sections, not change them).
            var verdicts = string.Join(" | ", answer.Verdicts.Select(v => $"{v.Context}:{v.Role}:{v.Strength}:{v.Summary}"))
                + " || " + string.Join(" | ", answer.Sections.SelectMany(s => s.Statements).Select(s => s.Text).Order(StringComparer.Ordinal));
            var key = (answer.Condition.Id.Value, answer.LeadingContext.Id.Value);
            if (groups.TryGetValue(key, out var first))
                Assert.True(first.Verdicts == verdicts, $"'{entry.Question}' and '{first.Question}' both read as {key} but differ:\n{verdicts}\n{first.Verdicts}");
            else groups[key] = (entry.Question, verdicts);
            checkedPhrasings++;
        }
        Assert.True(checkedPhrasings >= 200, $"only {checkedPhrasings} answered phrasings were compared");
    }
}
