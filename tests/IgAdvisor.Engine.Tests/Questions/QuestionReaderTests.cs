using IgAdvisor.Engine.Questions;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Questions;

public sealed class QuestionReaderTests
{
    private static QuestionReading Read(string? question) => TestKnowledge.Advisor.Reader.Read(question);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0001\u0002\u0003")]
    [InlineData("?!?")]
    public void Read_EmptyOrUnreadable_IsBadInput(string? question)
    {
        var reading = Read(question);

        Assert.Equal(ReadingStatus.BadInput, reading.Status);
        Assert.False(string.IsNullOrWhiteSpace(reading.Message));
    }

    [Fact]
    public void Read_HundredKilobyteQuestion_IsBadInputNamingTheLimit()
    {
        var reading = Read(string.Concat(Enumerable.Repeat("IVIG in APS ", 9000)));

        Assert.Equal(ReadingStatus.BadInput, reading.Status);
        Assert.Contains("limit", reading.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReplacementCharacter_IsBadInput() =>
        Assert.Equal(ReadingStatus.BadInput, Read("IVIG in A\uFFFDS").Status);

    [Fact]
    public void Read_ControlCharactersInsideAQuestion_AreIgnored()
    {
        var reading = Read("IVIG\u0007 in\u0000 APS");

        Assert.Equal(ReadingStatus.Answered, reading.Status);
        Assert.Equal("antiphospholipid-syndrome", reading.Condition!.Id.Value);
    }

    [Theory]
    [InlineData("IVIG function in APAS", "antiphospholipid-syndrome", "thrombotic")]
    [InlineData("ivig for antiphospholipid syndrome in pregnancy", "antiphospholipid-syndrome", "obstetric")]
    [InlineData("IVIG dose in catastrophic APS", "antiphospholipid-syndrome", "catastrophic")]
    [InlineData("D68.61 immunoglobulin", "antiphospholipid-syndrome", "thrombotic")]
    [InlineData("IVIg in autoimmune hemolytic anemia", "autoimmune-haemolytic-anaemia", "warm")]
    [InlineData("IVIG in cold agglutinin disease", "autoimmune-haemolytic-anaemia", "cold-agglutinin-disease")]
    public void Read_NamesAbbreviationsCodes_ReachConditionAndContext(string question, string condition, string context)
    {
        var reading = Read(question);

        Assert.Equal(ReadingStatus.Answered, reading.Status);
        Assert.Equal(condition, reading.Condition!.Id.Value);
        Assert.Equal(context, reading.Context!.Id.Value);
    }

    [Theory]
    [InlineData("IVIG for D69.6", "D69.6")]
    [InlineData("IVIG in SNOMED CT 99999999", "99999999")]
    public void Read_UncoveredCode_IsNotCovered_NamingTheCode(string question, string code)
    {
        var reading = Read(question);

        Assert.Equal(ReadingStatus.NotCovered, reading.Status);
        Assert.Contains($"the code {code}", reading.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SystemNameBeforeACoveredConcept_IsTheCodeSystemNotAnAbbreviation()
    {
        var reading = Read("IVIG SCT 55464009");

        Assert.Equal(ReadingStatus.Answered, reading.Status);
        Assert.Equal("systemic-lupus-erythematosus", reading.Condition!.Id.Value);
    }

    [Fact]
    public void Read_Misspelling_IsCorrectedWithConfidence()
    {
        var reading = Read("ivig in antiphospolipid syndrom");

        Assert.Equal(ReadingStatus.Answered, reading.Status);
        Assert.Equal("antiphospholipid-syndrome", reading.Condition!.Id.Value);
        Assert.NotEmpty(reading.Corrections);
        Assert.InRange(reading.Confidence, QuestionReader.AnswerConfidence, 1.0);
    }

    [Theory]
    [InlineData("IVIG in CAPS")]
    [InlineData("AHA IVIG")]
    public void Read_AbbreviationWithUncoveredMeaning_IsAskedBack(string question)
    {
        var reading = Read(question);

        Assert.Equal(ReadingStatus.Ambiguous, reading.Status);
        Assert.Contains(reading.Candidates, c => c.Id is null);
        Assert.Contains(reading.Candidates, c => c.Id is not null);
    }

    [Fact]
    public void Read_AbbreviationSettledByTheRestOfTheQuestion_Resolves()
    {
        var reading = Read("IVIG in CAPS with multiorgan thrombosis and lupus anticoagulant");

        Assert.Equal(ReadingStatus.Answered, reading.Status);
        Assert.Equal("catastrophic", reading.Context!.Id.Value);
    }

    [Fact]
    public void Read_TwoConditions_AreAskedBack()
    {
        var reading = Read("IVIG in APS and AIHA");

        Assert.Equal(ReadingStatus.Ambiguous, reading.Status);
        Assert.Equal(2, reading.Candidates.Count(c => c.Id is not null));
    }

    [Theory]
    [InlineData("what is the capital of France")]
    [InlineData("免疫球蛋白用于抗磷脂综合征")]
    [InlineData("'; DROP TABLE questions; --")]
    public void Read_OffTopicOrOtherLanguage_IsNotCovered(string question)
    {
        var reading = Read(question);

        Assert.Equal(ReadingStatus.NotCovered, reading.Status);
        Assert.Null(reading.Condition);
    }

    [Fact]
    public void Read_UncoveredCondition_NamesNearestOfTheSameArea()
    {
        var reading = Read("IVIG for psoriasis");

        Assert.Equal(ReadingStatus.NotCovered, reading.Status);
        Assert.InRange(reading.Candidates.Length, 1, 3);
        Assert.All(reading.Candidates, c => Assert.Equal(Knowledge.Model.ClinicalArea.Dermatology, TestKnowledge.KnowledgeBase.ConditionsById[c.Id!.Value].Area));
    }

    [Theory]
    [InlineData("IVIG dose in AIHA", "dose")]
    [InlineData("side effects of IVIG in APS", "safety")]
    [InlineData("alternatives to IVIG in AIHA", "alternatives")]
    [InlineData("evidence for IVIG in APS", "evidence")]
    [InlineData("IVIG in APS", "overview")]
    public void Read_Intent_IsRecognised(string question, string intent) => Assert.Equal(intent, Read(question).Intent);
}
