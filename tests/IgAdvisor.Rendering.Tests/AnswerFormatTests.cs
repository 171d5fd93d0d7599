using System.Text.Json;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Testing;
using Xunit;

namespace IgAdvisor.Rendering.Tests;

public sealed class AnswerFormatTests
{
    private static Answer Ask(string question) => TestKnowledge.Advisor.Ask(question).Answer!;

    private static readonly string[] Roles = ["first-line", "second-line", "adjunct", "exceptional", "not-recommended", "recommended-against"];

    [Theory]
    [InlineData("IVIG function in APAS", "answered")]
    [InlineData("dose of IVIG for GBS in children", "answered")]
    [InlineData("IVIG in CAPS", "ambiguous")]
    [InlineData("IVIG for psoriasis", "not-covered")]
    public void Json_FollowsTheContract(string question, string status)
    {
        using var json = JsonDocument.Parse(AnswerJson.Render(Ask(question)));
        var root = json.RootElement;

        Assert.Equal(status, root.GetProperty("status").GetString());
        Assert.Equal(status == "answered", root.TryGetProperty("condition", out var condition));
        if (status == "answered")
        {
            Assert.False(string.IsNullOrEmpty(condition.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(condition.GetProperty("name").GetString()));
            var verdicts = root.GetProperty("verdicts").EnumerateArray().ToList();
            Assert.NotEmpty(verdicts);
            Assert.All(verdicts, v =>
            {
                Assert.Contains(v.GetProperty("role").GetString(), Roles);
                Assert.False(string.IsNullOrEmpty(v.GetProperty("context").GetString()));
                Assert.False(string.IsNullOrEmpty(v.GetProperty("strength").GetString()));
                Assert.False(string.IsNullOrEmpty(v.GetProperty("summary").GetString()));
            });
            var references = root.GetProperty("references").EnumerateArray().ToList();
            var numbers = references.Select(r => r.GetProperty("number").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(1, references.Count), numbers);
            Assert.All(references, r =>
            {
                Assert.False(string.IsNullOrEmpty(r.GetProperty("citation").GetString()));
                Assert.False(string.IsNullOrEmpty(r.GetProperty("type").GetString()));
                Assert.Contains(r.GetProperty("direct").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            });
            foreach (var section in root.GetProperty("sections").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(section.GetProperty("title").GetString()));
                foreach (var statement in section.GetProperty("statements").EnumerateArray())
                {
                    var cites = statement.GetProperty("citations").EnumerateArray().Select(c => c.GetInt32()).ToList();
                    Assert.NotEmpty(cites);
                    Assert.All(cites, n => Assert.InRange(n, 1, references.Count));
                }
            }
        }
        else Assert.NotEmpty(root.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public void Text_IsReadableAtOneHundredColumns_AndPlainWithoutATerminal()
    {
        var answer = Ask("IVIG function in APAS");

        var text = AnswerText.Render(answer, 100, colour: false);
        Assert.DoesNotContain('\u001b', text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100 || !line.Trim().Contains(' '), $"line over 100 columns: {line}"));
        Assert.Contains('\u001b', AnswerText.Render(answer, 100, colour: true));
    }

    [Fact]
    public void Html_IsOneStandalonePage_WithLinkedCitations()
    {
        var html = AnswerHtml.Render(Ask("IVIG in autoimmune hemolytic anemia"));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(html, "href=\"#(ref-\\d+)\""))
            Assert.Contains($"id=\"{link.Groups[1].Value}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesTextThatWouldChangeItsMeaning() =>
        Assert.Equal("a \\*b\\* \\[1\\] \\<x\\>", AnswerMarkdown.Escape("a *b* [1] <x>"));

    [Fact]
    public void Every_Rendering_EndsWithTheKnowledgeBaseVersionAndReviewDate()
    {
        var answer = Ask("IVIG function in APAS");
        var footer = $"knowledge base {TestKnowledge.KnowledgeBase.Version}";

        Assert.Contains(footer, AnswerMarkdown.Render(answer), StringComparison.Ordinal);
        Assert.Contains(footer, AnswerHtml.Render(answer), StringComparison.Ordinal);
        Assert.Contains(footer, AnswerText.Render(answer), StringComparison.Ordinal);
        Assert.Contains("last reviewed", AnswerMarkdown.Render(answer), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(AnswerJson.Render(answer));
        Assert.Equal(TestKnowledge.KnowledgeBase.Version, json.RootElement.GetProperty("knowledgeBase").GetProperty("version").GetString());
    }
}
