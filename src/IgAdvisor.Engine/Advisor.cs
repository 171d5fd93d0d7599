using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine;

/// <summary>The outcome of asking: an answer, or the reason the question could not be read.</summary>
public sealed record AskOutcome(Answer? Answer, string? BadInput)
{
    public bool IsBadInput => BadInput is not null;
}

/// <summary>
/// The engine for one loaded knowledge base: the lexicon is built once here and shared; asking is
/// thread-safe.
/// </summary>
public sealed class Advisor
{
    public Advisor(KnowledgeBase knowledgeBase)
    {
        KnowledgeBase = knowledgeBase;
        Reader = QuestionReader.For(knowledgeBase);
        Composer = new AnswerComposer(knowledgeBase);
    }

    public KnowledgeBase KnowledgeBase { get; }
    public QuestionReader Reader { get; }
    public AnswerComposer Composer { get; }

    public AskOutcome Ask(string? question)
    {
        var reading = Reader.Read(question);
        return reading.Status == ReadingStatus.BadInput
            ? new AskOutcome(null, reading.Message)
            : new AskOutcome(Composer.Compose(reading), null);
    }
}
