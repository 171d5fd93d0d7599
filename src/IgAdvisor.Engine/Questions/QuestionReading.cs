using System.Collections.Immutable;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Engine.Questions;

/// <summary>What became of a question.</summary>
public enum ReadingStatus { Answered, Ambiguous, NotCovered, BadInput }

/// <summary>Why a context leads the answer.</summary>
public enum ContextChoice
{
    /// <summary>The question named the context (its name or one of its terms).</summary>
    Named,
    /// <summary>The question used words of a facet the context declares (pregnancy, refractory...).</summary>
    Facet,
    /// <summary>Nothing chose: the condition's headline context leads.</summary>
    Headline,
}

/// <summary>A condition the question may mean (ambiguous) or the nearest covered one (not covered).
/// <see cref="Id"/> is null for a meaning the knowledge base does not cover (e.g. "American Heart Association").</summary>
public sealed record Candidate(ConditionId? Id, string Name, ContextId? Context, string Reason);

/// <summary>
/// The reading of one question: its status, the condition and leading context when answered, the
/// intent, candidates when it must be asked back, and the trace of what was recognised.
/// </summary>
public sealed record QuestionReading(
    ReadingStatus Status,
    string Question,
    Condition? Condition,
    ClinicalContext? Context,
    ContextChoice ContextChoice,
    string Intent,
    ImmutableArray<Candidate> Candidates,
    string? Message,
    ImmutableArray<string> Recognised,
    ImmutableArray<string> Corrections,
    double Confidence)
{
    public static QuestionReading BadInput(string question, string message) =>
        new(ReadingStatus.BadInput, question, null, null, ContextChoice.Headline, "overview", [], message, [], [], 0);
}
