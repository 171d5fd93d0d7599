using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using IgAdvisor.Engine.Answers;
using IgAdvisor.Engine.Questions;
using IgAdvisor.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary><c>igadvisor ask "question"</c>: the cited answer; exit 0 answered, 3 ambiguous or not covered, 2 bad input.</summary>
[Description("Answer a question about immunoglobulin in a condition. Use - to read the question from standard input.")]
public sealed class AskCommand(CliConsole console) : Command<AskCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[question]")]
        [Description("The question, e.g. \"IVIG function in APAS\"; - reads it from standard input.")]
        public string[] Question { get; init; } = [];

        [CommandOption("--stdin")]
        [Description("Read the question from standard input (the same as giving -).")]
        public bool FromStandardInput { get; init; }

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful) return baseResult;
            if (FromStandardInput && Question.Length > 0) return ValidationResult.Error("give the question either as an argument or on standard input, not both");
            return Question.Length == 0 && !FromStandardInput
                ? ValidationResult.Error("ask needs a question, e.g. igadvisor ask \"IVIG in APS\" (the question given was empty)")
                : ValidationResult.Success();
        }
    }

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        string question;
        if (settings.FromStandardInput)
        {
            if (!StandardInput.TryRead(console, QuestionReader.MaxLength, out question, out var error))
            {
                console.Error.WriteLine($"igadvisor: {error}");
                return ExitCodes.BadInput;
            }
        }
        else question = string.Join(' ', settings.Question);

        var advisor = KnowledgeSession.Open(settings.KnowledgeDirectory, console);
        if (advisor is null) return ExitCodes.Invalid;
        var outcome = advisor.Ask(question);
        if (outcome.IsBadInput)
        {
            console.Error.WriteLine($"igadvisor: bad question: {outcome.BadInput}");
            return ExitCodes.BadInput;
        }
        var answer = outcome.Answer!;
        console.Out.Write(Render(answer, settings.ResolveFormat(OutputFormat.Markdown), console.IsTerminal));
        return answer.Status == AnswerStatus.Answered ? ExitCodes.Success : ExitCodes.NotAnswered;
    }

    public static string Render(Answer answer, OutputFormat format, bool terminal) => format switch
    {
        OutputFormat.Json => AnswerJson.Render(answer) + Environment.NewLine,
        OutputFormat.Html => AnswerHtml.Render(answer),
        OutputFormat.Text => AnswerText.Render(answer, 100, colour: terminal),
        _ => AnswerMarkdown.Render(answer),
    };
}
