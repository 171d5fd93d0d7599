using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using IgAdvisor.Engine;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Questions;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary>
/// <c>igadvisor</c> with no arguments: a prompt that asks, answers, and asks back on ambiguity
/// (choose a candidate by number). Reads lines until "quit", an empty line or the end of input.
/// </summary>
[Description("Ask questions one after another at a prompt (the default when no command is given).")]
public sealed class InteractiveCommand(CliConsole console) : Command<InteractiveCommand.Settings>
{
    public sealed class Settings : CommonSettings;

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        var advisor = KnowledgeSession.Open(settings.KnowledgeDirectory, console);
        if (advisor is null) return ExitCodes.Invalid;
        var format = settings.ResolveFormat(OutputFormat.Text);
        console.Out.WriteLine($"IgAdvisor (knowledge base {advisor.KnowledgeBase.Version}, {advisor.KnowledgeBase.Conditions.Length} conditions).");
        console.Out.WriteLine("Ask about immunoglobulin in a condition, e.g. \"IVIG in CIDP\". An empty line or \"quit\" ends.");
        while (Prompt("? ") is { } line)
        {
            if (line.Length == 0 || line is "quit" or "exit" or "q") break;
            var reading = advisor.Reader.Read(line);
            if (reading.Status == ReadingStatus.BadInput)
            {
                console.Out.WriteLine($"Bad question: {reading.Message}");
                continue;
            }
            var answer = advisor.Composer.Compose(reading);
            if (answer.Status == AnswerStatus.Ambiguous && answer.Candidates.Any(c => c.Id is not null))
                answer = Choose(advisor, reading, answer) ?? answer;
            console.Out.Write(AskCommand.Render(answer, format, console.IsTerminal));
            console.Out.WriteLine();
        }
        return ExitCodes.Success;
    }

    private string? Prompt(string text)
    {
        console.Out.Write(text);
        console.Out.Flush();
        return console.In.ReadLine()?.Trim();
    }

    /// <summary>Lists the candidates and composes the answer for the one chosen; null to show the question back.</summary>
    private Answer? Choose(Advisor advisor, QuestionReading reading, Answer asked)
    {
        console.Out.WriteLine(asked.Message);
        for (var i = 0; i < asked.Candidates.Length; i++)
        {
            var c = asked.Candidates[i];
            console.Out.WriteLine($"  {i + 1}. {c.Name}{(c.Id is null ? " (not covered by IgAdvisor)" : "")}");
        }
        var choice = Prompt($"Choose 1-{asked.Candidates.Length} (or press Enter to rephrase): ");
        if (!int.TryParse(choice, out var n) || n < 1 || n > asked.Candidates.Length) return null;
        var chosen = asked.Candidates[n - 1];
        if (chosen.Id is not { } id)
        {
            console.Out.WriteLine($"IgAdvisor does not cover {chosen.Name}.");
            return null;
        }
        var condition = advisor.KnowledgeBase.ConditionsById[id];
        var leading = chosen.Context is { } ctx ? condition.Context(ctx) ?? condition.HeadlineContext : condition.HeadlineContext;
        return advisor.Composer.Compose(reading with { Status = ReadingStatus.Answered, Condition = condition, Context = leading }, condition, leading, reading.Intent);
    }
}
