using System.Text.Json;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Cli.Tests;

public sealed class OtherCommandTests
{
    [Fact]
    public void Conditions_Json_ListsEveryCondition()
    {
        var result = CliRunner.Run("conditions", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(TestKnowledge.KnowledgeBase.Conditions.Length, json.RootElement.GetProperty("count").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("id").GetString() == "antiphospholipid-syndrome");
    }

    [Theory]
    [InlineData("text", "CONDITIONS COVERED")]
    [InlineData("markdown", "# Conditions covered")]
    [InlineData("html", "<!DOCTYPE html>")]
    public void Conditions_EveryFormat_Renders(string format, string start)
    {
        var result = CliRunner.Run("conditions", "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(start, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void KbValidate_TheKnowledgeBase_ExitsZero()
    {
        var result = CliRunner.Run("kb", "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void KbValidate_ABrokenKnowledgeBase_ExitsOneWithLocatedDiagnostics()
    {
        var root = Path.Combine(Path.GetTempPath(), "igadvisor-broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestKnowledge.RepositoryRoot, "knowledge"), "*.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(Path.Combine(TestKnowledge.RepositoryRoot, "knowledge"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var aps = Path.Combine(root, "conditions", "antiphospholipid-syndrome.yaml");
            var text = File.ReadAllText(aps);
            var at = text.IndexOf("role: exceptional", StringComparison.Ordinal);
            File.WriteAllText(aps, string.Concat(text.AsSpan(0, at), "role: sometimes", text.AsSpan(at + "role: exceptional".Length)));

            var result = CliRunner.Run("kb", "validate", "--kb", root, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using var json = JsonDocument.Parse(result.Out);
            var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
            Assert.Equal("KB005", diagnostic.GetProperty("code").GetString());
            Assert.Equal("conditions/antiphospholipid-syndrome.yaml", diagnostic.GetProperty("file").GetString());
            Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Ask_WithAnInvalidKnowledgeBase_RefusesToAnswer()
    {
        var result = CliRunner.Run("ask", "IVIG in APS", "--kb", Path.Combine(Path.GetTempPath(), "no-knowledge-here"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kb validate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        var result = CliRunner.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
    }
}

public sealed class InteractiveCommandTests
{
    [Fact]
    public void NoArguments_OpensAPrompt_AnswersAndAsksBackOnAmbiguity()
    {
        var result = CliRunner.RunWithInput("IVIG in GBS children\nIVIG in CAPS\n1\nquit\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("INTRAVENOUS IMMUNOGLOBULIN IN GUILLAIN", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'CAPS' has several meanings", result.Out, StringComparison.Ordinal);
        Assert.Contains("1. Catastrophic antiphospholipid syndrome", result.Out, StringComparison.Ordinal);
        Assert.Contains("INTRAVENOUS IMMUNOGLOBULIN IN ANTIPHOSPHOLIPID SYNDROME", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_ChoosingAnUncoveredMeaning_SaysSoAndContinues()
    {
        var result = CliRunner.RunWithInput("IVIG in CAPS\n2\n\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("does not cover Cryopyrin-associated periodic syndromes", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompt_EndOfInput_Ends()
    {
        var result = CliRunner.RunWithInput("");

        Assert.Equal(0, result.ExitCode);
    }
}
