using IgAdvisor.Engine.Answers;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Answers;

public sealed class AnswerComposerTests
{
    private static Answer Ask(string question) => TestKnowledge.Advisor.Ask(question).Answer!;

    public static TheoryData<string> Conditions()
    {
        var data = new TheoryData<string>();
        foreach (var c in TestKnowledge.KnowledgeBase.Conditions) data.Add(c.Id.Value);
        return data;
    }

    private static Answer Headline(string conditionId)
    {
        var condition = TestKnowledge.KnowledgeBase.ConditionsById[new ConditionId(conditionId)];
        var reading = TestKnowledge.Advisor.Reader.Read(condition.Name);
        return TestKnowledge.Advisor.Composer.Compose(reading, condition, condition.HeadlineContext, "overview");
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Compose_EveryCondition_CitesEveryStatementAndNumbersReferencesInOrderOfFirstCitation(string conditionId)
    {
        var answer = Headline(conditionId);

        var statements = answer.Sections.SelectMany(s => s.Statements).ToList();
        Assert.All(statements, s => Assert.NotEmpty(s.Citations));
        var seen = new List<int>();
        foreach (var number in statements.SelectMany(s => s.Citations))
        {
            if (seen.Contains(number)) continue;
            Assert.Equal(seen.Count + 1, number);
            seen.Add(number);
        }
        Assert.Equal(Enumerable.Range(1, answer.References.Length), answer.References.Select(r => r.Number));
        Assert.Equal(seen.Count, answer.References.Length);
        Assert.Equal(answer.Condition!.Contexts.Length, answer.Verdicts.Length);
        Assert.Equal(answer.Condition.Headline, answer.Verdicts[0].Context);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Compose_EveryCondition_KeepsSectionsInProductOrderAndSkipsEmptyOnes(string conditionId)
    {
        var answer = Headline(conditionId);

        var kinds = answer.Sections.Select(s => s.Kind).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Equal(SectionKind.BottomLine, kinds[0]);
        Assert.All(answer.Sections, s => Assert.NotEmpty(s.Statements));
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Compose_EveryCondition_MarksReferencesThatDoNotAddressIt_AsIndirectWithReason(string conditionId)
    {
        var answer = Headline(conditionId);

        foreach (var reference in answer.References)
        {
            var source = TestKnowledge.KnowledgeBase.Sources[reference.Id];
            Assert.Equal(source.IsDirectFor(answer.Condition!.Id), reference.Direct);
            if (!reference.Direct) Assert.False(string.IsNullOrWhiteSpace(reference.IndirectReason), $"{reference.Id} is indirect without a reason");
        }
    }

    [Fact]
    public void Compose_ApsExample_GivesThePerContextVerdictsOfTheSpecification()
    {
        var answer = Ask("IVIG function in APAS");

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Collection(answer.Verdicts,
            v => { Assert.Equal("thrombotic", v.Context.Value); Assert.Equal(Role.Exceptional, v.Role); },
            v => { Assert.Equal("obstetric", v.Context.Value); Assert.Equal(Role.RecommendedAgainst, v.Role); Assert.Equal(Strength.Conditional, v.Strength); },
            v => { Assert.Equal("catastrophic", v.Context.Value); Assert.Equal(Role.Adjunct, v.Role); });
        var positions = answer.Sections.Single(s => s.Kind == SectionKind.GuidelinePosition).Groups.Single(g => g.Context?.Value == "obstetric").Statements;
        Assert.Contains(positions, s => s.Text.StartsWith("American College of Rheumatology (2020)", StringComparison.Ordinal) && s.Text.Contains("conditional recommendation", StringComparison.Ordinal));
        Assert.Contains(positions, s => s.Text.Contains("EULAR", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Sections.SelectMany(s => s.Statements), s => s.Text.Contains("strongly recommends against", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Compose_AihaExample_WarmIsAdjunctAndNoAcquiredHaemophiliaSourceIsDirect()
    {
        var answer = Ask("IVIG in Autoimmune Hemolytic Anemia");

        var warm = answer.Verdicts[0];
        Assert.Equal("warm", warm.Context.Value);
        Assert.Equal(Role.Adjunct, warm.Role);
        var haemophilia = new ConditionId("acquired-haemophilia-a");
        Assert.DoesNotContain(answer.References, r => r.Direct && TestKnowledge.KnowledgeBase.Sources[r.Id].Addresses.Contains(haemophilia)
            && !TestKnowledge.KnowledgeBase.Sources[r.Id].Addresses.Contains(answer.Condition!.Id));
        Assert.DoesNotContain(answer.Sections.SelectMany(s => s.Statements), s => s.Text.Contains("inhibitor eradication", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Compose_DoseQuestion_LeadsWithDosingAndStaysComplete()
    {
        var overview = Ask("IVIG in APS");
        var dose = Ask("IVIG dose in APS");

        Assert.Equal(SectionKind.Dosing, dose.Sections[1].Kind);
        Assert.Equal(overview.Sections.Select(s => s.Kind).Order(), dose.Sections.Select(s => s.Kind).Order());
    }

    [Fact]
    public void Compose_FacetQuestion_PutsThatContextFirstAndKeepsTheOthers()
    {
        var answer = Ask("IVIG for antiphospholipid syndrome in pregnancy");

        Assert.Equal("obstetric", answer.Verdicts[0].Context.Value);
        Assert.Equal(3, answer.Verdicts.Length);
    }

    [Fact]
    public void Compose_NotCovered_HasCandidatesAndNoSections()
    {
        var answer = Ask("IVIG for psoriasis");

        Assert.Equal(AnswerStatus.NotCovered, answer.Status);
        Assert.Empty(answer.Sections);
        Assert.Null(answer.Condition);
        Assert.NotEmpty(answer.Candidates);
    }
}
