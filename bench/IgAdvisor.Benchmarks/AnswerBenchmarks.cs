using BenchmarkDotNet.Attributes;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Rendering;

namespace IgAdvisor.Benchmarks;

/// <summary>Composing the APS answer and rendering it in each format, beside composing alone (the baseline).</summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private QuestionReading _reading = null!;
    private Answer _answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reading = Shared.Advisor.Reader.Read("IVIG function in APAS");
        _answer = Shared.Advisor.Composer.Compose(_reading);
    }

    [Benchmark(Baseline = true, Description = "compose APS answer")]
    public Answer Compose() => Shared.Advisor.Composer.Compose(_reading);

    [Benchmark(Description = "compose + markdown")]
    public string Markdown() => AnswerMarkdown.Render(Shared.Advisor.Composer.Compose(_reading));

    [Benchmark(Description = "compose + json")]
    public string Json() => AnswerJson.Render(Shared.Advisor.Composer.Compose(_reading));

    [Benchmark(Description = "compose + html")]
    public string Html() => AnswerHtml.Render(Shared.Advisor.Composer.Compose(_reading));

    [Benchmark(Description = "compose + text")]
    public string Text() => AnswerText.Render(Shared.Advisor.Composer.Compose(_reading));

    [Benchmark(Description = "ask end to end (read + compose + markdown)")]
    public string Ask() => AnswerMarkdown.Render(Shared.Advisor.Ask("IVIG function in APAS").Answer!);
}
