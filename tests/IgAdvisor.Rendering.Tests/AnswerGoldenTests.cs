using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Rendering.Tests;

/// <summary>
/// Rendered answers checked against reviewed golden files (tests/IgAdvisor.Rendering.Tests/Golden).
/// After a reviewed change of knowledge or layout, run with IGADVISOR_UPDATE_GOLDEN=1 and read the diff.
/// </summary>
public sealed class AnswerGoldenTests
{
    private const string Folder = "tests/IgAdvisor.Rendering.Tests/Golden";

    public static TheoryData<string> Conditions()
    {
        var data = new TheoryData<string>();
        foreach (var c in TestKnowledge.KnowledgeBase.Conditions) data.Add(c.Id.Value);
        return data;
    }

    [Theory]
    [InlineData("IVIG function in APAS", "aps")]
    [InlineData("IVIG in autoimmune hemolytic anemia", "aiha")]
    public void ExampleQuestion_RendersAsReviewed_InEveryFormat(string question, string name)
    {
        var answer = TestKnowledge.Advisor.Ask(question).Answer!;

        Golden.Verify(AnswerMarkdown.Render(answer), $"{Folder}/{name}.md");
        Golden.Verify(AnswerJson.Render(answer), $"{Folder}/{name}.json");
        Golden.Verify(AnswerText.Render(answer), $"{Folder}/{name}.txt");
        Golden.Verify(AnswerHtml.Render(answer), $"{Folder}/{name}.html");
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void EveryCondition_HeadlineAnswer_RendersAsReviewed(string conditionId)
    {
        var condition = TestKnowledge.KnowledgeBase.ConditionsById[new Knowledge.Model.ConditionId(conditionId)];
        var answer = TestKnowledge.Advisor.Ask("IVIG in " + condition.Name).Answer!;

        Assert.Equal(conditionId, answer.Condition?.Id.Value);
        Golden.Verify(AnswerMarkdown.Render(answer), $"{Folder}/conditions/{conditionId}.md");
    }
}
