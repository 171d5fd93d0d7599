using System.Text.Json;
using Xunit;

namespace IgAdvisor.Cli.Tests;

public sealed class AskCommandTests
{
    [Fact]
    public void Ask_ExampleQuestion_PrintsMarkdownAndExitsZero()
    {
        var result = CliRunner.Run("ask", "IVIG function in APAS");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Intravenous immunoglobulin in antiphospholipid syndrome", result.Out, StringComparison.Ordinal);
        Assert.Contains("## References", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("json", "{")]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("markdown", "# ")]
    [InlineData("text", "INTRAVENOUS IMMUNOGLOBULIN IN AUTOIMMUNE HAEMOLYTIC ANAEMIA")]
    public void Ask_EveryFormat_RendersTheAnswer(string format, string start)
    {
        var result = CliRunner.Run("ask", "IVIG in AIHA", "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(start, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Json_HasThePerContextVerdicts()
    {
        var result = CliRunner.Run("ask", "IVIG function in APAS", "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var verdicts = json.RootElement.GetProperty("verdicts").EnumerateArray().Select(v => (v.GetProperty("context").GetString(), v.GetProperty("role").GetString(), v.GetProperty("strength").GetString())).ToList();
        Assert.Equal(("thrombotic", "exceptional", "expert-opinion"), verdicts[0]);
        Assert.Contains(("obstetric", "recommended-against", "conditional"), verdicts);
        Assert.Contains(verdicts, v => v.Item1 == "catastrophic" && v.Item2 == "adjunct");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Ask_EmptyQuestion_ExitsTwoWithAMessage(string question)
    {
        var result = CliRunner.Run("ask", question);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("question", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Ask_WithoutQuestion_ExitsTwoWithAMessage()
    {
        var result = CliRunner.Run("ask");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs a question", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_UnknownFormat_ExitsTwoNamingTheOption()
    {
        var result = CliRunner.Run("ask", "IVIG in APS", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IVIG for psoriasis", "not-covered")]
    [InlineData("AHA IVIG", "ambiguous")]
    [InlineData("what is the capital of France", "not-covered")]
    public void Ask_NotCoveredOrAmbiguous_ExitsThreeWithCandidatesInJson(string question, string status)
    {
        var result = CliRunner.Run("ask", question, "--format", "json");

        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.TryGetProperty("condition", out _));
    }

    [Fact]
    public void Ask_Dash_ReadsTheQuestionFromStandardInput()
    {
        var result = CliRunner.RunWithInput("IVIG in Guillain-Barré syndrome\n", "ask", "-", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("guillain-barre-syndrome", json.RootElement.GetProperty("condition").GetProperty("id").GetString());
    }

    [Fact]
    public void Ask_InvalidUtf8OnStandardInput_ExitsTwo()
    {
        var result = CliRunner.Run(CliRunner.Bytes([0x49, 0x56, 0x49, 0x47, 0x20, 0xC3, 0x28, 0xFF]), false, "ask", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_HundredKilobytesOnStandardInput_ExitsTwoWithoutHanging()
    {
        var result = CliRunner.RunWithInput(new string('x', 100_000), "ask", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("longer than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_HundredKilobyteArgument_ExitsTwo()
    {
        var result = CliRunner.Run("ask", string.Concat(Enumerable.Repeat("IVIG in APS ", 9000)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TextOnATerminal_IsColoured_AndPlainOtherwise()
    {
        var plain = CliRunner.Run("ask", "IVIG in APS", "--format", "text");
        var coloured = CliRunner.Run(new StringReader(""), true, "ask", "IVIG in APS", "--format", "text");

        Assert.DoesNotContain('\u001b', plain.Out);
        Assert.Contains('\u001b', coloured.Out);
    }
}
