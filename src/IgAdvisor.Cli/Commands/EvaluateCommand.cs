using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Rendering.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli.Commands;

/// <summary>
/// <c>igadvisor evaluate --patient FILE</c>: should this patient get immunoglobulin, and how much.
/// Reads IgAdvisor's patient JSON or a FHIR R4 Bundle; exit 0 evaluated (whatever the decision), 2 bad input.
/// </summary>
[Description("Evaluate a patient (IgAdvisor patient JSON or FHIR R4 Bundle): decision, criteria, missing facts, cautions and dose.")]
public sealed class EvaluateCommand(CliConsole console) : Command<EvaluateCommand.Settings>
{
    /// <summary>A patient document larger than this is refused rather than read.</summary>
    public const int MaximumPatientCharacters = 5_000_000;

    public sealed class Settings : CommonSettings
    {
        [CommandOption("-p|--patient <FILE>")]
        [Description("The patient: a .json file (patient document or FHIR Bundle); - or --stdin reads standard input.")]
        public string? Patient { get; init; }

        [CommandOption("--stdin")]
        [Description("Read the patient from standard input.")]
        public bool FromStandardInput { get; init; }

        [CommandOption("--condition <ID>")]
        [Description("Condition id (overrides the record's), e.g. antiphospholipid-syndrome.")]
        public string? Condition { get; init; }

        [CommandOption("--context <ID>")]
        [Description("Clinical context id within the condition, e.g. thrombotic.")]
        public string? Context { get; init; }

        [CommandOption("--regimen <ID>")]
        [Description("Regimen for the dose (default: the context's first weight-based regimen for the product's route).")]
        public string? Regimen { get; init; }

        [CommandOption("--product <ID>")]
        [Description("Product of the catalogue (overrides the record's).")]
        public string? Product { get; init; }

        [CommandOption("--policy <POLICY>")]
        [Description("Dosing weight: auto (default), actual, ideal or adjusted.")]
        public string? Policy { get; init; }

        [CommandOption("--round-to <GRAMS>")]
        [Description("Rounding step in grams when no product is given.")]
        public decimal? RoundToGrams { get; init; }

        [CommandOption("--tolerance <PERCENT>")]
        [Description("How far the rounded dose may differ from the exact one, in percent.")]
        public decimal? TolerancePercent { get; init; }

        [CommandOption("--price-per-gram <PRICE>")]
        [Description("Price per gram for the cost estimate.")]
        public decimal? PricePerGram { get; init; }

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful) return baseResult;
            var stdin = FromStandardInput || Patient == "-";
            if (FromStandardInput && Patient is not null) return ValidationResult.Error("give the patient either as --patient FILE or on standard input, not both");
            if (!stdin && string.IsNullOrWhiteSpace(Patient)) return ValidationResult.Error("evaluate needs a patient: --patient FILE (patient JSON or FHIR R4 Bundle), or - for standard input");
            if (Policy is not null && !EnumText.TryParse<WeightPolicy>(Policy.ToLowerInvariant(), out _))
                return ValidationResult.Error($"--policy '{Policy}' is not one of {string.Join(", ", EnumText.Words<WeightPolicy>())}");
            return ValidationResult.Success();
        }
    }

    public override int Execute([NotNull] CommandContext context, [NotNull] Settings settings)
    {
        if (!TryReadPatient(settings, out var json, out var source)) return ExitCodes.BadInput;
        var advisor = KnowledgeSession.Open(settings.KnowledgeDirectory, console);
        if (advisor is null) return ExitCodes.Invalid;
        var kb = advisor.KnowledgeBase;

        var read = PatientReaders.Read(json, kb, console.Clock);
        if (!read.Succeeded) return BadInput(source, read.Problems);
        var policy = WeightPolicy.Auto;
        if (settings.Policy is { } p) EnumText.TryParse(p.ToLowerInvariant(), out policy);
        var options = new EvaluationOptions(settings.Condition, settings.Context, settings.Regimen, settings.Product, policy,
            settings.RoundToGrams, settings.TolerancePercent, settings.PricePerGram);
        var outcome = new Evaluator(kb).Evaluate(read.Record!, options);
        if (outcome.Evaluation is not { } evaluation) return BadInput(source, outcome.Problems);
        console.Out.Write(Render(evaluation, kb, settings.ResolveFormat(OutputFormat.Text), console.IsTerminal));
        return ExitCodes.Success;
    }

    public static string Render(Evaluation evaluation, KnowledgeBase kb, OutputFormat format, bool terminal) => format switch
    {
        OutputFormat.Json => EvaluationJson.Render(evaluation, kb) + Environment.NewLine,
        _ => ReportOutput.Render(EvaluationReport.Build(evaluation, kb), format, terminal),
    };

    private bool TryReadPatient(Settings settings, out string json, out string source)
    {
        json = "";
        if (settings.FromStandardInput || settings.Patient == "-")
        {
            source = "standard input";
            if (StandardInput.TryRead(console, MaximumPatientCharacters, out json, out var error, "the patient")) return true;
            console.Error.WriteLine($"igadvisor: {error}");
            return false;
        }
        source = settings.Patient!;
        try
        {
            var info = new FileInfo(source);
            if (!info.Exists)
            {
                console.Error.WriteLine($"igadvisor: --patient: the file '{source}' does not exist");
                return false;
            }
            if (info.Length > MaximumPatientCharacters * 4L)
            {
                console.Error.WriteLine($"igadvisor: --patient: '{source}' is larger than a patient document can be ({info.Length:N0} bytes)");
                return false;
            }
            json = File.ReadAllText(source);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"igadvisor: --patient: '{source}' cannot be read: {e.Message}");
            return false;
        }
    }

    private int BadInput(string source, IEnumerable<InputProblem> problems)
    {
        console.Error.WriteLine($"igadvisor: the patient in {source} cannot be evaluated; nothing was computed:");
        foreach (var problem in problems) console.Error.WriteLine($"  {problem.Field}: {problem.Message}");
        return ExitCodes.BadInput;
    }
}
