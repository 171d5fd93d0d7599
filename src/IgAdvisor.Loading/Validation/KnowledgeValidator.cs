using IgAdvisor.Knowledge.Diagnostics;
using IgAdvisor.Knowledge.Model;

namespace IgAdvisor.Loading.Validation;

/// <summary>
/// Cross-file rules: unique ids, resolvable references, typed criterion tests, every source
/// cited, and every citation either direct for its condition or marked indirect with a reason.
/// </summary>
internal sealed class KnowledgeValidator
{
    private readonly Assembled _content;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<SourceId, Source> _sources = [];
    private readonly Dictionary<FactId, FactDefinition> _facts = [];
    private readonly Dictionary<DrugId, Drug> _drugs = [];
    private readonly HashSet<SourceId> _cited = [];

    private KnowledgeValidator(Assembled content) => _content = content;

    public static IReadOnlyList<Diagnostic> Validate(Assembled content)
    {
        var validator = new KnowledgeValidator(content);
        validator.Run();
        return validator._diagnostics;
    }

    private void Error(string code, Origin origin, string message, string? field = null) =>
        _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, origin.File, origin.Line, origin.Column, field ?? origin.Path, message));

    private void Warning(string code, Origin origin, string message, string? field = null) =>
        _diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Warning, origin.File, origin.Line, origin.Column, field ?? origin.Path, message));

    private void Run()
    {
        if (_content.Version is null)
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingKnowledgeBase, DiagnosticSeverity.Error, "knowledge-base.yaml", 0, 0, "version", "the knowledge base has no version"));
        IndexUnique(_content.Sources, s => s.Id.Value, s => s.Origin, "source", _sources, s => s.Id);
        IndexUnique(_content.Facts, f => f.Id.Value, f => f.Origin, "fact", _facts, f => f.Id);
        IndexUnique(_content.Drugs, d => d.Id.Value, d => d.Origin, "drug", _drugs, d => d.Id);
        var products = new Dictionary<ProductId, Product>();
        IndexUnique(_content.Products, p => p.Id.Value, p => p.Origin, "product", products, p => p.Id);
        var conditions = new Dictionary<ConditionId, Condition>();
        IndexUnique(_content.Conditions.Select(c => c.Condition), c => c.Id.Value, c => c.Origin, "condition", conditions, c => c.Id);
        var facets = _content.Facets.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var duplicate in _content.Facets.GroupBy(f => f.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            Error(DiagnosticCodes.DuplicateId, duplicate.Origin, $"duplicate facet id '{duplicate.Id}'");

        CheckPublications();
        foreach (var source in _content.Sources)
        {
            foreach (var condition in source.Addresses.Where(a => !conditions.ContainsKey(a)))
                Error(DiagnosticCodes.UnknownReference, source.Origin, $"source '{source.Id}' addresses unknown condition '{condition}'", $"{source.Origin.Path}.addresses");
        }
        foreach (var drug in _content.Drugs)
        {
            foreach (var parent in drug.MemberOf)
            {
                if (!_drugs.TryGetValue(parent, out var p)) Error(DiagnosticCodes.UnknownReference, drug.Origin, $"drug '{drug.Id}' is a member of unknown class '{parent}'", $"{drug.Origin.Path}.memberOf");
                else if (p.Kind != DrugKind.Class) Error(DiagnosticCodes.UnknownReference, drug.Origin, $"drug '{drug.Id}' is a member of '{parent}', which is not a class", $"{drug.Origin.Path}.memberOf");
            }
        }
        foreach (var product in _content.Products) CiteGeneral(product.Citations, product.Origin);
        var cautionIds = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var rule in _content.SafetyRules)
        {
            if (!cautionIds.TryAdd(rule.Id, rule.Origin))
                Error(DiagnosticCodes.DuplicateId, rule.Origin, $"duplicate safety rule id '{rule.Id}' (first at {cautionIds[rule.Id]})", $"{rule.Origin.Path}.id");
            CiteGeneral(rule.Citations, rule.Origin);
            if (rule.When is { } when) CheckTest(when);
        }
        if (_content.DosingPolicy is { } policy) CiteGeneral(policy.Citations, new Origin("policies/dosing-weight.yaml", 1, 1, "cite"));

        var regimenIds = new Dictionary<string, Origin>(StringComparer.Ordinal);
        var criterionIds = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var (condition, file) in _content.Conditions)
        {
            var expected = $"conditions/{condition.Id}.yaml";
            if (!string.Equals(file, expected, StringComparison.Ordinal))
                Error(DiagnosticCodes.FileNameMismatch, condition.Origin, $"condition '{condition.Id}' must live in {expected}", "id");
            CheckCondition(condition, products, facets, regimenIds, criterionIds);
        }
        CheckCodesUnique();

        foreach (var term in _content.Ambiguous)
        {
            foreach (var meaning in term.Meanings)
            {
                if (meaning.Condition is not { } c) continue;
                if (!conditions.TryGetValue(c, out var condition))
                    Error(DiagnosticCodes.UnknownReference, term.Origin, $"ambiguous term '{term.Term}' names unknown condition '{c}'");
                else if (meaning.Context is { } ctx && condition.Context(ctx) is null)
                    Error(DiagnosticCodes.UnknownReference, term.Origin, $"ambiguous term '{term.Term}' names unknown context '{ctx}' of '{c}'");
            }
        }

        foreach (var source in _content.Sources.Where(s => !_cited.Contains(s.Id)))
            Error(DiagnosticCodes.SourceNeverCited, source.Origin, $"source '{source.Id}' is never cited: cite it or delete it", $"{source.Origin.Path}.id");
    }

    /// <summary>
    /// A code names one condition or one context: the question reader and the FHIR reader map codes
    /// to conditions, and a code claimed twice would silently send a question to one of them.
    /// </summary>
    private void CheckCodesUnique()
    {
        var owners = new Dictionary<(string System, string Code), string>();
        foreach (var (condition, _) in _content.Conditions)
        {
            Claim(condition.Codes, condition.Id.Value, condition.Origin, "codes");
            foreach (var context in condition.Contexts)
                Claim(context.Codes, $"{condition.Id}/{context.Id}", context.Origin, $"{context.Origin.Path}.codes");
        }

        void Claim(ConditionCodes codes, string owner, Origin origin, string field)
        {
            foreach (var (system, list) in new[] { ("icd10cm", codes.Icd10Cm), ("snomedct", codes.SnomedCt) })
            {
                foreach (var code in list)
                {
                    if (!owners.TryAdd((system, code), owner))
                        Error(DiagnosticCodes.DuplicateCode, origin, $"{system} code '{code}' of '{owner}' is already the code of '{owners[(system, code)]}': a code names one condition or context", $"{field}.{system}");
                }
            }
        }
    }

    private void IndexUnique<T, TKey>(IEnumerable<T> items, Func<T, string> id, Func<T, Origin> origin, string kind, Dictionary<TKey, T> index, Func<T, TKey> key)
        where TKey : notnull
    {
        foreach (var item in items)
        {
            if (!index.TryAdd(key(item), item))
            {
                var first = origin(index[key(item)]);
                Error(DiagnosticCodes.DuplicateId, origin(item), $"duplicate {kind} id '{id(item)}' (first defined at {first})", $"{origin(item).Path}.id");
            }
        }
    }

    private void CheckPublications()
    {
        foreach (var group in _content.Sources.Where(s => s.Pmid is not null).GroupBy(s => s.Pmid!).Where(g => g.Count() > 1))
        {
            foreach (var s in group.Skip(1))
                Error(DiagnosticCodes.DuplicatePublication, s.Origin, $"PMID {group.Key} is also source '{group.First().Id}': cite that one", $"{s.Origin.Path}.pmid");
        }
        foreach (var group in _content.Sources.Where(s => s.Doi is not null).GroupBy(s => s.Doi!.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            foreach (var s in group.Skip(1))
                Error(DiagnosticCodes.DuplicatePublication, s.Origin, $"DOI {group.Key} is also source '{group.First().Id}': cite that one", $"{s.Origin.Path}.doi");
        }
    }

    private void CiteGeneral(IEnumerable<SourceId> citations, Origin origin)
    {
        foreach (var id in citations)
        {
            if (_sources.ContainsKey(id)) _cited.Add(id);
            else Error(DiagnosticCodes.UnknownSource, origin, $"unknown source '{id}'", $"{origin.Path}.cite");
        }
    }

    private void CheckCondition(Condition condition, Dictionary<ProductId, Product> products, Dictionary<string, Facet> facets,
        Dictionary<string, Origin> regimenIds, Dictionary<string, Origin> criterionIds)
    {
        var usedHere = new HashSet<SourceId>();

        void Cite(IEnumerable<SourceId> ids, Origin origin, string suffix = ".cite")
        {
            foreach (var id in ids)
            {
                if (!_sources.TryGetValue(id, out var source))
                {
                    Error(DiagnosticCodes.UnknownSource, origin, $"unknown source '{id}'", origin.Path + suffix);
                    continue;
                }
                _cited.Add(id);
                usedHere.Add(id);
                if (!source.IsDirectFor(condition.Id) && !condition.IndirectReasons.ContainsKey(id))
                    Error(DiagnosticCodes.IndirectWithoutMark, origin,
                        $"source '{id}' does not address '{condition.Id}': add it to 'indirect' with the reason it applies, or cite a direct source", origin.Path + suffix);
            }
        }

        void Statements(IEnumerable<Statement> statements)
        {
            foreach (var s in statements) Cite(s.Citations, s.Origin);
        }

        Statements(condition.BottomLine);
        Statements(condition.Closing);
        Statements(condition.Sections.All);
        foreach (var regimen in condition.Regimens) CheckRegimen(regimen, products, regimenIds, Cite);
        foreach (var caution in condition.Cautions) CheckCaution(caution, Cite);

        if (condition.Context(condition.Headline) is null)
            Error(DiagnosticCodes.UnknownHeadline, condition.Origin, $"headline '{condition.Headline}' is not one of the contexts ({string.Join(", ", condition.Contexts.Select(c => c.Id))})", "headline");
        foreach (var group in condition.Contexts.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            Error(DiagnosticCodes.DuplicateId, group.Skip(1).First().Origin, $"duplicate context id '{group.Key}'");

        foreach (var context in condition.Contexts)
        {
            foreach (var facet in context.Facets.Where(f => !facets.ContainsKey(f)))
                Error(DiagnosticCodes.UnknownReference, context.Origin, $"unknown facet '{facet}' (see vocabulary/facets.yaml)", $"{context.Origin.Path}.facets");
            if (context.SelectWhen is { } select) CheckTest(select);
            Cite(context.Verdict.Citations, context.Verdict.Origin);
            foreach (var position in context.Positions) Cite([position.Source], position.Origin, ".source");
            Statements(context.Sections.All);
            foreach (var study in context.Studies) Cite([study.Source], study.Origin, ".source");
            var stepIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in context.Algorithm)
            {
                if (!stepIds.Add(step.Id)) Error(DiagnosticCodes.DuplicateId, step.Origin, $"duplicate algorithm step id '{step.Id}'", $"{step.Origin.Path}.id");
                Cite(step.Citations, step.Origin);
                if (step.CompletedWhen is { } completed) CheckTest(completed);
            }
            foreach (var regimen in context.Regimens) CheckRegimen(regimen, products, regimenIds, Cite);
            foreach (var criterion in context.Qualifying)
            {
                if (!criterionIds.TryAdd(criterion.Id, criterion.Origin))
                    Error(DiagnosticCodes.DuplicateId, criterion.Origin, $"duplicate criterion id '{criterion.Id}' (first at {criterionIds[criterion.Id]})", $"{criterion.Origin.Path}.id");
                Cite(criterion.Citations, criterion.Origin);
                CheckTest(criterion.Test);
            }
            foreach (var review in context.Review)
            {
                if (!criterionIds.TryAdd(review.Id, review.Origin))
                    Error(DiagnosticCodes.DuplicateId, review.Origin, $"duplicate criterion id '{review.Id}' (first at {criterionIds[review.Id]})", $"{review.Origin.Path}.id");
                Cite(review.Citations, review.Origin);
            }
            foreach (var caution in context.Cautions) CheckCaution(caution, Cite);
        }

        foreach (var (id, _) in condition.IndirectReasons)
        {
            if (!_sources.TryGetValue(id, out var source))
                Error(DiagnosticCodes.UnknownSource, condition.Origin, $"'indirect' names unknown source '{id}'", "indirect");
            else if (source.IsDirectFor(condition.Id))
                Warning(DiagnosticCodes.NeedlessIndirectMark, condition.Origin, $"source '{id}' addresses '{condition.Id}' directly; its indirect mark is wrong", "indirect");
            else if (!usedHere.Contains(id))
                Warning(DiagnosticCodes.NeedlessIndirectMark, condition.Origin, $"source '{id}' is marked indirect but never cited here", "indirect");
        }
    }

    private void CheckRegimen(Regimen regimen, Dictionary<ProductId, Product> products, Dictionary<string, Origin> regimenIds, Action<IEnumerable<SourceId>, Origin, string> cite)
    {
        if (!regimenIds.TryAdd(regimen.Id, regimen.Origin))
            Error(DiagnosticCodes.DuplicateId, regimen.Origin, $"duplicate regimen id '{regimen.Id}' (first at {regimenIds[regimen.Id]})", $"{regimen.Origin.Path}.id");
        cite(regimen.Citations, regimen.Origin, ".cite");
        if (regimen.Product is { } p && !products.ContainsKey(p))
            Error(DiagnosticCodes.UnknownReference, regimen.Origin, $"unknown product '{p}'", $"{regimen.Origin.Path}.product");
    }

    private void CheckCaution(Caution caution, Action<IEnumerable<SourceId>, Origin, string> cite)
    {
        cite(caution.Citations, caution.Origin, ".cite");
        if (caution.When is { } when) CheckTest(when);
    }

    /// <summary>Checks fact and drug ids and that each comparison suits the fact's kind and unit.</summary>
    private void CheckTest(CriterionTest test)
    {
        switch (test)
        {
            case CriterionTest.AllOf all:
                foreach (var t in all.Tests) CheckTest(t);
                break;
            case CriterionTest.AnyOf any:
                foreach (var t in any.Tests) CheckTest(t);
                break;
            case CriterionTest.Not not:
                CheckTest(not.Test);
                break;
            case CriterionTest.OnTherapy therapy:
                if (!_drugs.ContainsKey(therapy.Drug))
                    Error(DiagnosticCodes.UnknownReference, therapy.Origin, $"unknown therapy '{therapy.Drug}' (see drugs/*.yaml)", $"{therapy.Origin.Path}.therapy");
                break;
            case CriterionTest.OnFact onFact:
                CheckFactTest(onFact);
                break;
        }
    }

    private void CheckFactTest(CriterionTest.OnFact test)
    {
        if (!_facts.TryGetValue(test.Fact, out var fact))
        {
            Error(DiagnosticCodes.UnknownReference, test.Origin, $"unknown fact '{test.Fact}' (see facts/*.yaml)", $"{test.Origin.Path}.fact");
            return;
        }
        var op = test.Operator;
        var ordered = op is ComparisonOperator.AtLeast or ComparisonOperator.Above or ComparisonOperator.AtMost or ComparisonOperator.Below;
        switch (fact.Kind)
        {
            case FactKind.Boolean:
                if (op == ComparisonOperator.IsTrue || (op == ComparisonOperator.EqualTo && test.Operands is [FactValue.Boolean])) return;
                Error(DiagnosticCodes.MalformedTest, test.Origin, $"fact '{fact.Id}' is yes/no: test it bare or with 'equals: true|false'");
                return;
            case FactKind.Quantity:
                if (!ordered)
                {
                    Error(DiagnosticCodes.MalformedTest, test.Origin, $"fact '{fact.Id}' is a quantity: compare it with atLeast, above, atMost or below");
                    return;
                }
                if (test.Operands is [FactValue.Number n])
                {
                    Error(DiagnosticCodes.QuantityWithoutUnit, test.Origin, $"'{n.Value}' has no unit; fact '{fact.Id}' is in {fact.Unit?.Code} (write e.g. '{n.Value} {fact.Unit?.Code}')");
                    return;
                }
                if (test.Operands is not [FactValue.Measured m] || !m.Value.TryConvertTo(fact.Unit!, fact.MolarMassGramsPerMole, out _))
                    Error(DiagnosticCodes.QuantityWithoutUnit, test.Origin, $"the value compared with '{fact.Id}' must be a quantity convertible to {fact.Unit?.Code}");
                return;
            case FactKind.Integer:
                if ((ordered || op == ComparisonOperator.EqualTo) && test.Operands is [FactValue.Number]) return;
                if (op == ComparisonOperator.OneOf && test.Operands.All(o => o is FactValue.Number) && !test.Operands.IsEmpty) return;
                Error(DiagnosticCodes.MalformedTest, test.Origin, $"fact '{fact.Id}' is a whole number: compare it with a number");
                return;
            case FactKind.Code:
                if (op is not (ComparisonOperator.EqualTo or ComparisonOperator.OneOf) || test.Operands.IsEmpty)
                {
                    Error(DiagnosticCodes.MalformedTest, test.Origin, $"fact '{fact.Id}' is a code: test it with 'equals' or 'oneOf'");
                    return;
                }
                foreach (var operand in test.Operands)
                {
                    var text = operand.ToString();
                    if (!fact.Values.Contains(text))
                        Error(DiagnosticCodes.MalformedTest, test.Origin, $"'{text}' is not a value of '{fact.Id}' ({string.Join(", ", fact.Values)})");
                }
                return;
        }
    }
}
