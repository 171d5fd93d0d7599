using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Rendering.Reports;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary><c>igadvisor dose</c>: the dose for a weight, a regimen and a product; exit 0 computed, 2 bad input.</summary>
[Description("Compute an immunoglobulin dose: dosing weight, course split by day, rounding to vials, infusion plan and cost.")]
public sealed class DoseCommand(CliConsole console) : Command<DoseCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--weight <WEIGHT>")]
        [Description("Body weight with its unit: 82kg, 180lb. A bare number is refused.")]
        public string? Weight { get; init; }

        [CommandOption("--height <HEIGHT>")]
        [Description("Height with its unit: 165cm, 65in. Needed for the ideal and adjusted weights.")]
        public string? Height { get; init; }

        [CommandOption("--sex <SEX>")]
        [Description("female or male (the ideal body weight formula differs by sex).")]
        public string? Sex { get; init; }

        [CommandOption("--regimen <ID>")]
        [Description("A regimen of the knowledge base, e.g. aps.catastrophic.five-day-course.")]
        public string? Regimen { get; init; }

        [CommandOption("--g-per-kg <GRAMS>")]
        [Description("A course given directly: grams per kg for the whole course (with --days).")]
        public decimal? GramsPerKg { get; init; }

        [CommandOption("--days <N>")]
        [Description("Infusion days the --g-per-kg course is split over.")]
        public int? Days { get; init; }

        [CommandOption("--policy <POLICY>")]
        [Description("Dosing weight: auto (default), actual, ideal or adjusted.")]
        public string? Policy { get; init; }

        [CommandOption("--product <ID>")]
        [Description("Product of the catalogue: round to its vials and plan the infusion with its label's rates.")]
        public string? Product { get; init; }

        [CommandOption("--round-to <GRAMS>")]
        [Description("Rounding step in grams when no product is given (default from knowledge/policies).")]
        public decimal? RoundToGrams { get; init; }

        [CommandOption("--tolerance <PERCENT>")]
        [Description("How far the rounded dose may differ from the exact one, in percent (default 10).")]
        public decimal? TolerancePercent { get; init; }

        [CommandOption("--price-per-gram <PRICE>")]
        [Description("Price per gram for the cost estimate (default from knowledge/policies).")]
        public decimal? PricePerGram { get; init; }

        public DoseArguments ToArguments() =>
            new(Weight, Height, Sex, Regimen, GramsPerKg, Days, Policy, Product, RoundToGrams, TolerancePercent, PricePerGram);
    }

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        var advisor = KnowledgeSession.Open(settings.KnowledgeDirectory, console);
        if (advisor is null) return ExitCodes.Invalid;
        var kb = advisor.KnowledgeBase;
        var (request, problem) = DoseInput.Parse(settings.ToArguments(), kb);
        if (problem is not null) return BadInput(problem.Field, problem.Message);
        var outcome = DoseCalculator.Calculate(request!, kb.DosingPolicy);
        if (outcome.Problem is { } p) return BadInput(p.Field, p.Message);
        console.Out.Write(Render(outcome.Result!, kb, settings.ResolveFormat(OutputFormat.Text), console.IsTerminal));
        return ExitCodes.Success;
    }

    private int BadInput(string field, string message)
    {
        console.Error.WriteLine($"igadvisor: --{field}: {message}; nothing was computed");
        return ExitCodes.BadInput;
    }

    public static string Render(DoseResult dose, KnowledgeBase kb, OutputFormat format, bool terminal) => format switch
    {
        OutputFormat.Json => DoseJson.Render(dose, kb) + Environment.NewLine,
        _ => ReportOutput.Render(DoseReport.Build(dose, kb), format, terminal),
    };
}
