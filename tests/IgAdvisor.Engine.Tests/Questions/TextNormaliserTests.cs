using IgAdvisor.Engine.Questions;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Engine.Tests.Questions;

public sealed class TextNormaliserTests
{
    private static readonly TextNormaliser Normaliser = TestKnowledge.Advisor.Reader.Lexicon.Normaliser;

    [Theory]
    [InlineData("Autoimmune Hemolytic Anemia", "autoimmune haemolytic anaemia")]
    [InlineData("autoimmune haemolytic anaemia", "autoimmune haemolytic anaemia")]
    [InlineData("Guillain–Barré syndrome", "guillain barre syndrome")]
    [InlineData("anti-phospholipid", "anti phospholipid")]
    [InlineData("recurrent thromboses", "recurrent thrombosis")]
    [InlineData("antibodies", "antibody")]
    [InlineData("pemphigus", "pemphigus")]
    [InlineData("HLA desensitization", "hla desensitisation")]
    [InlineData("fetal loss", "foetal loss")]
    [InlineData("pediatric", "paediatric")]
    public void Phrase_VariantsOfTheSameWords_MeetInOneForm(string text, string expected) =>
        Assert.Equal(expected, Normaliser.Phrase(text));

    [Fact]
    public void Phrase_HaemWord_IsNotDoubled() => Assert.Equal("haemophilia", Normaliser.Phrase("haemophilia"));
}
