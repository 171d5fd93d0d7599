using System.Collections.Immutable;
using IgAdvisor.Engine.Dosing;
using IgAdvisor.Knowledge.Model;
using IgAdvisor.Knowledge.Quantities;

namespace IgAdvisor.Engine.Patients;

/// <summary>The evaluation, or the input problems that prevented one (exit 2).</summary>
public sealed record EvaluationOutcome(Evaluation? Evaluation, ImmutableArray<InputProblem> Problems);

/// <summary>
/// Turns a patient record into a decision (docs/patient-facts.md): the context, the qualifying
/// criteria, the decision by strictness and verdict role, the position on the algorithm, the
/// cautions of the condition and of the product class, and the dose.
/// </summary>
public sealed class Evaluator(KnowledgeBase kb)
{
    public EvaluationOutcome Evaluate(PatientRecord record, EvaluationOptions options)
    {
        var problems = ImmutableArray.CreateBuilder<InputProblem>();
        var conditionId = options.Condition ?? record.Condition?.Value;
        if (conditionId is null)
            return Fail("condition", "no condition: give \"condition\" in the record or --condition ID");
        if (!kb.ConditionsById.TryGetValue(new ConditionId(conditionId), out var condition))
            return Fail("condition", $"'{conditionId}' is not a condition of the knowledge base (see igadvisor conditions)");
        Product? product = null;
        var productId = options.Product ?? record.Product?.Value;
        if (productId is not null && !kb.Products.TryGetValue(new ProductId(productId), out product))
            return Fail("product", $"'{productId}' is not a product of the catalogue");

        var (context, contextReason, contextMissing) = ChooseContext(record, options, condition, product);
        if (context is null && contextReason.StartsWith("unknown context", StringComparison.Ordinal))
            return Fail("context", contextReason);

        // Derived facts: BMI from weight and height.
        if (record.Measure("body-weight") is { } kg && record.Measure("body-height") is { } cm && record.Fact("bmi") is null && cm > 0)
            record = record.With(new FactId("bmi"), new FactValue.Measured(new Quantity(Math.Round(kg / (cm / 100m * (cm / 100m)), 1), Units.BodyMassIndex)));

        // Dose first: the course dose per kg is a fact the safety screen reads.
        var regimens = (context?.Regimens ?? []).Concat(condition.Regimens).ToImmutableArray();
        var (dose, doseNote, doseProblem, courseDose) = ComputeDose(record, options, condition, regimens, product);
        if (doseProblem is not null) return new EvaluationOutcome(null, [doseProblem]);
        if (courseDose is { } perKg) record = record.With(new FactId("course-dose"), new FactValue.Measured(new Quantity(perKg, Units.GramPerKilogram)));

        var evaluator = new TestEvaluator(kb, record, product);
        var criteria = ImmutableArray.CreateBuilder<CriterionResult>();
        foreach (var criterion in context?.Qualifying ?? [])
        {
            var used = new List<string>();
            var missing = new HashSet<string>(StringComparer.Ordinal);
            var status = evaluator.Evaluate(criterion.Test, used, missing);
            criteria.Add(new CriterionResult(criterion, status, [.. used.Distinct()], status == TestStatus.Unknown ? [.. missing.Order(StringComparer.Ordinal)] : []));
        }
        var cautions = Cautions(condition, context, evaluator);
        var (decision, reason) = Decide(context, contextReason, criteria, cautions);
        // A dose beside "not indicated" reads as an invitation; the computation stays available through `dose`.
        if (decision == Decision.NotIndicated && dose is not null)
            (dose, doseNote) = (null, "no dose is given because immunoglobulin is not indicated for this patient (igadvisor dose computes one if a specialist decides otherwise)");
        // The facts the decision lacks: for "insufficient information" those of the required criteria
        // that could not be judged, otherwise those of any criterion left unknown.
        IEnumerable<string> lacking = context is null ? contextMissing
            : decision == Decision.InsufficientInformation
                ? criteria.Where(c => c.Criterion.Strictness == Strictness.Required).SelectMany(c => c.MissingFacts)
                : criteria.SelectMany(c => c.MissingFacts);
        var missingFacts = lacking.Distinct(StringComparer.Ordinal).Select(Missing).ToImmutableArray();

        var position = context is null ? null : Position(context, evaluator);
        var forList = criteria.Where(c => c.Status == TestStatus.Met).Select(c => $"{c.Criterion.Text} ({string.Join("; ", c.FactsUsed)})").ToImmutableArray();
        var against = criteria.Where(c => c.Status == TestStatus.NotMet).Select(c => $"{c.Criterion.Text} ({string.Join("; ", c.FactsUsed)})").ToImmutableArray();
        return new EvaluationOutcome(new Evaluation(record, condition, context, contextReason, decision, reason, criteria.ToImmutable(), missingFacts,
            position, forList, against, cautions, dose, doseNote, regimens), problems.ToImmutable());
    }

    private static EvaluationOutcome Fail(string field, string message) => new(null, [new InputProblem(field, message)]);

    private MissingFact Missing(string id)
    {
        if (id.StartsWith("therapy:", StringComparison.Ordinal))
        {
            var drug = id["therapy:".Length..];
            var name = kb.Drugs.TryGetValue(new DrugId(drug), out var d) ? d.Name : drug;
            return new MissingFact(id, $"Has the patient had {name}, and how did it go (current, completed, failed, intolerant, contraindicated, declined)?");
        }
        if (id == "product") return new MissingFact(id, "Which immunoglobulin product will be used?");
        if (id == "context") return new MissingFact(id, "Which clinical situation is this?");
        return new MissingFact(id, kb.Facts.TryGetValue(new FactId(id), out var fact) ? fact.Question : id);
    }

    private (ClinicalContext? Context, string Reason, ImmutableArray<string> Missing) ChooseContext(PatientRecord record, EvaluationOptions options, Condition condition, Product? product)
    {
        var requested = options.Context ?? record.Context?.Value;
        if (requested is not null)
        {
            return condition.Context(new ContextId(requested)) is { } chosen
                ? (chosen, "given in the record", [])
                : (null, $"unknown context '{requested}' of {condition.Id} ({string.Join(", ", condition.Contexts.Select(c => c.Id))})", []);
        }
        if (condition.Contexts.Length == 1) return (condition.Contexts[0], "the condition's only context", []);
        var evaluator = new TestEvaluator(kb, record, product);
        var matched = new List<ClinicalContext>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in condition.Contexts.Where(c => c.SelectWhen is not null))
        {
            if (evaluator.Evaluate(context.SelectWhen!, [], missing) == TestStatus.Met) matched.Add(context);
        }
        if (matched.Count == 1) return (matched[0], "chosen from the facts (its selection test is met)", []);
        var reason = matched.Count > 1
            ? $"the facts fit several contexts ({string.Join(", ", matched.Select(c => c.Id))}); give \"context\""
            : $"no context could be chosen from the facts; give \"context\" (one of {string.Join(", ", condition.Contexts.Select(c => c.Id))})";
        return (null, reason, [.. missing.Prepend("context").Order(StringComparer.Ordinal)]);
    }

    private static (Decision, string) Decide(ClinicalContext? context, string contextReason, ImmutableArray<CriterionResult>.Builder criteria, ImmutableArray<CautionResult> cautions)
    {
        if (context is null) return (Decision.InsufficientInformation, contextReason);
        var required = criteria.Where(c => c.Criterion.Strictness == Strictness.Required).ToList();
        var failed = required.Where(c => c.Status == TestStatus.NotMet).ToList();
        if (failed.Count > 0) return (Decision.NotIndicated, $"a required criterion is not met: {failed[0].Criterion.Text}");
        var unknown = required.Where(c => c.Status == TestStatus.Unknown).ToList();
        if (unknown.Count > 0) return (Decision.InsufficientInformation, $"{unknown.Count} required criterion(s) cannot be judged from the facts given");
        var role = context.Verdict.Role;
        switch (role)
        {
            case Role.RecommendedAgainst or Role.NotRecommended:
                return (Decision.NotIndicated, $"immunoglobulin is {Answers.Wording.Role(role)} in {context.Name}");
            case Role.Adjunct or Role.Exceptional:
                return (Decision.IndicatedWithConditions, $"immunoglobulin is an {(role == Role.Adjunct ? "adjunct" : "exceptional option")} here: {Answers.Wording.Role(role)}, with the conditions of its verdict and cautions");
        }
        var advisory = criteria.Where(c => c.Criterion.Strictness == Strictness.Advisory && c.Status != TestStatus.Met).ToList();
        var high = cautions.Where(c => c.Status == CautionStatus.Applies && c.Caution.Severity == CautionSeverity.High).ToList();
        if (advisory.Count > 0) return (Decision.IndicatedWithConditions, $"the required criteria are met; advisory criterion not met or unknown: {advisory[0].Criterion.Text}");
        if (high.Count > 0) return (Decision.IndicatedWithConditions, $"the criteria are met; a high-severity caution applies: {high[0].Caution.Text}");
        return (Decision.Indicated, $"the qualifying criteria are met and immunoglobulin is {Answers.Wording.Role(role)} in {context.Name}");
    }

    private ImmutableArray<CautionResult> Cautions(Condition condition, ClinicalContext? context, TestEvaluator evaluator)
    {
        var results = ImmutableArray.CreateBuilder<CautionResult>();
        void Screen(IEnumerable<Caution> cautions, string origin)
        {
            foreach (var caution in cautions)
            {
                if (caution.When is null)
                {
                    results.Add(new CautionResult(caution, CautionStatus.Applies, origin, [], []));
                    continue;
                }
                var used = new List<string>();
                var missing = new HashSet<string>(StringComparer.Ordinal);
                var status = evaluator.Evaluate(caution.When, used, missing);
                if (status == TestStatus.Met) results.Add(new CautionResult(caution, CautionStatus.Applies, origin, [.. used.Distinct()], []));
                else if (status == TestStatus.Unknown) results.Add(new CautionResult(caution, CautionStatus.Possible, origin, [.. used.Distinct()], [.. missing.Order(StringComparer.Ordinal)]));
            }
        }
        Screen(condition.Cautions, condition.Name);
        if (context is not null) Screen(context.Cautions, context.Name);
        Screen(kb.SafetyRules, "immunoglobulin class (labels)");
        return [.. results.OrderBy(r => r.Status).ThenBy(r => r.Caution.Severity)];
    }

    private static AlgorithmPosition Position(ClinicalContext context, TestEvaluator evaluator)
    {
        var steps = context.Algorithm.Select(step => (step, step.CompletedWhen is { } test ? evaluator.Evaluate(test, [], []) : TestStatus.Unknown)).ToImmutableArray();
        var current = steps.FirstOrDefault(s => s.Item2 != TestStatus.Met).step;
        var firstIgStep = context.Algorithm.FirstOrDefault(s => s.UsesImmunoglobulin);
        var firstIg = firstIgStep is null || firstIgStep.AtAnyLine ? -1 : context.Algorithm.IndexOf(firstIgStep);
        var before = firstIg < 0 ? [] : steps.Take(firstIg).Where(s => s.Item2 != TestStatus.Met).Select(s => s.step).ToImmutableArray();
        return new AlgorithmPosition(current, steps, before);
    }

    /// <summary>A warning when the regimen was written for another age group than the patient's.</summary>
    private static string? PopulationMismatch(Population population, decimal ageYears) => population switch
    {
        Population.Adult when ageYears < 18 => $"the regimen is written for adults and the patient is {ageYears:0} years old; check the paediatric dose",
        Population.Child or Population.Neonate when ageYears >= 18 => $"the regimen is written for children and the patient is {ageYears:0} years old",
        _ => null,
    };

    private (DoseResult? Dose, string? Note, InputProblem? Problem, decimal? CourseDose) ComputeDose(PatientRecord record, EvaluationOptions options, Condition condition,
        ImmutableArray<Regimen> regimens, Product? product)
    {
        Regimen? regimen;
        if (options.Regimen is { } wanted)
        {
            regimen = condition.AllRegimens.FirstOrDefault(r => r.Id == wanted);
            if (regimen is null) return (null, null, new InputProblem("regimen", $"'{wanted}' is not a regimen of {condition.Id} ({string.Join(", ", condition.AllRegimens.Select(r => r.Id))})"), null);
        }
        else regimen = regimens.FirstOrDefault(r => r.Dose.IsGramsPerKg && r.Route == (product?.Route ?? Route.Iv)) ?? regimens.FirstOrDefault(r => r.Dose.IsGramsPerKg);
        if (regimen is null) return (null, "no weight-based immunoglobulin regimen is recorded for this context", null, null);
        var (plan, planProblem) = DosePlan.FromRegimen(regimen);
        if (plan is null) return (null, planProblem, null, null);
        if (record.Measure("body-weight") is not { } kg) return (null, "no dose: the body weight (fact body-weight, with its unit) is missing", null, plan.GramsPerKgPerCourse);
        var height = record.Measure("body-height") is { } cm ? new BodyHeight(cm) : (BodyHeight?)null;
        Sex? sex = record.Code("sex") switch { "female" => Sex.Female, "male" => Sex.Male, _ => null };
        var outcome = DoseCalculator.Calculate(new DoseRequest(new BodyWeight(kg), height, sex, options.Policy, plan, product,
            options.RoundToGrams, options.TolerancePercent, options.PricePerGram), kb.DosingPolicy);
        if (outcome.Problem is { } problem) return (null, null, problem with { Field = $"facts.body-{problem.Field}".Replace("body-sex", "sex", StringComparison.Ordinal) }, null);
        var result = outcome.Result!;
        if (record.Measure("age") is { } age && PopulationMismatch(regimen.Population, age) is { } mismatch)
            result = result with { Warnings = result.Warnings.Add(mismatch) };
        // Ontario's calculator doses a pregnant patient on her pre-pregnancy weight; the record cannot say which weight it holds.
        if (record.Flag("pregnant") == true)
            result = result with { Warnings = result.Warnings.Add("the patient is pregnant: programmes (Ontario's dose calculator) dose on the pre-pregnancy weight; check which weight was given") };
        return (result, null, null, plan.GramsPerKgPerCourse);
    }
}
